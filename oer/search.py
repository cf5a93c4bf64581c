"""The catalogue's search: a full-text index of current releases (SQLite FTS5 or PostgreSQL
text search) and `search()`, which filters, counts facets, sorts and pages the catalogue.

The index holds text only, one row per item (its current release); filters, facets and sorting
read the columns of `oer_release`, so browsing without words never touches the index. The index
tables live outside SQLAlchemy's metadata (`OerPlugin.unmanaged_tables`): the migration
`oer_0003_catalogue` makes them, and so do the `after_create` hooks below when a test builds
the schema from the models. On PostgreSQL the index row refers to its item with ON DELETE
CASCADE, so emptying `oer_item` (as the test harness's TRUNCATE ... CASCADE does) empties it.
"""
import re
import time
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from html.parser import HTMLParser

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import Float, Integer, event, func, select, text

from lms.extensions import db
from lms.publishing import Snapshot
from oer.models import OerItem, OerRelease

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
    # Documents stay in the table's pages (compressed) rather than out of line: the planner
    # then sees what reading them all costs and uses the GIN index, as it should.
    f"ALTER TABLE {POSTGRES_TABLE} ALTER COLUMN document SET STORAGE MAIN",
    f"CREATE INDEX ix_{POSTGRES_TABLE}_document ON {POSTGRES_TABLE} USING gin (document)",
)
# The text search configuration per release language: stemming where PostgreSQL has it.
POSTGRES_CONFIGS = {"en": "english", "de": "german", "it": "italian", "tr": "turkish"}
# FTS5 column weights for bm25: title, description, keywords, authors, body.
SQLITE_WEIGHTS = "10.0, 4.0, 4.0, 2.0, 1.0"

# URL parameter -> column of oer_release; the order is the order of the facets on the page
FACETS = {"type": "resource_type", "language": "language", "licence": "licence",
          "area": "integration_area", "country": "country", "level": "level"}
SORTS = ("relevance", "newest", "title")
MAX_QUERY = 200          # characters of the search box read; the rest is ignored
MAX_TERMS = 8
MAX_TERM = 40
PREFIX_MIN = 3           # the last word matches as a prefix from this many letters on
WORD = re.compile(r"[^\W_]+")


def create_index_tables(connection):
    """Make the index tables on this connection's database (the migration makes the same)."""
    statements = SQLITE_DDL if connection.dialect.name == "sqlite" else POSTGRES_DDL
    for statement in statements:
        connection.execute(text(statement))


def _after_item_table(target, connection, **kw):
    create_index_tables(connection)


event.listen(OerItem.__table__, "after_create", _after_item_table)


