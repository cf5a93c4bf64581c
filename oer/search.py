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
import time
from array import array
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import compress, islice, repeat
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


def _postings_rows(word, prefix, language):
    """(ids, scored ids, their scores) of the items that contain one word (or, with `prefix`,
    a word starting with it): every item found, and those the word ranks with their scores
    (lower scores rank higher; on PostgreSQL a word found in the body alone scores nothing).
    PostgreSQL answers in one row of arrays, read much faster than thousands of rows."""
    if _dialect() == "sqlite":
        # FTS5 allows bm25() only in a query on its table, so the arrays are made here
        rows = _read(text(
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
    ids, scored, scores = _read(text(
        "SELECT array_agg(item_id), array_agg(item_id) FILTER (WHERE score <> 0), "
        "array_agg(score) FILTER (WHERE score <> 0) FROM (SELECT item_id, "
        f"-ts_rank(head, query) AS score FROM {POSTGRES_TABLE}, (SELECT (SELECT {query}) "
        "AS query) AS words WHERE document @@ query) AS hits"),
        {"match": f"'{word}'" + (":*" if prefix else "")}, "one")
    return ids or [], scored or [], scores or []


def _read(statement, parameters, rows):
    """`statement`'s "one" row or "all" its rows, for what the search remembers. On the
    request's transaction when it has one; otherwise, on PostgreSQL, on a connection of its
    own in autocommit mode: a catalogue page needs no transaction, and one costs two more
    round trips (BEGIN, COMMIT) to the database."""
    if db.session().in_transaction() or _dialect() == "sqlite":
        result = db.session.execute(statement, parameters)
        return result.one() if rows == "one" else result.all()
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        result = connection.execute(statement, parameters)
        return result.one() if rows == "one" else result.all()


@dataclass(frozen=True, eq=False)
class Card:
    """What a result card shows of an item's current release. A worker makes each card once
    per catalogue generation, so a card is its own key (hashed by identity, not by its eleven
    fields): the page keeps each card's HTML by it."""
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


# -- what a worker remembers ----------------------------------------------------------------
#
# Searching is split the way search engines split it: the database's full-text engine finds
# the items containing each word (its postings), and the worker combines them. A worker keeps,
# per catalogue generation (see `generation()`):
# - the catalogue: per current release, its card and its facet values (a few hundred bytes
#   each; loaded in one statement after each publication or withdrawal). Items are numbered
#   newest first, and a set of items is a bitmap (a Python int, one bit per item): 10,000 items
#   take 1.25 kB, and intersecting or counting sets is done in C;
# - the postings of the words searched lately: a bitmap, and the positions and scores of the
#   items the word ranks, in two arrays (12 bytes an item where a dictionary takes about 100):
#   POSTINGS_BYTES in all, the words searched longest ago dropped first. The scores of a word
#   in many titles are the costliest thing to ask the database for again (a prefix of three
#   letters can rank thousands of items), so they must stay;
# - whole answers to the searches made lately (RESULTS_SIZE of them).
# A worker checks the generation (one statement) when it has not done so for FRESH_SECONDS, as
# a search engine refreshes its index every second or so: a search of known words within that
# time runs no statement at all, and each word not seen since the last publication one. The
# worker that publishes or withdraws forgets what it remembered at once; the others show the
# change within FRESH_SECONDS (the setting OER_SEARCH_FRESH_SECONDS; 0 checks on every search).

FRESH_SECONDS = 1.0
RESULTS_SIZE = 256
POSTINGS_BYTES = 32 * 2**20
COMMON_FROM = 1000
CARD_DESCRIPTION = 400     # characters of a description kept for its card (it shows 260)
CACHE_KEY = "oer_search"


_GENERATION = select(func.max(OerRelease.changed_at), func.max(OerRelease.id))
_clock = time.monotonic


def generation():
    """What changes whenever a release is published, replaced, withdrawn or deleted (two
    index look-ups)."""
    return tuple(_read(_GENERATION, None, "one"))


def forget_cached_results():
    """Drop this process's remembered catalogue and searches (the index changed without a
    new release, or is about to)."""
    current_app.extensions.pop(CACHE_KEY, None)


_DIGITS = bytes.maketrans(b"01", b"\0\1")
_ONE = re.compile(b"1")


def _positions(bits):
    """The numbers of the bits set in `bits`, lowest first, found in C among the binary digits
    (lowest first): by searching for each 1 when they are few, else by letting every digit
    select its number."""
    digits = bin(bits)[:1:-1].encode()
    if bits.bit_count() * 4 < len(digits):
        return [found.start() for found in _ONE.finditer(digits)]
    return list(compress(range(len(digits)), digits.translate(_DIGITS)))


class _Catalogue:
    """The current releases as a search needs them: cards in publication order (newest first;
    an item's position is its bit in a bitmap), a bitmap per facet value, title order."""

    def __init__(self, rows):
        rows = sorted(rows, key=lambda row: (row[12], row[1]), reverse=True)
        self.cards, self.position = [], {}
        self.facet_bits = {facet: {} for facet in FACETS}
        for n, (item_id, release_id, slug, kind, title, description, language, licence,
                resource_type, area, country, level, published_at) in enumerate(rows):
            self.cards.append(Card(slug, kind, title, description[:CARD_DESCRIPTION], language,
                                   licence, resource_type, area, country, level, published_at))
            self.position[item_id] = n
            for facet, value in zip(FACETS, (resource_type, language, licence, area, country,
                                             level)):
                if value:
                    values = self.facet_bits[facet]
                    values[value] = values.get(value, 0) | (1 << n)
        self.everything = (1 << len(rows)) - 1
        # positions in title order (ties: the newest release first)
        self.by_title = sorted(range(len(rows)), key=lambda n: (self.cards[n].title.lower(), n))

    def bitmap(self, item_ids):
        """The bitmap of these items (those not in the catalogue left out)."""
        return self.bits([n for n in map(self.position.get, item_ids) if n is not None])

    def bits(self, positions):
        """The bitmap of these positions, made in C: a binary digit per item, lowest first,
        read as a number."""
        if not self.cards:
            return 0
        digits = bytearray(b"0") * len(self.cards)
        deque(map(digits.__setitem__, positions, repeat(ord("1"))), maxlen=0)
        return int(digits[::-1], 2)

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
        self.postings_size = 0
        self.results = OrderedDict()
        self.lock = Lock()
        self.checked = _clock()


def _memory():
    """This worker's memory, checked against the generation if FRESH_SECONDS have passed."""
    memory = current_app.extensions.get(CACHE_KEY)
    now = _clock()
    if memory is not None and \
            now - memory.checked < current_app.config.get("OER_SEARCH_FRESH_SECONDS",
                                                          FRESH_SECONDS):
        return memory
    generation_now = generation()
    if memory is None or memory.generation != generation_now:
        memory = current_app.extensions[CACHE_KEY] = _Memory(generation_now)
    memory.checked = now
    return memory


def _catalogue(memory):
    if memory.catalogue is None:
        memory.catalogue = _Catalogue(_read(
            select(OerRelease.item_id, OerRelease.id, OerItem.slug, OerItem.kind,
                   OerRelease.title, OerRelease.description, OerRelease.language,
                   OerRelease.licence, OerRelease.resource_type, OerRelease.integration_area,
                   OerRelease.country, OerRelease.level, OerRelease.published_at)
            .join(OerItem, OerItem.id == OerRelease.item_id)
            .where(OerRelease.is_current.is_(True)), None, "all"))
    return memory.catalogue


def _postings(memory, catalogue, word, prefix, language):
    """(bitmap of the items containing `word`, (positions, scores, bitmap) of those it ranks),
    from the full-text index once per generation and worker (while it is among the words
    searched lately)."""
    config = "" if _dialect() == "sqlite" else POSTGRES_CONFIGS.get(language, "simple")
    key = (word.lower(), prefix, config)
    with memory.lock:
        found = memory.postings.get(key)
        if found is not None:
            memory.postings.move_to_end(key)
            return found[:2]
    ids, scored, score_of = _postings_rows(word, prefix, language)
    # a word in more than half of a large catalogue does not tell items apart: it filters,
    # it does not rank (as a search engine's inverse document frequency would say)
    common = len(catalogue.cards) >= COMMON_FROM and len(ids) > len(catalogue.cards) // 2
    positions, scores = array("l"), array("d")
    if scored and not common:
        for n, score in zip(map(catalogue.position.get, scored), score_of):
            if n is not None:
                positions.append(n)
                scores.append(score)
    found = (catalogue.bitmap(ids), (positions, scores, catalogue.bits(positions)))
    size = len(catalogue.cards) // 4 + 12 * len(positions) + 300
    with memory.lock:
        memory.postings[key] = (*found, size)
        memory.postings_size += size
        while memory.postings_size > POSTINGS_BYTES and len(memory.postings) > 1:
            memory.postings_size -= memory.postings.popitem(last=False)[1][2]
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
    if skip + take > 200:
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
        chosen = _ranked(chosen_bits, [ranked for ranked in scores if ranked[0]],
                         skip + per_page)[skip:]
    return total, facets, [catalogue.cards[n] for n in chosen]


def _ranked(chosen_bits, scores, count):
    """The first `count` items of `chosen_bits` by the sum of their scores in `scores`
    ([(positions, scores, bitmap)] per word, lower first; an item a word does not score has 0
    for it), ties and the unscored in position order (the newest release first)."""
    if not scores:
        return _lowest(chosen_bits, 0, count)
    scored_bits = 0
    for word in scores:
        scored_bits |= word[2]
    candidates = chosen_bits & scored_bits
    if len(scores) == 1:
        positions, values, bits = scores[0]
        if candidates == bits:      # one word, no filter: every item it scores is chosen
            pairs = zip(values, positions)
        else:
            keep = set(_positions(candidates))
            pairs = [(value, n) for value, n in zip(values, positions) if n in keep]
    else:
        ranked = [dict(zip(positions, values)) for positions, values, _bits in scores]
        pairs = [(sum(word.get(n, 0.0) for word in ranked), n)
                 for n in _positions(candidates)]
    best = [n for _score, n in heapq.nsmallest(count, pairs)]
    if len(best) < count:
        best += _lowest(chosen_bits & ~scored_bits, 0, count - len(best))
    return best


@click.command("oer-reindex")
@click.option("--background", is_flag=True, help="Leave the rebuild to the worker.")
@with_appcontext
def reindex_command(background):
    """Rebuild the catalogue's full-text index from the current releases."""
    if background:
        from lms import jobs
        jobs.enqueue("oer.reindex")
        click.echo("The worker will rebuild the catalogue's search index.")
        return
    reindex_all()
    db.session.commit()
    click.echo("The catalogue's search index is rebuilt.")
