"""Keeping the full-text index current: the text of a release by index column, an item
(re)indexed after a publication or withdrawal, and the whole index rebuilt."""
from html.parser import HTMLParser

from sqlalchemy import select, text

from lms.extensions import db
from lms.publishing import Snapshot
from oer.models import OerRelease
from oer.models.search import POSTGRES_CONFIGS, POSTGRES_TABLE, SQLITE_TABLE
from oer.services.search.generation import advance as advance_generation
from oer.services.search.memory import forget_cached_results
from oer.services.search.postings import dialect


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


def index_item(item):
    """(Re)index `item`'s current release, or take the item out of the index when it has none.
    Call it after publishing or withdrawing a release, in the same transaction: every worker
    then forgets what it remembers of the catalogue (it flushes, never commits)."""
    release = db.session.scalar(select(OerRelease).where(
        OerRelease.item_id == item.id, OerRelease.is_current.is_(True)))
    _remove(item.id)
    advance_generation()
    forget_cached_results()
    if release is not None:
        index_releases([release])


def _remove(item_id):
    table = SQLITE_TABLE if dialect() == "sqlite" else POSTGRES_TABLE
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
    if dialect() == "sqlite":
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
    """Rebuild the whole index from the current releases (every worker then forgets what it
    remembers of the catalogue once the transaction commits)."""
    table = SQLITE_TABLE if dialect() == "sqlite" else POSTGRES_TABLE
    db.session.execute(text(f"DELETE FROM {table}"))
    advance_generation()
    forget_cached_results()
    last = 0
    while True:
        releases = db.session.scalars(
            select(OerRelease).where(OerRelease.is_current.is_(True), OerRelease.id > last)
            .order_by(OerRelease.id).limit(batch)).all()
        if not releases:
            return
        index_releases(releases)
        last = releases[-1].id
