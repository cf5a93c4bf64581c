"""networks: the root of the plugin's branch; its tables come in the revisions that follow

Revision ID: networks_0001
Revises:
Create Date: 2026-11-22 09:12:00
"""

revision = 'networks_0001'
down_revision = None
branch_labels = ('networks',)
depends_on = 'core_0001'


def upgrade():
    pass


def downgrade():
    pass
