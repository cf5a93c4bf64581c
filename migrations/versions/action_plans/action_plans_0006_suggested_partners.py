"""action plans: the partners an action's blueprint or copied plan suggests

Revision ID: action_plans_0006
Revises: action_plans_0005
Create Date: 2026-12-08 01:05:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = 'action_plans_0006'
down_revision = 'action_plans_0005'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('action_plans_action') as batch_op:
        batch_op.add_column(sa.Column('suggested_partners', sa.Text(), nullable=False,
                                      server_default=''))


def downgrade():
    with op.batch_alter_table('action_plans_action') as batch_op:
        batch_op.drop_column('suggested_partners')
