"""recognition: feedback, matching, moderation, awards and budgets, board, heroes, API tokens

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('award_type',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name_en', sa.String(length=120), nullable=False),
    sa.Column('name_de', sa.String(length=120), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award_type')),
    sa.UniqueConstraint('code', name=op.f('uq_award_type_code'))
    )
    op.create_table('api_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('prefix', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_api_token_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_token')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_api_token_token_hash'))
    )
    op.create_table('award_budget',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('giver_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('used', sa.Integer(), nullable=False),
    sa.CheckConstraint('used >= 0 and used <= total', name=op.f('ck_award_budget_within_total')),
    sa.ForeignKeyConstraint(['giver_id'], ['user.id'], name=op.f('fk_award_budget_giver_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award_budget')),
    sa.UniqueConstraint('giver_id', 'month', name=op.f('uq_award_budget_giver_id_month'))
    )
    op.create_table('peer_card',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sender_id', sa.Integer(), nullable=False),
    sa.Column('recipient_id', sa.Integer(), nullable=False),
    sa.Column('value_id', sa.Integer(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('sender_id <> recipient_id', name=op.f('ck_peer_card_not_self')),
    sa.ForeignKeyConstraint(['recipient_id'], ['user.id'], name=op.f('fk_peer_card_recipient_id_user')),
    sa.ForeignKeyConstraint(['sender_id'], ['user.id'], name=op.f('fk_peer_card_sender_id_user')),
    sa.ForeignKeyConstraint(['value_id'], ['service_value.id'], name=op.f('fk_peer_card_value_id_service_value')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_peer_card'))
    )
    with op.batch_alter_table('peer_card', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_peer_card_recipient_id'), ['recipient_id'], unique=False)
        batch_op.create_index('ix_peer_card_sender_created', ['sender_id', 'created_at'], unique=False)

    op.create_table('service_hero',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('confirmed_by_id', sa.Integer(), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['confirmed_by_id'], ['user.id'], name=op.f('fk_service_hero_confirmed_by_id_user')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_service_hero_site_id_site')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_service_hero_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_hero')),
    sa.UniqueConstraint('site_id', 'month', name=op.f('uq_service_hero_site_id_month'))
    )
    op.create_table('staff_profile',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('visibility', sa.String(length=10), nullable=False),
    sa.Column('listed_on_form', sa.Boolean(), nullable=False),
    sa.Column('aliases', sa.String(length=500), nullable=False),
    sa.CheckConstraint("visibility in ('everyone', 'team', 'private')", name=op.f('ck_staff_profile_visibility_known')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_staff_profile_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_staff_profile'))
    )
    op.create_table('feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('channel', sa.String(length=12), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('external_id', sa.String(length=120), nullable=True),
    sa.Column('staff_names', sa.String(length=300), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('public_text', sa.Text(), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=True),
    sa.Column('shift', sa.String(length=12), nullable=True),
    sa.Column('rating', sa.Integer(), nullable=True),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('customer_name', sa.String(length=120), nullable=True),
    sa.Column('customer_email', sa.String(length=254), nullable=True),
    sa.Column('reply_consent', sa.Boolean(), nullable=False),
    sa.Column('match_outcome', sa.String(length=12), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('value_id', sa.Integer(), nullable=True),
    sa.Column('suggested_value_id', sa.Integer(), nullable=True),
    sa.Column('reject_reason', sa.String(length=500), nullable=True),
    sa.Column('logged_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('wow_story', sa.Boolean(), nullable=False),
    sa.Column('used_in_line_up_id', sa.Integer(), nullable=True),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('complaint_state', sa.String(length=12), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.CheckConstraint("kind in ('praise', 'complaint', 'suggestion')", name=op.f('ck_feedback_kind_known')),
    sa.CheckConstraint("status in ('pending', 'approved', 'rejected')", name=op.f('ck_feedback_status_known')),
    sa.CheckConstraint('rating is null or (rating >= 1 and rating <= 5)', name=op.f('ck_feedback_rating_range')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user.id'], name=op.f('fk_feedback_decided_by_id_user')),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_feedback_department_id_department')),
    sa.ForeignKeyConstraint(['logged_by_id'], ['user.id'], name=op.f('fk_feedback_logged_by_id_user')),
    sa.ForeignKeyConstraint(['owner_id'], ['user.id'], name=op.f('fk_feedback_owner_id_user')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_feedback_site_id_site')),
    sa.ForeignKeyConstraint(['suggested_value_id'], ['service_value.id'], name=op.f('fk_feedback_suggested_value_id_service_value')),
    sa.ForeignKeyConstraint(['used_in_line_up_id'], ['line_up.id'], name=op.f('fk_feedback_used_in_line_up_id_line_up'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['value_id'], ['service_value.id'], name=op.f('fk_feedback_value_id_service_value')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback')),
    sa.UniqueConstraint('site_id', 'source', 'external_id', name='uq_feedback_external')
    )
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_department_id'), ['department_id'], unique=False)
        batch_op.create_index('ix_feedback_inbox', ['status', 'kind', 'department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_site_id'), ['site_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_status'), ['status'], unique=False)
        batch_op.create_index('ix_feedback_wow', ['wow_story', 'used_at'], unique=False)

    op.create_table('award',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('type_id', sa.Integer(), nullable=False),
    sa.Column('giver_id', sa.Integer(), nullable=False),
    sa.Column('recipient_id', sa.Integer(), nullable=False),
    sa.Column('value_id', sa.Integer(), nullable=True),
    sa.Column('feedback_id', sa.Integer(), nullable=True),
    sa.Column('budget_id', sa.Integer(), nullable=True),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('rescinded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('rescinded_by_id', sa.Integer(), nullable=True),
    sa.Column('rescind_reason', sa.String(length=500), nullable=True),
    sa.CheckConstraint('points >= 0', name=op.f('ck_award_points_positive')),
    sa.ForeignKeyConstraint(['budget_id'], ['award_budget.id'], name=op.f('fk_award_budget_id_award_budget')),
    sa.ForeignKeyConstraint(['feedback_id'], ['feedback.id'], name=op.f('fk_award_feedback_id_feedback')),
    sa.ForeignKeyConstraint(['giver_id'], ['user.id'], name=op.f('fk_award_giver_id_user')),
    sa.ForeignKeyConstraint(['recipient_id'], ['user.id'], name=op.f('fk_award_recipient_id_user')),
    sa.ForeignKeyConstraint(['rescinded_by_id'], ['user.id'], name=op.f('fk_award_rescinded_by_id_user')),
    sa.ForeignKeyConstraint(['type_id'], ['award_type.id'], name=op.f('fk_award_type_id_award_type')),
    sa.ForeignKeyConstraint(['value_id'], ['service_value.id'], name=op.f('fk_award_value_id_service_value')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award'))
    )
    with op.batch_alter_table('award', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_award_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_award_feedback_id'), ['feedback_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_award_giver_id'), ['giver_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_award_recipient_id'), ['recipient_id'], unique=False)

    op.create_table('complaint_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('feedback_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['user.id'], name=op.f('fk_complaint_note_author_id_user')),
    sa.ForeignKeyConstraint(['feedback_id'], ['feedback.id'], name=op.f('fk_complaint_note_feedback_id_feedback'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_note'))
    )
    with op.batch_alter_table('complaint_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_note_feedback_id'), ['feedback_id'], unique=False)

    op.create_table('feedback_person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('feedback_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('score', sa.Double(), nullable=False),
    sa.ForeignKeyConstraint(['feedback_id'], ['feedback.id'], name=op.f('fk_feedback_person_feedback_id_feedback'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_feedback_person_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback_person')),
    sa.UniqueConstraint('feedback_id', 'user_id', name=op.f('uq_feedback_person_feedback_id_user_id'))
    )
    with op.batch_alter_table('feedback_person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_person_user_id'), ['user_id'], unique=False)

    op.create_table('board_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('feedback_id', sa.Integer(), nullable=True),
    sa.Column('award_id', sa.Integer(), nullable=True),
    sa.Column('peer_card_id', sa.Integer(), nullable=True),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('value_id', sa.Integer(), nullable=True),
    sa.Column('headline', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('visibility', sa.String(length=10), nullable=False),
    sa.Column('hidden', sa.Boolean(), nullable=False),
    sa.Column('applause_count', sa.Integer(), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("visibility in ('everyone', 'team', 'private')", name=op.f('ck_board_item_visibility_known')),
    sa.ForeignKeyConstraint(['award_id'], ['award.id'], name=op.f('fk_board_item_award_id_award'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_board_item_department_id_department')),
    sa.ForeignKeyConstraint(['feedback_id'], ['feedback.id'], name=op.f('fk_board_item_feedback_id_feedback'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['peer_card_id'], ['peer_card.id'], name=op.f('fk_board_item_peer_card_id_peer_card'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_board_item_site_id_site')),
    sa.ForeignKeyConstraint(['value_id'], ['service_value.id'], name=op.f('fk_board_item_value_id_service_value')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_board_item')),
    sa.UniqueConstraint('award_id', name=op.f('uq_board_item_award_id')),
    sa.UniqueConstraint('feedback_id', name=op.f('uq_board_item_feedback_id')),
    sa.UniqueConstraint('peer_card_id', name=op.f('uq_board_item_peer_card_id'))
    )
    with op.batch_alter_table('board_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_board_item_department_id'), ['department_id'], unique=False)
        batch_op.create_index('ix_board_item_listing', ['hidden', 'visibility', 'published_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_board_item_site_id'), ['site_id'], unique=False)

    op.create_table('recognition_notice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('feedback_id', sa.Integer(), nullable=True),
    sa.Column('award_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['award_id'], ['award.id'], name=op.f('fk_recognition_notice_award_id_award'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['feedback_id'], ['feedback.id'], name=op.f('fk_recognition_notice_feedback_id_feedback'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_recognition_notice_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recognition_notice'))
    )
    with op.batch_alter_table('recognition_notice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recognition_notice_user_id'), ['user_id'], unique=False)

    op.create_table('applause',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['board_item.id'], name=op.f('fk_applause_item_id_board_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_applause_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applause')),
    sa.UniqueConstraint('item_id', 'user_id', name=op.f('uq_applause_item_id_user_id'))
    )
    with op.batch_alter_table('applause', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_applause_user_id'), ['user_id'], unique=False)

    op.create_table('board_item_person',
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['board_item.id'], name=op.f('fk_board_item_person_item_id_board_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_board_item_person_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('item_id', 'user_id', name=op.f('pk_board_item_person'))
    )
    with op.batch_alter_table('board_item_person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_board_item_person_user_id'), ['user_id'], unique=False)



def downgrade():
    with op.batch_alter_table('board_item_person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_board_item_person_user_id'))

    op.drop_table('board_item_person')
    with op.batch_alter_table('applause', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_applause_user_id'))

    op.drop_table('applause')
    with op.batch_alter_table('recognition_notice', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recognition_notice_user_id'))

    op.drop_table('recognition_notice')
    with op.batch_alter_table('board_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_board_item_site_id'))
        batch_op.drop_index('ix_board_item_listing')
        batch_op.drop_index(batch_op.f('ix_board_item_department_id'))

    op.drop_table('board_item')
    with op.batch_alter_table('feedback_person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feedback_person_user_id'))

    op.drop_table('feedback_person')
    with op.batch_alter_table('complaint_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_note_feedback_id'))

    op.drop_table('complaint_note')
    with op.batch_alter_table('award', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_award_recipient_id'))
        batch_op.drop_index(batch_op.f('ix_award_giver_id'))
        batch_op.drop_index(batch_op.f('ix_award_feedback_id'))
        batch_op.drop_index(batch_op.f('ix_award_created_at'))

    op.drop_table('award')
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.drop_index('ix_feedback_wow')
        batch_op.drop_index(batch_op.f('ix_feedback_status'))
        batch_op.drop_index(batch_op.f('ix_feedback_site_id'))
        batch_op.drop_index(batch_op.f('ix_feedback_owner_id'))
        batch_op.drop_index('ix_feedback_inbox')
        batch_op.drop_index(batch_op.f('ix_feedback_department_id'))
        batch_op.drop_index(batch_op.f('ix_feedback_created_at'))

    op.drop_table('feedback')
    op.drop_table('staff_profile')
    op.drop_table('service_hero')
    with op.batch_alter_table('peer_card', schema=None) as batch_op:
        batch_op.drop_index('ix_peer_card_sender_created')
        batch_op.drop_index(batch_op.f('ix_peer_card_recipient_id'))

    op.drop_table('peer_card')
    op.drop_table('award_budget')
    op.drop_table('api_token')
    op.drop_table('award_type')
