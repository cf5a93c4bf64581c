"""oer: releases built by a background job

Revision ID: oer_0005_builds
Revises: oer_0004_search_storage
Create Date: 2026-12-07 17:10:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'oer_0005_builds'
down_revision = 'oer_0004_search_storage'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('oer_build',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('snapshot', sa.JSON(), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=True),
    sa.Column('locale', sa.String(length=8), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('formats_total', sa.Integer(), nullable=False),
    sa.Column('formats_done', sa.Integer(), nullable=False),
    sa.Column('current_format', sa.String(length=16), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('release_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('heartbeat_at', sa.DateTime(), nullable=True),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['release_id'], ['oer_release.id'], name=op.f('fk_oer_build_release_id_oer_release'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'], name=op.f('fk_oer_build_requested_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_oer_build'))
    )
    with op.batch_alter_table('oer_build', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_oer_build_status'), ['status'], unique=False)


def downgrade():
    with op.batch_alter_table('oer_build', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_oer_build_status'))
    op.drop_table('oer_build')
