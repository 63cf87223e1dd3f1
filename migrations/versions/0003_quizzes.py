"""quizzes: question bank, branching scenarios, quizzes, attempts, responses, assignments,
Leitner review cards

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('quiz',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title_de', sa.String(length=200), nullable=False),
    sa.Column('title_en', sa.String(length=200), nullable=False),
    sa.Column('description_de', sa.Text(), nullable=False),
    sa.Column('description_en', sa.Text(), nullable=False),
    sa.Column('pass_mark', sa.Integer(), nullable=False),
    sa.Column('max_attempts', sa.Integer(), nullable=False),
    sa.Column('time_limit_minutes', sa.Integer(), nullable=True),
    sa.Column('shuffle_questions', sa.Boolean(), nullable=False),
    sa.Column('shuffle_options', sa.Boolean(), nullable=False),
    sa.Column('feedback_timing', sa.String(length=10), nullable=False),
    sa.Column('review', sa.String(length=10), nullable=False),
    sa.Column('published', sa.Boolean(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('demo_key', sa.String(length=40), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('max_attempts >= 0', name=op.f('ck_quiz_max_attempts_positive')),
    sa.CheckConstraint('pass_mark between 0 and 100', name=op.f('ck_quiz_pass_mark_range')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quiz')),
    sa.UniqueConstraint('demo_key', name=op.f('uq_quiz_demo_key'))
    )
    op.create_table('quiz_category',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quiz_category')),
    sa.UniqueConstraint('name', name=op.f('uq_quiz_category_name'))
    )
    op.create_table('question',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('is_current', sa.Boolean(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=True),
    sa.Column('value_id', sa.Integer(), nullable=True),
    sa.Column('difficulty', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=True),
    sa.Column('mood', sa.String(length=10), nullable=True),
    sa.Column('situation_de', sa.Text(), nullable=False),
    sa.Column('situation_en', sa.Text(), nullable=False),
    sa.Column('prompt_de', sa.Text(), nullable=False),
    sa.Column('prompt_en', sa.Text(), nullable=False),
    sa.Column('principle_de', sa.String(length=200), nullable=False),
    sa.Column('principle_en', sa.String(length=200), nullable=False),
    sa.Column('feedback_de', sa.Text(), nullable=False),
    sa.Column('feedback_en', sa.Text(), nullable=False),
    sa.Column('tags', sa.String(length=300), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('demo_key', sa.String(length=40), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind in ('single', 'multiple', 'truefalse', 'scenario', 'branching')", name=op.f('ck_question_kind_known')),
    sa.CheckConstraint('difficulty between 1 and 3', name=op.f('ck_question_difficulty_range')),
    sa.ForeignKeyConstraint(['category_id'], ['quiz_category.id'], name=op.f('fk_question_category_id_quiz_category')),
    sa.ForeignKeyConstraint(['family_id'], ['question.id'], name=op.f('fk_question_family_id_question')),
    sa.ForeignKeyConstraint(['value_id'], ['service_value.id'], name=op.f('fk_question_value_id_service_value')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_question'))
    )
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_question_category_id'), ['category_id'], unique=False)
        batch_op.create_index('ix_question_current_value', ['is_current', 'value_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_question_family_id'), ['family_id'], unique=False)
    op.create_table('quiz_draw',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=True),
    sa.Column('value_id', sa.Integer(), nullable=True),
    sa.Column('tag', sa.String(length=40), nullable=True),
    sa.CheckConstraint('count between 1 and 100', name=op.f('ck_quiz_draw_count_range')),
    sa.ForeignKeyConstraint(['category_id'], ['quiz_category.id'], name=op.f('fk_quiz_draw_category_id_quiz_category')),
    sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'], name=op.f('fk_quiz_draw_quiz_id_quiz'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['value_id'], ['service_value.id'], name=op.f('fk_quiz_draw_value_id_service_value')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quiz_draw'))
    )
    with op.batch_alter_table('quiz_draw', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quiz_draw_quiz_id'), ['quiz_id'], unique=False)
    op.create_table('quiz_question',
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['question.id'], name=op.f('fk_quiz_question_family_id_question')),
    sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'], name=op.f('fk_quiz_question_quiz_id_quiz'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('quiz_id', 'family_id', name=op.f('pk_quiz_question'))
    )
    op.create_table('scenario_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text_de', sa.Text(), nullable=False),
    sa.Column('text_en', sa.Text(), nullable=False),
    sa.Column('is_ending', sa.Boolean(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.CheckConstraint('score between 0 and 100', name=op.f('ck_scenario_step_score_range')),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_scenario_step_question_id_question'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scenario_step'))
    )
    with op.batch_alter_table('scenario_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scenario_step_question_id'), ['question_id'], unique=False)
    op.create_table('question_option',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('step_id', sa.Integer(), nullable=True),
    sa.Column('next_step_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text_de', sa.Text(), nullable=False),
    sa.Column('text_en', sa.Text(), nullable=False),
    sa.Column('feedback_de', sa.Text(), nullable=False),
    sa.Column('feedback_en', sa.Text(), nullable=False),
    sa.Column('is_correct', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['next_step_id'], ['scenario_step.id'], name=op.f('fk_question_option_next_step_id_scenario_step'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_question_option_question_id_question'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['step_id'], ['scenario_step.id'], name=op.f('fk_question_option_step_id_scenario_step'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_question_option'))
    )
    with op.batch_alter_table('question_option', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_question_option_question_id'), ['question_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_question_option_step_id'), ['step_id'], unique=False)
    op.create_table('quiz_assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('assigned_by_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('site_id', sa.Integer(), nullable=True),
    sa.Column('role', sa.String(length=16), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('cancelled', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(CASE WHEN user_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN department_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN site_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN role IS NULL THEN 0 ELSE 1 END) = 1', name=op.f('ck_quiz_assignment_one_target')),
    sa.ForeignKeyConstraint(['assigned_by_id'], ['user.id'], name=op.f('fk_quiz_assignment_assigned_by_id_user')),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_quiz_assignment_department_id_department')),
    sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'], name=op.f('fk_quiz_assignment_quiz_id_quiz')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_quiz_assignment_site_id_site')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_quiz_assignment_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quiz_assignment'))
    )
    with op.batch_alter_table('quiz_assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quiz_assignment_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quiz_assignment_quiz_id'), ['quiz_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quiz_assignment_user_id'), ['user_id'], unique=False)
    op.create_table('quiz_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('layout', sa.JSON(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deadline_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('score', sa.Double(), nullable=True),
    sa.Column('passed', sa.Boolean(), nullable=True),
    sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'], name=op.f('fk_quiz_attempt_quiz_id_quiz')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_quiz_attempt_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quiz_attempt')),
    sa.UniqueConstraint('user_id', 'quiz_id', 'number', name=op.f('uq_quiz_attempt_user_id_quiz_id_number'))
    )
    with op.batch_alter_table('quiz_attempt', schema=None) as batch_op:
        batch_op.create_index('ix_quiz_attempt_quiz_user', ['quiz_id', 'user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quiz_attempt_user_id'), ['user_id'], unique=False)
    op.create_table('review_card',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('box', sa.Integer(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('last_seen_on', sa.Date(), nullable=True),
    sa.Column('lapses', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['question.id'], name=op.f('fk_review_card_family_id_question')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_review_card_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_card')),
    sa.UniqueConstraint('user_id', 'family_id', name=op.f('uq_review_card_user_id_family_id'))
    )
    with op.batch_alter_table('review_card', schema=None) as batch_op:
        batch_op.create_index('ix_review_card_user_due', ['user_id', 'due_on'], unique=False)
    op.create_table('quiz_response',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('value_id', sa.Integer(), nullable=True),
    sa.Column('day', sa.Date(), nullable=True),
    sa.Column('slot', sa.Integer(), nullable=True),
    sa.Column('score', sa.Double(), nullable=True),
    sa.Column('completed', sa.Boolean(), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['quiz_attempt.id'], name=op.f('fk_quiz_response_attempt_id_quiz_attempt'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_quiz_response_question_id_question')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_quiz_response_user_id_user')),
    sa.ForeignKeyConstraint(['value_id'], ['service_value.id'], name=op.f('fk_quiz_response_value_id_service_value')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quiz_response')),
    sa.UniqueConstraint('attempt_id', 'question_id', name=op.f('uq_quiz_response_attempt_id_question_id')),
    sa.UniqueConstraint('user_id', 'day', 'slot', name=op.f('uq_quiz_response_user_id_day_slot'))
    )
    with op.batch_alter_table('quiz_response', schema=None) as batch_op:
        batch_op.create_index('ix_quiz_response_question', ['question_id', 'completed'], unique=False)
        batch_op.create_index('ix_quiz_response_user_answered', ['user_id', 'answered_at'], unique=False)
        batch_op.create_index('ix_quiz_response_value_answered', ['value_id', 'answered_at'], unique=False)
    op.create_table('quiz_response_choice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('option_id', sa.Integer(), nullable=False),
    sa.Column('step_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['option_id'], ['question_option.id'], name=op.f('fk_quiz_response_choice_option_id_question_option')),
    sa.ForeignKeyConstraint(['response_id'], ['quiz_response.id'], name=op.f('fk_quiz_response_choice_response_id_quiz_response'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['step_id'], ['scenario_step.id'], name=op.f('fk_quiz_response_choice_step_id_scenario_step')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quiz_response_choice'))
    )
    with op.batch_alter_table('quiz_response_choice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quiz_response_choice_option_id'), ['option_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quiz_response_choice_response_id'), ['response_id'], unique=False)


def downgrade():
    with op.batch_alter_table('quiz_response_choice', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quiz_response_choice_response_id'))
        batch_op.drop_index(batch_op.f('ix_quiz_response_choice_option_id'))
    op.drop_table('quiz_response_choice')
    with op.batch_alter_table('quiz_response', schema=None) as batch_op:
        batch_op.drop_index('ix_quiz_response_value_answered')
        batch_op.drop_index('ix_quiz_response_user_answered')
        batch_op.drop_index('ix_quiz_response_question')
    op.drop_table('quiz_response')
    with op.batch_alter_table('review_card', schema=None) as batch_op:
        batch_op.drop_index('ix_review_card_user_due')
    op.drop_table('review_card')
    with op.batch_alter_table('quiz_attempt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quiz_attempt_user_id'))
        batch_op.drop_index('ix_quiz_attempt_quiz_user')
    op.drop_table('quiz_attempt')
    with op.batch_alter_table('quiz_assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quiz_assignment_user_id'))
        batch_op.drop_index(batch_op.f('ix_quiz_assignment_quiz_id'))
        batch_op.drop_index(batch_op.f('ix_quiz_assignment_department_id'))
    op.drop_table('quiz_assignment')
    with op.batch_alter_table('question_option', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_question_option_step_id'))
        batch_op.drop_index(batch_op.f('ix_question_option_question_id'))
    op.drop_table('question_option')
    with op.batch_alter_table('scenario_step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scenario_step_question_id'))
    op.drop_table('scenario_step')
    op.drop_table('quiz_question')
    with op.batch_alter_table('quiz_draw', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quiz_draw_quiz_id'))
    op.drop_table('quiz_draw')
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_question_family_id'))
        batch_op.drop_index('ix_question_current_value')
        batch_op.drop_index(batch_op.f('ix_question_category_id'))
    op.drop_table('question')
    op.drop_table('quiz_category')
    op.drop_table('quiz')
