"""The catalogue search's tables: the full-text index, one row per item's current release
(SQLite FTS5 or a PostgreSQL table, made by DDL outside SQLAlchemy's metadata), and the
catalogue's generation counter.

The index tables live outside the metadata (`OerPlugin.unmanaged_tables`): the migrations
`oer_0003_catalogue` and `oer_0004_search_storage` make them, and so does the `after_create`
hook below when a test builds the schema from the models. On PostgreSQL the index row refers
to its item with ON DELETE CASCADE, so emptying `oer_item` (as the test harness does) empties it.
"""
from sqlalchemy import event, text
from sqlalchemy.orm import Mapped, mapped_column

from lms.extensions import db
from oer.models.item import OerItem

SQLITE_TABLE = "oer_search"
POSTGRES_TABLE = "oer_search_pg"
SQLITE_DDL = (
    f"CREATE VIRTUAL TABLE {SQLITE_TABLE} USING fts5(title, description, keywords, authors, "
    "body, tokenize = 'porter unicode61 remove_diacritics 2')",
)
POSTGRES_DDL = (
    # `document` holds every word and is what matches; `head` (title, description, keywords)
    # is small and ranks: ranking on the whole text would read every long document matched
    f"CREATE TABLE {POSTGRES_TABLE} (item_id INTEGER PRIMARY KEY REFERENCES oer_item (id) "
    "ON DELETE CASCADE, head TSVECTOR NOT NULL, document TSVECTOR NOT NULL)",
    # The matched text lives out of line (the GIN index answers which rows contain a word
    # without reading it) and the ranked `head` in the row: finding a word's items then reads
    # small rows. New entries go into the index at once (fastupdate off): a pending list would
    # be scanned by every search until the next vacuum, and releases are few.
    f"ALTER TABLE {POSTGRES_TABLE} ALTER COLUMN document SET STORAGE EXTERNAL",
    f"ALTER TABLE {POSTGRES_TABLE} ALTER COLUMN head SET STORAGE MAIN",
    f"CREATE INDEX ix_{POSTGRES_TABLE}_document ON {POSTGRES_TABLE} USING gin (document) "
    "WITH (fastupdate = off)",
)
# The text search configuration per release language: stemming where PostgreSQL has it.
POSTGRES_CONFIGS = {"en": "english", "de": "german", "it": "italian", "tr": "turkish"}


def create_index_tables(connection):
    """Make the index tables on this connection's database (the migration makes the same)."""
    statements = SQLITE_DDL if connection.dialect.name == "sqlite" else POSTGRES_DDL
    for statement in statements:
        connection.execute(text(statement))


def _after_item_table(target, connection, **kw):
    create_index_tables(connection)


event.listen(OerItem.__table__, "after_create", _after_item_table)


class OerCatalogueGeneration(db.Model):
    """The catalogue's generation: one row whose `number` grows by one in the transaction of
    every publication, withdrawal and re-index. Each worker compares it with the generation
    of what it remembers (`oer.services.search.memory`): a counter, unlike the releases'
    `changed_at` (stored to the second), changes with every change, however close together."""
    __tablename__ = "oer_catalogue_generation"
    ROW = 1              # the id of the one row

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    number: Mapped[int] = mapped_column(default=0)
