"""The catalogue's search: a full-text index of current releases (SQLite FTS5 or PostgreSQL
text search) and `search()`, which filters, counts facets, sorts and pages the catalogue.

The index holds text only, one row per item (its current release): the database's engine
answers which items contain a word, and each worker combines those answers with the facet
values and cards of the current releases, which it keeps per catalogue generation (see "what a
worker remembers" below); browsing without words never touches the index. The index tables
live outside SQLAlchemy's metadata (`OerPlugin.unmanaged_tables`): the migrations
`oer_0003_catalogue` and `oer_0004_search_storage` make them, and so do the `after_create` hooks below when a test builds
the schema from the models. On PostgreSQL the index row refers to its item with ON DELETE
CASCADE, so emptying `oer_item` (as the test harness's TRUNCATE ... CASCADE does) empties it.
"""
import heapq
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from threading import Lock

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import event, func, select, text

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


def _postings_statement(word, prefix, language):
    """(statement, parameters) for the items that contain one word (or, with `prefix`, a word
    starting with it). On PostgreSQL one row: their ids as "1,5,9" and "id:score,..." for
    those it scores (lower scores rank higher), read much faster than thousands of rows; on
    SQLite a row (id, score) per item."""
    if _dialect() == "sqlite":
        # FTS5 allows bm25() only in a query on its table, so the row is made in Python
        return (f"SELECT rowid, bm25({SQLITE_TABLE}, {SQLITE_WEIGHTS}) FROM {SQLITE_TABLE} "
                f"WHERE {SQLITE_TABLE} MATCH :match",
                {"match": f'"{word}"' + (" *" if prefix else "")})
    # the word as written, and in the reader's language's stemmed forms (once when the two
    # are the same, as for most names and the start of a word: the index is read once)
    config = POSTGRES_CONFIGS.get(language, "simple")
    query = "to_tsquery('simple', :match)"
    if config != "simple":
        query = (f"(SELECT CASE WHEN written = stemmed THEN written ELSE written || stemmed END "
                 f"FROM (SELECT {query} AS written, to_tsquery('{config}', :match) AS stemmed) "
                 "AS forms)")
    return ("SELECT string_agg(item_id::text, ','), string_agg(item_id || ':' || score, ',') "
            "FILTER (WHERE score <> 0) FROM (SELECT item_id, -ts_rank(head, query) AS score "
            f"FROM {POSTGRES_TABLE}, (SELECT {query} AS query) AS words "
            "WHERE document @@ query) AS hits",
            {"match": f"'{word}'" + (":*" if prefix else "")})


@dataclass(frozen=True)
class Card:
    """What a result card shows of an item's current release (hashable: the page keeps each
    card's HTML by its content)."""
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
    release_id: int = 0


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


# -- what a worker remembers ----------------------------------------------------------------
#
# Searching is split the way search engines split it: the database's full-text engine finds
# the items containing each word (its postings), and the worker combines them. A worker keeps,
# per catalogue generation (see `generation()`):
# - the catalogue: per current release, its card and its facet values (a few hundred bytes
#   each; loaded in one statement after each publication or withdrawal). Items are numbered
#   newest first, and a set of items is a bitmap (a Python int, one bit per item): 10,000 items
#   take 1.25 kB, and intersecting or counting sets is done in C;
# - the postings of the words searched lately: a bitmap, and the scores that rank (POSTINGS
#   words and SCORES scores at most);
# - whole answers to the searches made lately (RESULTS_SIZE of them).
# A search of known words runs one statement (the generation), and each word not seen since the
# last publication one more. Every worker checks the generation on every search, so none shows
# results from before a publication or withdrawal.

RESULTS_SIZE = 256
POSTINGS = 4000
SCORES = 150_000
COMMON_FROM = 1000
CARD_DESCRIPTION = 400     # characters of a description kept for its card (it shows 260)
CACHE_KEY = "oer_search"


def generation():
    """What changes whenever a release is published, replaced, withdrawn or deleted (two
    index look-ups)."""
    return tuple(db.session.execute(
        select(func.max(OerRelease.changed_at), func.max(OerRelease.id))).one())


def forget_cached_results():
    """Drop this process's remembered catalogue and searches (the index changed without a
    new release, or is about to)."""
    current_app.extensions.pop(CACHE_KEY, None)


def _positions(bits):
    """The numbers of the bits set in `bits`, lowest first."""
    text = bin(bits)[:1:-1]
    return [n for n, digit in enumerate(text) if digit == "1"]