class _TextOf(HTMLParser):
    """The words of a piece of HTML, without its tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.words = []

    def handle_data(self, data):
        self.words.append(data)


def html_text(html):
    reader = _TextOf()
    reader.feed(html or "")
    reader.close()
    return " ".join(" ".join(reader.words).split())


def document(snapshot: Snapshot):
    """The text of a snapshot, by index column."""
    body = []
    for part in snapshot.walk():
        body += [part.title, html_text(part.html)]
        for question in part.questions:
            body += [question.prompt] + [choice.text for choice in question.choices]
    body += [f"{label} {value}" for label, value in snapshot.details]
    return {"title": snapshot.title, "description": snapshot.description,
            "keywords": " ".join(snapshot.keywords),
            "authors": " ".join(snapshot.authors + snapshot.organisations),
            "body": " ".join(piece for piece in body if piece)}


def _dialect():
    return db.session.get_bind().dialect.name


def index_item(item):
    """(Re)index `item`'s current release, or take the item out of the index when it has none.
    Call it after publishing or withdrawing a release (it flushes, never commits)."""
    release = db.session.scalar(select(OerRelease).where(
        OerRelease.item_id == item.id, OerRelease.is_current.is_(True)))
    _remove(item.id)
    forget_cached_results()
    if release is not None:
        index_releases([release])


def _remove(item_id):
    table = SQLITE_TABLE if _dialect() == "sqlite" else POSTGRES_TABLE
    column = "rowid" if table == SQLITE_TABLE else "item_id"
    db.session.execute(text(f"DELETE FROM {table} WHERE {column} = :id"), {"id": item_id})


def index_releases(releases):
    """Add current releases whose items are not in the index yet, in one statement."""
    forget_cached_results()
    rows = []
    for release in releases:
        row = document(Snapshot.from_dict(release.snapshot))
        row.update(id=release.item_id, config=POSTGRES_CONFIGS.get(release.language, "simple"))
        rows.append(row)
    if not rows:
        return
    if _dialect() == "sqlite":
        db.session.execute(text(
            f"INSERT INTO {SQLITE_TABLE} (rowid, title, description, keywords, authors, body) "
            "VALUES (:id, :title, :description, :keywords, :authors, :body)"), rows)
        return

    def weighted(column, weight):
        # stemmed words in the release's language, and every word as written
        return (f"setweight(to_tsvector(CAST(:config AS regconfig), :{column}), '{weight}') || "
                f"setweight(to_tsvector('simple', :{column}), '{weight}')")
    head = " || ".join([weighted("title", "A"), weighted("description", "B"),
                        weighted("keywords", "B")])
    rest = " || ".join([weighted("authors", "C"), weighted("body", "D")])
    db.session.execute(text(
        f"INSERT INTO {POSTGRES_TABLE} (item_id, head, document) "
        f"SELECT id, head, head || {rest} FROM (SELECT CAST(:id AS INTEGER) AS id, "
        f"{head} AS head) AS row"), rows)


def reindex_all(batch=500):
    """Rebuild the whole index from the current releases."""
    table = SQLITE_TABLE if _dialect() == "sqlite" else POSTGRES_TABLE
    db.session.execute(text(f"DELETE FROM {table}"))
    last = 0
    while True:
        releases = db.session.scalars(
            select(OerRelease).where(OerRelease.is_current.is_(True), OerRelease.id > last)
            .order_by(OerRelease.id).limit(batch)).all()
        if not releases:
            return
        index_releases(releases)
        last = releases[-1].id


def terms(query):
    """The words of what someone typed, safe to give to either engine: letters and digits only
    (quotes, operators, brackets and stars are dropped), at most MAX_TERMS of MAX_TERM letters.
    Returns (words, prefix): prefix is True when the last word may be the start of a word."""
    query = (query or "")[:MAX_QUERY]
    words = [word[:MAX_TERM] for word in WORD.findall(query)][:MAX_TERMS]
    prefix = bool(words) and len(words[-1]) >= PREFIX_MIN and bool(WORD.search(query[-1:]))
    return words, prefix


def _hits(words, prefix, language="en"):
    """A subquery of (item_id, score) for the items matching every word; lower scores first."""
    if _dialect() == "sqlite":
        phrases = [f'"{word}"' for word in words]
        if prefix:
            phrases[-1] += " *"
        statement = text(
            f"SELECT rowid AS item_id, bm25({SQLITE_TABLE}, {SQLITE_WEIGHTS}) AS score "
            f"FROM {SQLITE_TABLE} WHERE {SQLITE_TABLE} MATCH :match")
        params = {"match": " ".join(phrases)}
    else:
        quoted = [f"'{word}'" for word in words]
        if prefix:
            quoted[-1] += ":*"
        # every word as written, and in the reader's language's stemmed forms
        configs = dict.fromkeys(["simple", POSTGRES_CONFIGS.get(language, "simple")])
        query = " || ".join(f"to_tsquery('{config}', :match)" for config in configs)
        statement = text(
            f"SELECT item_id, -ts_rank(head, query) AS score "
            f"FROM {POSTGRES_TABLE}, (SELECT {query} AS query) AS words "
            "WHERE document @@ query")
        params = {"match": " & ".join(quoted)}
    return statement.bindparams(**params).columns(item_id=Integer, score=Float).cte("hits")


@dataclass
class Card:
    """What a result card shows of an item's current release."""
    slug: str
    kind: str
    title: str
    description: str
    language: str
    licence: str
    resource_type: str
    integration_area: str
    country: str
    level: str
    published_at: object


