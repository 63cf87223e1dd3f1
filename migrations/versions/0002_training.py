"""training: standards, schedule, line-ups, attendance, acknowledgements, pulse

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:02:13.696657

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('service_value',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('number', sa.Integer(), nullable=True),
    sa.Column('title_en', sa.String(length=200), nullable=False),
    sa.Column('title_de', sa.String(length=200), nullable=False),
    sa.Column('body_en', sa.Text(), nullable=False),
    sa.Column('body_de', sa.Text(), nullable=False),
    sa.Column('examples_en', sa.Text(), nullable=False),
    sa.Column('examples_de', sa.Text(), nullable=False),
    sa.Column('prompts_en', sa.Text(), nullable=False),
    sa.Column('prompts_de', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind in ('credo', 'motto', 'step', 'value', 'topic')", name=op.f('ck_service_value_kind_known')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_value'))
    )
    with op.batch_alter_table('service_value', schema=None) as batch_op:
        batch_op.create_index('ix_service_value_kind_archived', ['kind', 'archived'], unique=False)

    op.create_table('line_up',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('shift', sa.String(length=40), nullable=False),
    sa.Column('value_id', sa.Integer(), nullable=True),
    sa.Column('leader_id', sa.Integer(), nullable=True),
    sa.Column('wow_story', sa.Text(), nullable=False),
    sa.Column('wow_story_by', sa.String(length=200), nullable=False),
    sa.Column('wow_story_source_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('saved_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_line_up_department_id_department')),
    sa.ForeignKeyConstraint(['leader_id'], ['user.id'], name=op.f('fk_line_up_leader_id_user')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_line_up_site_id_site')),
    sa.ForeignKeyConstraint(['value_id'], ['service_value.id'], name=op.f('fk_line_up_value_id_service_value')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_line_up')),
    sa.UniqueConstraint('department_id', 'shift', 'date', name=op.f('uq_line_up_department_id_shift_date'))
    )
    with op.batch_alter_table('line_up', schema=None) as batch_op:
        batch_op.create_index('ix_line_up_date_department', ['date', 'department_id'], unique=False)
        batch_op.create_index('ix_line_up_site_date', ['site_id', 'date'], unique=False)
        batch_op.create_index(batch_op.f('ix_line_up_value_id'), ['value_id'], unique=False)

    op.create_table('lineup_schedule_override',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('value_id', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_lineup_schedule_override_range_ordered')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_lineup_schedule_override_created_by_id_user')),
    sa.ForeignKeyConstraint(['value_id'], ['service_value.id'], name=op.f('fk_lineup_schedule_override_value_id_service_value')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lineup_schedule_override'))
    )
    with op.batch_alter_table('lineup_schedule_override', schema=None) as batch_op:
        batch_op.create_index('ix_lineup_schedule_override_range', ['start_date', 'end_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_lineup_schedule_override_value_id'), ['value_id'], unique=False)

    op.create_table('lineup_site_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('text', sa.String(length=1000), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_lineup_site_note_range_ordered')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_lineup_site_note_created_by_id_user')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_lineup_site_note_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lineup_site_note'))
    )
    with op.batch_alter_table('lineup_site_note', schema=None) as batch_op:
        batch_op.create_index('ix_lineup_site_note_site_range', ['site_id', 'start_date', 'end_date'], unique=False)

    op.create_table('lineup_acknowledgement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('value_id', sa.Integer(), nullable=True),
    sa.Column('lineup_id', sa.Integer(), nullable=True),
    sa.Column('acknowledged_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['lineup_id'], ['line_up.id'], name=op.f('fk_lineup_acknowledgement_lineup_id_line_up'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_lineup_acknowledgement_user_id_user')),
    sa.ForeignKeyConstraint(['value_id'], ['service_value.id'], name=op.f('fk_lineup_acknowledgement_value_id_service_value')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lineup_acknowledgement')),
    sa.UniqueConstraint('user_id', 'date', name=op.f('uq_lineup_acknowledgement_user_id_date'))
    )
    with op.batch_alter_table('lineup_acknowledgement', schema=None) as batch_op:
        batch_op.create_index('ix_lineup_acknowledgement_date', ['date'], unique=False)

    op.create_table('lineup_attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lineup_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('marked_by_id', sa.Integer(), nullable=True),
    sa.Column('marked_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status in ('present', 'absent', 'excused')", name=op.f('ck_lineup_attendance_status_known')),
    sa.ForeignKeyConstraint(['lineup_id'], ['line_up.id'], name=op.f('fk_lineup_attendance_lineup_id_line_up'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['marked_by_id'], ['user.id'], name=op.f('fk_lineup_attendance_marked_by_id_user')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_lineup_attendance_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lineup_attendance')),
    sa.UniqueConstraint('lineup_id', 'user_id', name=op.f('uq_lineup_attendance_lineup_id_user_id'))
    )
    with op.batch_alter_table('lineup_attendance', schema=None) as batch_op:
        batch_op.create_index('ix_lineup_attendance_user_status', ['user_id', 'status'], unique=False)

    op.create_table('lineup_pulse',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lineup_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('useful', sa.Boolean(), nullable=False),
    sa.Column('comment', sa.String(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['lineup_id'], ['line_up.id'], name=op.f('fk_lineup_pulse_lineup_id_line_up'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_lineup_pulse_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lineup_pulse')),
    sa.UniqueConstraint('lineup_id', 'user_id', name=op.f('uq_lineup_pulse_lineup_id_user_id'))
    )
    with op.batch_alter_table('lineup_pulse', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lineup_pulse_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('lineup_pulse', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lineup_pulse_user_id'))

    op.drop_table('lineup_pulse')
    with op.batch_alter_table('lineup_attendance', schema=None) as batch_op:
        batch_op.drop_index('ix_lineup_attendance_user_status')

    op.drop_table('lineup_attendance')
    with op.batch_alter_table('lineup_acknowledgement', schema=None) as batch_op:
        batch_op.drop_index('ix_lineup_acknowledgement_date')

    op.drop_table('lineup_acknowledgement')
    with op.batch_alter_table('lineup_site_note', schema=None) as batch_op:
        batch_op.drop_index('ix_lineup_site_note_site_range')

    op.drop_table('lineup_site_note')
    with op.batch_alter_table('lineup_schedule_override', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lineup_schedule_override_value_id'))
        batch_op.drop_index('ix_lineup_schedule_override_range')

    op.drop_table('lineup_schedule_override')
    with op.batch_alter_table('line_up', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_line_up_value_id'))
        batch_op.drop_index('ix_line_up_site_date')
        batch_op.drop_index('ix_line_up_date_department')

    op.drop_table('line_up')
    with op.batch_alter_table('service_value', schema=None) as batch_op:
        batch_op.drop_index('ix_service_value_kind_archived')

    op.drop_table('service_value')
