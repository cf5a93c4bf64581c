"""action plans: each plan's generation, grown at every write to it, for rendered parts kept

Revision ID: action_plans_0007
Revises: action_plans_0006
Create Date: 2026-12-08 01:45:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = 'action_plans_0007'
down_revision = 'action_plans_0006'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('action_plans_plan') as batch_op:
        batch_op.add_column(sa.Column('generation', sa.Integer(), nullable=False,
                                      server_default='0'))


def downgrade():
    with op.batch_alter_table('action_plans_plan') as batch_op:
        batch_op.drop_column('generation')
