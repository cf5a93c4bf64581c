"""courses: a discussion prompt at the end of each module

Revision ID: courses_0003
Revises: courses_toolkit_0003
Create Date: 2026-11-23 21:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'courses_0003'
down_revision = 'courses_toolkit_0003'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('courses_module', schema=None) as batch_op:
        batch_op.add_column(sa.Column('discussion_prompt', sa.Text(), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('discussion_html', sa.Text(), nullable=False,
                                      server_default=''))


def downgrade():
    with op.batch_alter_table('courses_module', schema=None) as batch_op:
        batch_op.drop_column('discussion_html')
        batch_op.drop_column('discussion_prompt')
