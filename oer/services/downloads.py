"""Download counts per release, format and day: nothing about who downloaded."""
from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite

from lms.extensions import db
from lms.timeutil import utcnow
from oer.models import OerDownload


def count(release, format_name):
    """One more download today, in one statement that concurrent requests cannot lose: an
    INSERT that adds to the existing row on conflict (SQLite and PostgreSQL alike)."""
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = OerDownload.__table__
    statement = insert(table).values(release_id=release.id, format=format_name,
                                     day=utcnow().date(), count=1)
    db.session.execute(statement.on_conflict_do_update(
        index_elements=["release_id", "format", "day"],
        set_={"count": table.c["count"] + 1}))


def counts(release):
    """format -> downloads of this release so far."""
    return dict(db.session.execute(
        select(OerDownload.format, func.sum(OerDownload.count))
        .where(OerDownload.release_id == release.id)
        .group_by(OerDownload.format)).all())
