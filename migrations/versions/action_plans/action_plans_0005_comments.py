"""action plans: comments on sections, goals, actions and indicators, and their mentions

Revision ID: action_plans_0005
Revises: action_plans_0004
Create Date: 2026-12-08 00:58:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = 'action_plans_0005'
down_revision = 'action_plans_0004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('action_plans_comment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('record_type', sa.String(length=16), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('edited_at', sa.DateTime(), nullable=True),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('resolved_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_action_plans_comment_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['parent_id'], ['action_plans_comment.id'], name=op.f('fk_action_plans_comment_parent_id_action_plans_comment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_id'], ['action_plans_plan.id'], name=op.f('fk_action_plans_comment_plan_id_action_plans_plan'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resolved_by_id'], ['users.id'], name=op.f('fk_action_plans_comment_resolved_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_plans_comment'))
    )
    with op.batch_alter_table('action_plans_comment', schema=None) as batch_op:
        batch_op.create_index('ix_action_plans_comment_record', ['record_type', 'record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_plans_comment_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_plans_comment_plan_id'), ['plan_id'], unique=False)

    op.create_table('action_plans_comment_mention',
    sa.Column('comment_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('mailed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['comment_id'], ['action_plans_comment.id'], name=op.f('fk_action_plans_comment_mention_comment_id_action_plans_comment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_action_plans_comment_mention_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('comment_id', 'user_id', name=op.f('pk_action_plans_comment_mention'))
    )
    with op.batch_alter_table('action_plans_comment_mention', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_plans_comment_mention_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('action_plans_comment_mention', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_plans_comment_mention_user_id'))
    op.drop_table('action_plans_comment_mention')
    with op.batch_alter_table('action_plans_comment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_plans_comment_plan_id'))
        batch_op.drop_index(batch_op.f('ix_action_plans_comment_parent_id'))
        batch_op.drop_index('ix_action_plans_comment_record')
    op.drop_table('action_plans_comment')