@dataclass
class Results:
    cards: list[Card]
    total: int
    page: int
    per_page: int
    # facet -> [(value, count)], most frequent first
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    @property
    def pages(self):
        return max(1, -(-self.total // self.per_page))


CACHE_SIZE = 256
CACHE_SECONDS = 300


def generation():
    """What changes whenever a release is published, replaced, withdrawn or deleted (two
    index look-ups)."""
    return tuple(db.session.execute(
        select(func.max(OerRelease.changed_at), func.max(OerRelease.id))).one())


def forget_cached_results():
    """Drop this process's remembered results (the index changed without a new release)."""
    current_app.extensions.pop("oer_search_results", None)


def _remembered(key):
    cache = current_app.extensions.setdefault("oer_search_results", OrderedDict())
    found = cache.get(key)
    if found is None or found[0] < time.monotonic():
        return None
    cache.move_to_end(key)
    return found[1]


def _remember(key, value):
    cache = current_app.extensions.setdefault("oer_search_results", OrderedDict())
    cache[key] = (time.monotonic() + CACHE_SECONDS, value)
    while len(cache) > CACHE_SIZE:
        cache.popitem(last=False)


def _counts(hits, filters):
    """(total, facet counts) from one grouped statement over the matching items."""
    columns = [getattr(OerRelease, name) for name in FACETS.values()]
    rows = db.session.execute(_from(hits).add_columns(*columns, func.count())
                              .where(OerRelease.is_current.is_(True)).group_by(*columns)).all()
    return _facet_counts([(tuple(row[:-1]), row[-1]) for row in rows], filters)


def _facet_counts(combinations, filters):
    """From [(facet values in FACETS' order, number of current releases)]: the total matching
    every filter, and per facet the counts of its values among the items matching every other
    facet's filter."""
    names = list(FACETS)
    counts = {name: Counter() for name in names}
    total = 0
    for values, n in combinations:
        missed = [i for i, name in enumerate(names)
                  if name in filters and values[i] not in filters[name]]
        if not missed:
            total += n
            for name, value in zip(names, values):
                if value:
                    counts[name][value] += n
        elif len(missed) == 1 and values[missed[0]]:
            counts[names[missed[0]]][values[missed[0]]] += n
    return total, {name: sorted(counter.items(), key=lambda pair: (-pair[1], pair[0]))
                   for name, counter in counts.items()}


def _conditions(filters):
    conditions = [OerRelease.is_current.is_(True)]
    for facet, values in filters.items():
        if values:
            conditions.append(getattr(OerRelease, FACETS[facet]).in_(sorted(values)))
    return conditions


def _from(hits):
    source = select()
    if hits is not None:
        return source.select_from(OerRelease).join(hits, hits.c.item_id == OerRelease.item_id)
    return source.select_from(OerRelease)


def search(query="", filters=None, sort=None, page=1, per_page=20, language="en"):
    """One page of the catalogue: current releases matching every word of `query` and, per
    facet, one of the values in `filters` ({facet: [values]}), with facet counts (each counted
    without its own facet's filter, so other choices stay visible) and the total. `language`
    is the reader's: on PostgreSQL their words also match in that language's stemmed forms.

    What a search found (counts and the page's cards) is remembered in this process per
    catalogue generation for CACHE_SECONDS, so a repeated search runs one statement (the
    generation) and a new one four; every worker checks the generation, so none shows
    results from before a publication or withdrawal."""
    filters = {facet: set(values) for facet, values in (filters or {}).items()
               if facet in FACETS and values}
    words, prefix = terms(query)
    if sort not in SORTS or (sort == "relevance" and not words):
        sort = "relevance" if words else "newest"
    page = max(page, 1)
    key = (generation(), tuple(words), prefix, language, sort, page, per_page,
           tuple(sorted((facet, tuple(sorted(values))) for facet, values in filters.items())))
    found = _remembered(key)
    if found is None:
        total, facets, ids = _find(words, prefix, language, filters, sort, page, per_page)
        found = (total, facets, _cards(ids))
        _remember(key, found)
    total, facets, cards = found
    return Results(cards=cards, total=total, page=page, per_page=per_page, facets=facets)


def _find(words, prefix, language, filters, sort, page, per_page):
    """(total, facets, ids of the page's releases in order), from the database."""
    hits = None
    if words:
        hits = _hits(words, prefix, language)
    total, facets = _counts(hits, filters)
    order = {"newest": [OerRelease.published_at.desc()],
             "title": [func.lower(OerRelease.title)],
             "relevance": [hits.c.score if hits is not None else OerRelease.published_at.desc()]}
    ids = db.session.scalars(
        _from(hits).add_columns(OerRelease.id).where(*_conditions(filters))
        .order_by(*order[sort], OerRelease.id.desc())
        .limit(per_page).offset((page - 1) * per_page)).all()
    return total, facets, list(ids)


def _cards(ids):
    if not ids:
        return []
    rows = db.session.execute(
        select(OerRelease.id, OerItem.slug, OerItem.kind, OerRelease.title,
               OerRelease.description, OerRelease.language, OerRelease.licence,
               OerRelease.resource_type, OerRelease.integration_area, OerRelease.country,
               OerRelease.level, OerRelease.published_at)
        .join(OerItem, OerItem.id == OerRelease.item_id).where(OerRelease.id.in_(ids))).all()
    by_id = {row[0]: Card(*row[1:]) for row in rows}
    return [by_id[release_id] for release_id in ids if release_id in by_id]


@click.command("oer-reindex")
@with_appcontext
def reindex_command():
    """Rebuild the catalogue's full-text index from the current releases."""
    reindex_all()
    db.session.commit()
    click.echo("The catalogue's search index is rebuilt.")
