"""oer: items, releases, packages, downloads

Revision ID: oer_0002
Revises: oer_0001
Create Date: 2026-11-23 21:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'oer_0002'
down_revision = 'oer_0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('oer_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('slug', sa.String(length=220), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_oer_item')),
    sa.UniqueConstraint('kind', 'key', name=op.f('uq_oer_item_kind')),
    sa.UniqueConstraint('slug', name=op.f('uq_oer_item_slug'))
    )
    op.create_table('oer_release',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('published_at', sa.DateTime(), nullable=False),
    sa.Column('published_by_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('licence', sa.String(length=32), nullable=False),
    sa.Column('resource_type', sa.String(length=32), nullable=False),
    sa.Column('integration_area', sa.String(length=64), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('snapshot', sa.JSON(), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(), nullable=True),
    sa.Column('withdrawn_reason', sa.Text(), nullable=False),
    sa.Column('is_current', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['oer_item.id'], name=op.f('fk_oer_release_item_id_oer_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['published_by_id'], ['users.id'], name=op.f('fk_oer_release_published_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_oer_release')),
    sa.UniqueConstraint('item_id', 'number', name=op.f('uq_oer_release_item_id'))
    )
    with op.batch_alter_table('oer_release', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_oer_release_changed_at'), ['changed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_oer_release_country'), ['country'], unique=False)
        batch_op.create_index(batch_op.f('ix_oer_release_integration_area'), ['integration_area'], unique=False)
        batch_op.create_index(batch_op.f('ix_oer_release_is_current'), ['is_current'], unique=False)
        batch_op.create_index(batch_op.f('ix_oer_release_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_oer_release_language'), ['language'], unique=False)
        batch_op.create_index(batch_op.f('ix_oer_release_level'), ['level'], unique=False)
        batch_op.create_index(batch_op.f('ix_oer_release_licence'), ['licence'], unique=False)
        batch_op.create_index(batch_op.f('ix_oer_release_published_at'), ['published_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_oer_release_resource_type'), ['resource_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_oer_release_withdrawn_at'), ['withdrawn_at'], unique=False)

    op.create_table('oer_download',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('release_id', sa.Integer(), nullable=False),
    sa.Column('format', sa.String(length=16), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['release_id'], ['oer_release.id'], name=op.f('fk_oer_download_release_id_oer_release'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_oer_download')),
    sa.UniqueConstraint('release_id', 'format', 'day', name=op.f('uq_oer_download_release_id'))
    )
    with op.batch_alter_table('oer_download', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_oer_download_release_id'), ['release_id'], unique=False)

    op.create_table('oer_package',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('release_id', sa.Integer(), nullable=False),
    sa.Column('format', sa.String(length=16), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['release_id'], ['oer_release.id'], name=op.f('fk_oer_package_release_id_oer_release'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_oer_package')),
    sa.UniqueConstraint('release_id', 'format', name=op.f('uq_oer_package_release_id'))
    )
    with op.batch_alter_table('oer_package', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_oer_package_sha256'), ['sha256'], unique=False)



def downgrade():
    with op.batch_alter_table('oer_package', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_oer_package_sha256'))

    op.drop_table('oer_package')
    with op.batch_alter_table('oer_download', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_oer_download_release_id'))

    op.drop_table('oer_download')
    with op.batch_alter_table('oer_release', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_oer_release_withdrawn_at'))
        batch_op.drop_index(batch_op.f('ix_oer_release_resource_type'))
        batch_op.drop_index(batch_op.f('ix_oer_release_published_at'))
        batch_op.drop_index(batch_op.f('ix_oer_release_licence'))
        batch_op.drop_index(batch_op.f('ix_oer_release_level'))
        batch_op.drop_index(batch_op.f('ix_oer_release_language'))
        batch_op.drop_index(batch_op.f('ix_oer_release_item_id'))
        batch_op.drop_index(batch_op.f('ix_oer_release_is_current'))
        batch_op.drop_index(batch_op.f('ix_oer_release_integration_area'))
        batch_op.drop_index(batch_op.f('ix_oer_release_country'))
        batch_op.drop_index(batch_op.f('ix_oer_release_changed_at'))

    op.drop_table('oer_release')
    op.drop_table('oer_item')
