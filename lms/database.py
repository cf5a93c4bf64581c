"""Database connection settings and the start-up check."""
import sqlite3

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url

from lms.plugins import StartupError


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record):
    """SQLite: enforce foreign keys, and WAL so readers do not block the writer."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()


def describe(url):
    return make_url(url).render_as_string(hide_password=True)


def check_database(db):
    """Stop start-up with a plain message when the database does not answer."""
    try:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # every driver raises its own kind
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise StartupError(
            f"cannot reach the database at {describe(str(db.engine.url))}: {reason}. "
            "Check DATABASE_URL and that the database server is running.") from exc
