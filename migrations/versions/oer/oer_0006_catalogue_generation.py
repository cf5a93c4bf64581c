"""oer: the catalogue's generation counter, which every publication, withdrawal and re-index
advances in its transaction (workers compared the releases' changed_at, stored to the second)

Revision ID: oer_0006_catalogue_generation
Revises: oer_0005_builds
Create Date: 2026-12-07 20:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'oer_0006_catalogue_generation'
down_revision = 'oer_0005_builds'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('oer_catalogue_generation',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_oer_catalogue_generation'))
    )


def downgrade():
    op.drop_table('oer_catalogue_generation')
