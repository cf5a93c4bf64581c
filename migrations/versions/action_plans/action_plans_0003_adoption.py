"""action plans: adoption (plan versions, sign-offs, signatories)

Revision ID: action_plans_0003
Revises: action_plans_0002
Create Date: 2026-12-07 23:04:17.378167
"""
from alembic import op
import sqlalchemy as sa


revision = 'action_plans_0003'
down_revision = 'action_plans_0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('action_plans_plan_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('snapshot', sa.JSON(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('adopted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_action_plans_plan_version_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['plan_id'], ['action_plans_plan.id'], name=op.f('fk_action_plans_plan_version_plan_id_action_plans_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_plans_plan_version')),
    sa.UniqueConstraint('plan_id', 'number', name=op.f('uq_action_plans_plan_version_plan_id'))
    )
    with op.batch_alter_table('action_plans_plan_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_plans_plan_version_plan_id'), ['plan_id'], unique=False)

    op.create_table('action_plans_signatory',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_action_plans_signatory_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_id'], ['action_plans_plan.id'], name=op.f('fk_action_plans_signatory_plan_id_action_plans_plan'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_action_plans_signatory_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('plan_id', 'organisation_id', name=op.f('pk_action_plans_signatory'))
    )
    with op.batch_alter_table('action_plans_signatory', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_plans_signatory_user_id'), ['user_id'], unique=False)

    op.create_table('action_plans_sign_off',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=32), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_action_plans_sign_off_decided_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_action_plans_sign_off_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['version_id'], ['action_plans_plan_version.id'], name=op.f('fk_action_plans_sign_off_version_id_action_plans_plan_version'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_plans_sign_off')),
    sa.UniqueConstraint('version_id', 'organisation_id', name=op.f('uq_action_plans_sign_off_version_id'))
    )
    with op.batch_alter_table('action_plans_sign_off', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_plans_sign_off_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_plans_sign_off_version_id'), ['version_id'], unique=False)



def downgrade():
    with op.batch_alter_table('action_plans_sign_off', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_plans_sign_off_version_id'))
        batch_op.drop_index(batch_op.f('ix_action_plans_sign_off_organisation_id'))

    op.drop_table('action_plans_sign_off')
    with op.batch_alter_table('action_plans_signatory', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_plans_signatory_user_id'))

    op.drop_table('action_plans_signatory')
    with op.batch_alter_table('action_plans_plan_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_plans_plan_version_plan_id'))

    op.drop_table('action_plans_plan_version')