class _Catalogue:
    """The current releases as a search needs them: cards in publication order (newest first;
    an item's position is its bit in a bitmap), a bitmap per facet value, title order."""

    def __init__(self, rows):
        rows = sorted(rows, key=lambda row: (row[12], row[1]), reverse=True)
        self.cards, self.release_id, self.position = [], [], {}
        self.facet_bits = {facet: {} for facet in FACETS}
        for n, (item_id, release_id, slug, kind, title, description, language, licence,
                resource_type, area, country, level, published_at) in enumerate(rows):
            self.cards.append(Card(slug, kind, title, description[:CARD_DESCRIPTION], language,
                                   licence, resource_type, area, country, level, published_at,
                                   release_id))
            self.release_id.append(release_id)
            self.position[item_id] = n
            for facet, value in zip(FACETS, (resource_type, language, licence, area, country,
                                             level)):
                if value:
                    values = self.facet_bits[facet]
                    values[value] = values.get(value, 0) | (1 << n)
        self.everything = (1 << len(rows)) - 1
        # positions in title order (ties: the newest release first)
        self.by_title = sorted(range(len(rows)),
                               key=lambda n: (self.cards[n].title.lower(), -self.release_id[n]))

    def bitmap(self, item_ids):
        """The bitmap of these items (those not in the catalogue left out)."""
        flags = bytearray(len(self.cards) // 8 + 1)
        position = self.position
        for item_id in item_ids:
            n = position.get(item_id)
            if n is not None:
                flags[n >> 3] |= 1 << (n & 7)
        return int.from_bytes(flags, "little")

    def chosen(self, filters, leave_out=None):
        """The bitmap of the items matching every facet filter (but `leave_out`'s)."""
        bits = self.everything
        for facet, values in filters.items():
            if facet != leave_out:
                bits &= sum(self.facet_bits[facet].get(value, 0) for value in values)
        return bits


class _Memory:
    """One worker's remembered catalogue, postings and answers, for one generation."""

    def __init__(self, generation_now):
        self.generation = generation_now
        self.catalogue = None
        self.postings = OrderedDict()
        self.scored = 0
        self.results = OrderedDict()
        self.lock = Lock()


def _memory():
    now = generation()
    memory = current_app.extensions.get(CACHE_KEY)
    if memory is None or memory.generation != now:
        memory = current_app.extensions[CACHE_KEY] = _Memory(now)
    return memory


def _catalogue(memory):
    if memory.catalogue is None:
        memory.catalogue = _Catalogue(db.session.execute(
            select(OerRelease.item_id, OerRelease.id, OerItem.slug, OerItem.kind,
                   OerRelease.title, OerRelease.description, OerRelease.language,
                   OerRelease.licence, OerRelease.resource_type, OerRelease.integration_area,
                   OerRelease.country, OerRelease.level, OerRelease.published_at)
            .join(OerItem, OerItem.id == OerRelease.item_id)
            .where(OerRelease.is_current.is_(True))).all())
    return memory.catalogue


def _postings(memory, catalogue, word, prefix, language):
    """(bitmap of the items containing `word`, {position: score} of those it ranks), from the
    full-text index once per generation and worker (while it is among the words searched
    lately). Only scores that rank are kept: on PostgreSQL a word found in the body alone
    scores nothing."""
    config = "" if _dialect() == "sqlite" else POSTGRES_CONFIGS.get(language, "simple")
    key = (word.lower(), prefix, config)
    with memory.lock:
        found = memory.postings.get(key)
        if found is not None:
            memory.postings.move_to_end(key)
            return found
    statement, parameters = _postings_statement(word, prefix, language)
    if config:
        # The documents are stored out of line, so the planner thinks reading them all is
        # cheap, and for a word in most items it would scan the table and unpack every one
        # (three times slower than the index, which needs no document): use the index.
        # (until the end of the transaction: the rest of a catalogue page's statements are
        # more words, or look-ups by key)
        db.session.execute(text("SET LOCAL enable_seqscan = off"))
        ids, scored = db.session.execute(text(statement), parameters).one()
    else:
        rows = db.session.execute(text(statement), parameters).all()
        ids = ",".join(str(item_id) for item_id, _score in rows)
        scored = ",".join(f"{item_id}:{score!r}" for item_id, score in rows if score)
    ids = [int(item_id) for item_id in ids.split(",")] if ids else []
    # a word in more than half of a large catalogue does not tell items apart: it filters,
    # it does not rank (as a search engine's inverse document frequency would say)
    common = len(catalogue.cards) >= COMMON_FROM and len(ids) > len(catalogue.cards) // 2
    scores = {}
    if scored and not common:
        position = catalogue.position
        for pair in scored.split(","):
            item_id, score = pair.split(":")
            if int(item_id) in position:
                scores[position[int(item_id)]] = float(score)
    found = (catalogue.bitmap(ids), scores)
    with memory.lock:
        memory.postings[key] = found
        memory.scored += len(scores)
        while (memory.scored > SCORES or len(memory.postings) > POSTINGS) \
                and len(memory.postings) > 1:
            memory.scored -= len(memory.postings.popitem(last=False)[1][1])
    return found


def search(query="", filters=None, sort=None, page=1, per_page=20, language="en"):
    """One page of the catalogue: current releases matching every word of `query` and, per
    facet, one of the values in `filters` ({facet: [values]}), with facet counts (each counted
    without its own facet's filter, so other choices stay visible) and the total. `language`
    is the reader's: on PostgreSQL their words also match in that language's stemmed forms.

    Ranking sums each word's score (bm25 on SQLite, ts_rank of the title, description and
    keywords on PostgreSQL); ties and the other orders put the newest release first."""
    filters = {facet: set(values) for facet, values in (filters or {}).items()
               if facet in FACETS and values}
    words, prefix = terms(query)
    if sort not in SORTS or (sort == "relevance" and not words):
        sort = "relevance" if words else "newest"
    page = max(page, 1)
    memory = _memory()
    key = (tuple(word.lower() for word in words), prefix, language, sort, page, per_page,
           tuple(sorted((facet, tuple(sorted(values))) for facet, values in filters.items())))
    with memory.lock:
        found = memory.results.get(key)
        if found is not None:
            memory.results.move_to_end(key)
    if found is None:
        found = _find(memory, words, prefix, language, filters, sort, page, per_page)
        with memory.lock:
            memory.results[key] = found
            while len(memory.results) > RESULTS_SIZE:
                memory.results.popitem(last=False)
    total, facets, cards = found
    return Results(cards=cards, total=total, page=page, per_page=per_page, facets=facets)


def _counts(catalogue, hits, filters):
    """(total, facets): the items in `hits` matching every filter, and per facet the counts of
    its values among the items matching every other facet's filter."""
    total = (hits & catalogue.chosen(filters)).bit_count()
    facets = {}
    for facet, values in catalogue.facet_bits.items():
        base = hits & catalogue.chosen(filters, leave_out=facet)
        counted = [(value, (base & bits).bit_count()) for value, bits in values.items()]
        facets[facet] = sorted(((value, n) for value, n in counted if n),
                               key=lambda pair: (-pair[1], pair[0]))
    return total, facets


def _lowest(bits, skip, take):
    """The positions of the lowest set bits of `bits`: `take` of them after the first `skip`."""
    if skip > 200:
        return _positions(bits)[skip:skip + take]
    found = []
    while bits and len(found) < skip + take:
        low = bits & -bits
        found.append(low.bit_length() - 1)
        bits ^= low
    return found[skip:]


def _find(memory, words, prefix, language, filters, sort, page, per_page):
    """(total, facets, the page's cards in order)."""
    catalogue = _catalogue(memory)
    hits, scores = catalogue.everything, []
    for n, word in enumerate(words):
        bits, ranked = _postings(memory, catalogue, word, prefix and n == len(words) - 1,
                                 language)
        hits &= bits
        scores.append(ranked)
    total, facets = _counts(catalogue, hits, filters)
    chosen_bits = hits & catalogue.chosen(filters)
    skip = (page - 1) * per_page
    if sort == "newest":
        chosen = _lowest(chosen_bits, skip, per_page)
    elif sort == "title":
        matching = set(_positions(chosen_bits))
        chosen = [n for n in catalogue.by_title if n in matching][skip:skip + per_page]
    else:
        release_id = catalogue.release_id
        chosen = heapq.nsmallest(
            skip + per_page, _positions(chosen_bits),
            key=lambda n: (sum(ranked.get(n, 0.0) for ranked in scores), -release_id[n])
        )[skip:]
    return total, facets, [catalogue.cards[n] for n in chosen]


@click.command("oer-reindex")
@with_appcontext
def reindex_command():
    """Rebuild the catalogue's full-text index from the current releases."""
    reindex_all()
    db.session.commit()
    click.echo("The catalogue's search index is rebuilt.")
