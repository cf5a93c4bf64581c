"""The database's side of a search: the safe terms of what someone typed, and per word the
items of the full-text index that contain it, with their scores (the word's postings)."""
import re

from sqlalchemy import text

from lms.extensions import db
from oer.models.search import POSTGRES_CONFIGS, POSTGRES_TABLE, SQLITE_TABLE

# FTS5 column weights for bm25: title, description, keywords, authors, body.
SQLITE_WEIGHTS = "10.0, 4.0, 4.0, 2.0, 1.0"
MAX_QUERY = 200          # characters of the search box read; the rest is ignored
MAX_TERMS = 8
MAX_TERM = 40
PREFIX_MIN = 3           # the last word matches as a prefix from this many letters on
WORD = re.compile(r"[^\W_]+")


def dialect():
    return db.session.get_bind().dialect.name


def terms(query):
    """The words of what someone typed, safe to give to either engine: letters and digits only
    (quotes, operators, brackets and stars are dropped), at most MAX_TERMS of MAX_TERM letters.
    Returns (words, prefix): prefix is True when the last word may be the start of a word."""
    query = (query or "")[:MAX_QUERY]
    words = [word[:MAX_TERM] for word in WORD.findall(query)][:MAX_TERMS]
    prefix = bool(words) and len(words[-1]) >= PREFIX_MIN and bool(WORD.search(query[-1:]))
    return words, prefix


def postings_rows(word, prefix, language):
    """(ids, scored ids, their scores) of the items that contain one word (or, with `prefix`,
    a word starting with it): every item found, and those the word ranks with their scores
    (lower scores rank higher; on PostgreSQL a word found in the body alone scores nothing).
    PostgreSQL answers in one row of arrays, read much faster than thousands of rows."""
    if dialect() == "sqlite":
        # FTS5 allows bm25() only in a query on its table, so the arrays are made here
        rows = read(text(
            f"SELECT rowid, bm25({SQLITE_TABLE}, {SQLITE_WEIGHTS}) FROM {SQLITE_TABLE} "
            f"WHERE {SQLITE_TABLE} MATCH :match"),
            {"match": f'"{word}"' + (" *" if prefix else "")}, "all")
        scored = [(item_id, score) for item_id, score in rows if score]
        return ([item_id for item_id, _score in rows], [item_id for item_id, _ in scored],
                [score for _, score in scored])
    # the word as written, and in the reader's language's stemmed forms (once when the two
    # are the same, as for most names and the start of a word: the index is read once)
    config = POSTGRES_CONFIGS.get(language, "simple")
    query = "to_tsquery('simple', :match)"
    if config != "simple":
        query = (f"CASE WHEN written = stemmed THEN written ELSE written || stemmed END "
                 f"FROM (SELECT {query} AS written, to_tsquery('{config}', :match) AS stemmed) "
                 "AS forms")
    # The words are a scalar subquery, which the planner leaves to run first (an InitPlan)
    # without looking at its value: it always reads the index. Seeing the value, it would
    # scan the whole table for a word in many items, and unpack every document stored out of
    # line (three times slower than the index, which needs no document).
    ids, scored, scores = read(text(
        "SELECT array_agg(item_id), array_agg(item_id) FILTER (WHERE score <> 0), "
        "array_agg(score) FILTER (WHERE score <> 0) FROM (SELECT item_id, "
        f"-ts_rank(head, query) AS score FROM {POSTGRES_TABLE}, (SELECT (SELECT {query}) "
        "AS query) AS words WHERE document @@ query) AS hits"),
        {"match": f"'{word}'" + (":*" if prefix else "")}, "one")
    return ids or [], scored or [], scores or []


def read(statement, parameters, rows):
    """`statement`'s "one" row or "all" its rows, for what the search remembers. On the
    request's transaction when it has one; otherwise, on PostgreSQL, on a connection of its
    own in autocommit mode: a catalogue page needs no transaction, and one costs two more
    round trips (BEGIN, COMMIT) to the database."""
    if db.session().in_transaction() or dialect() == "sqlite":
        result = db.session.execute(statement, parameters)
        return result.one() if rows == "one" else result.all()
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        result = connection.execute(statement, parameters)
        return result.one() if rows == "one" else result.all()
