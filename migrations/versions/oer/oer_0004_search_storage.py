"""oer: a narrow search table on PostgreSQL

The matched text (`document`) moves out of the table's pages and the ranked text (`head`) stays
in them, so finding the items of a word reads small rows; the GIN index takes new entries at
once (no pending list that every search would scan). Existing rows are stored again in the new
layout. SQLite's FTS5 index does not change.

Revision ID: oer_0004_search_storage
Revises: oer_0003_catalogue
Create Date: 2026-11-24 00:40:00
"""
from alembic import op


revision = 'oer_0004_search_storage'
down_revision = 'oer_0003_catalogue'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE oer_search_pg ALTER COLUMN document SET STORAGE EXTERNAL")
    op.execute("ALTER TABLE oer_search_pg ALTER COLUMN head SET STORAGE MAIN")
    op.execute("ALTER INDEX ix_oer_search_pg_document SET (fastupdate = off)")
    # a changed value is stored by the new rules; an untouched one keeps its old place
    op.execute("UPDATE oer_search_pg SET head = head || ''::tsvector, "
               "document = document || ''::tsvector")


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER INDEX ix_oer_search_pg_document RESET (fastupdate)")
    op.execute("ALTER TABLE oer_search_pg ALTER COLUMN head SET STORAGE EXTENDED")
    op.execute("ALTER TABLE oer_search_pg ALTER COLUMN document SET STORAGE MAIN")
