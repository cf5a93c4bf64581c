"""oer: catalogue search index, good-practice blueprints

The search index lives outside SQLAlchemy's metadata (OerPlugin.unmanaged_tables): an FTS5
virtual table on SQLite, a table with a tsvector and a GIN index on PostgreSQL. It starts empty;
`flask oer-reindex` fills it from the current releases.

Revision ID: oer_0003_catalogue
Revises: oer_0002
Create Date: 2026-11-23 21:20:29.619522
"""
from alembic import op
import sqlalchemy as sa


revision = 'oer_0003_catalogue'
down_revision = 'oer_0002'
branch_labels = None
depends_on = None

SQLITE_INDEX = [
    "CREATE VIRTUAL TABLE oer_search USING fts5(title, description, keywords, authors, body, "
    "tokenize = 'porter unicode61 remove_diacritics 2')",
]
POSTGRES_INDEX = [
    "CREATE TABLE oer_search_pg (item_id INTEGER PRIMARY KEY REFERENCES oer_item (id) "
    "ON DELETE CASCADE, head TSVECTOR NOT NULL, document TSVECTOR NOT NULL)",
    "ALTER TABLE oer_search_pg ALTER COLUMN document SET STORAGE MAIN",
    "CREATE INDEX ix_oer_search_pg_document ON oer_search_pg USING gin (document)",
]


def upgrade():
    op.create_table('oer_blueprint',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('context_source', sa.Text(), nullable=False),
    sa.Column('context', sa.Text(), nullable=False),
    sa.Column('problem_source', sa.Text(), nullable=False),
    sa.Column('problem', sa.Text(), nullable=False),
    sa.Column('actor_types', sa.JSON(), nullable=False),
    sa.Column('actors_source', sa.Text(), nullable=False),
    sa.Column('actors', sa.Text(), nullable=False),
    sa.Column('steps_source', sa.Text(), nullable=False),
    sa.Column('steps', sa.JSON(), nullable=False),
    sa.Column('resources_source', sa.Text(), nullable=False),
    sa.Column('resources', sa.Text(), nullable=False),
    sa.Column('success_factors_source', sa.Text(), nullable=False),
    sa.Column('success_factors', sa.Text(), nullable=False),
    sa.Column('challenges_source', sa.Text(), nullable=False),
    sa.Column('challenges', sa.Text(), nullable=False),
    sa.Column('evidence_source', sa.Text(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('transferability_source', sa.Text(), nullable=False),
    sa.Column('transferability', sa.Text(), nullable=False),
    sa.Column('integration_area', sa.String(length=32), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('contact', sa.String(length=300), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('licence', sa.String(length=32), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_oer_blueprint_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_oer_blueprint_organisation_id_organisations'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_oer_blueprint'))
    )
    with op.batch_alter_table('oer_blueprint', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_oer_blueprint_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_oer_blueprint_status'), ['status'], unique=False)

    op.create_table('oer_blueprint_author',
    sa.Column('blueprint_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['blueprint_id'], ['oer_blueprint.id'], name=op.f('fk_oer_blueprint_author_blueprint_id_oer_blueprint'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_oer_blueprint_author_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('blueprint_id', 'user_id', name=op.f('pk_oer_blueprint_author'))
    )
    op.create_table('oer_blueprint_comment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('blueprint_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('event', sa.String(length=16), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_oer_blueprint_comment_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['blueprint_id'], ['oer_blueprint.id'], name=op.f('fk_oer_blueprint_comment_blueprint_id_oer_blueprint'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_oer_blueprint_comment'))
    )
    with op.batch_alter_table('oer_blueprint_comment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_oer_blueprint_comment_blueprint_id'), ['blueprint_id'], unique=False)

    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in SQLITE_INDEX if sqlite else POSTGRES_INDEX:
        op.execute(statement)


def downgrade():
    op.execute("DROP TABLE oer_search" if op.get_bind().dialect.name == "sqlite"
               else "DROP TABLE oer_search_pg")
    with op.batch_alter_table('oer_blueprint_comment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_oer_blueprint_comment_blueprint_id'))

    op.drop_table('oer_blueprint_comment')
    op.drop_table('oer_blueprint_author')
    with op.batch_alter_table('oer_blueprint', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_oer_blueprint_status'))
        batch_op.drop_index(batch_op.f('ix_oer_blueprint_organisation_id'))

    op.drop_table('oer_blueprint')
