"""Database connection settings and the start-up check."""
import sqlite3

from sqlalchemy import String, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

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


class id_list(FunctionElement):
    """An aggregate of integers as one text, "3,8,12" (NULL when there are none), on SQLite and
    PostgreSQL alike: a set of ids read with its row instead of in a statement of its own."""
    type = String()
    inherit_cache = True
    name = "id_list"


@compiles(id_list, "sqlite")
def _id_list_sqlite(element, compiler, **kw):
    return f"group_concat({compiler.process(element.clauses, **kw)}, ',')"


@compiles(id_list)
def _id_list_default(element, compiler, **kw):
    return f"string_agg(CAST({compiler.process(element.clauses, **kw)} AS TEXT), ',')"


def read_id_list(text):
    """The ids of an id_list() value, as a set."""
    return {int(piece) for piece in text.split(",")} if text else set()
