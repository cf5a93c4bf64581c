"""The catalogue's generation: read by every worker before it trusts what it remembers, and
advanced in the transaction of every change to the catalogue or its index."""
from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from lms.extensions import db
from oer.models.search import OerCatalogueGeneration
from oer.services.search.postings import dialect, read

_CURRENT = select(OerCatalogueGeneration.number).where(
    OerCatalogueGeneration.id == OerCatalogueGeneration.ROW)


def current():
    """The catalogue's generation now (one look-up by primary key; 0 before the first change)."""
    found = read(_CURRENT, None, "all")
    return found[0][0] if found else 0


def advance():
    """One generation more, in the caller's transaction (it flushes, never commits). One
    statement that concurrent publications cannot lose: an INSERT of the row that adds one to
    it when it exists; the row stays locked until the transaction ends, so the generation
    every other worker reads changes only with what the transaction changed."""
    insert = postgresql.insert if dialect() == "postgresql" else sqlite.insert
    table = OerCatalogueGeneration.__table__
    db.session.execute(
        insert(table).values(id=OerCatalogueGeneration.ROW, number=1)
        .on_conflict_do_update(index_elements=["id"], set_={"number": table.c.number + 1}))
