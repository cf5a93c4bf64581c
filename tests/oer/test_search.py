"""The catalogue's search index: words from titles and lesson bodies, facets, sorting, pages,
and queries typed by anyone never break it (on SQLite FTS5 and PostgreSQL alike)."""
from datetime import datetime, timedelta

import pytest

from lms.extensions import db
from lms.publishing import Part
from oer.services import search
from oer.services.search import memory
from oer.models import OerItem, OerRelease
from tests.helpers.oer import sample_snapshot

NASTY = ['"', '""', "'", "*", "-", "- -", "OR", "a OR b", "NOT", "AND OR NOT", "(", ")))",
         "((a)", 'foo"bar', "foo*", "*foo", "NEAR(a b)", "title:foo", "^foo", "a:b:c",
         "x" * 5000, "word " * 400, "\x00", "%", "_", "\\", "';DROP TABLE oer_item;--",
         "<script>alert(1)</script>", "İstanbul ığdır", "日本語", "🙂", "&", "|", "!", ":*",
         "a & b | !c", "foo:*", "' & '", "$$", "{}", "[]"]


@pytest.fixture
def publish_indexed(app, make_release):
    """make_release + indexing, as the publishing service does."""
    def make(**fields):
        release_id = make_release(**fields)
        with app.app_context():
            release = db.session.get(OerRelease, release_id)
            search.index_item(release.item)
            db.session.commit()
            return release.item.slug
    return make


def found(app, query="", filters=None, sort=None, page=1, per_page=20):
    with app.app_context():
        results = search.search(query, filters or {}, sort, page, per_page)
        return results


def titles(results):
    return [card.title for card in results.cards]


def lesson(text):
    return [Part(id="module-1", title="Module", kind="section", parts=[
        Part(id="lesson-1", title="A lesson", kind="page", html=f"<p>{text}</p>")])]


def test_a_word_from_the_title_and_one_from_a_lesson_body_are_found(app, publish_indexed):
    publish_indexed(title="Housing counselling for newcomers")
    publish_indexed(title="Something else", parts=lesson(
        "Interpreters <em>accompany</em> people to the registry office."))
    assert titles(found(app, "housing")) == ["Housing counselling for newcomers"]
    assert titles(found(app, "registry interpreters")) == ["Something else"]
    assert titles(found(app, "accompany")) == ["Something else"]
    assert found(app, "housing registry").total == 0


def test_the_last_word_matches_as_the_start_of_a_word(app, publish_indexed):
    publish_indexed(title="Mentoring refugees")
    assert titles(found(app, "mentor")) == ["Mentoring refugees"]
    assert found(app, "mentor ").total in (0, 1)    # a finished word may or may not stem
    assert found(app, "me").total == 0              # too short to be a prefix


def test_plural_and_singular_find_each_other(app, publish_indexed):
    publish_indexed(title="Regional networks")
    assert titles(found(app, "network")) == ["Regional networks"]


def test_stemming_follows_the_release_language(app, publish_indexed):
    publish_indexed(title="Zusammenarbeit der Beratungsstellen", language="de",
                    parts=lesson("Die Beratungsstellen kooperieren eng."))
    assert titles(found(app, "Beratungsstelle")) == ["Zusammenarbeit der Beratungsstellen"]


def test_withdrawn_and_reindexed_items_leave_the_results(app, publish_indexed):
    slug = publish_indexed(title="Language cafés")
    with app.app_context():
        item = db.session.scalar(db.select(OerItem).filter_by(slug=slug))
        item.releases[-1].is_current = False
        search.index_item(item)
        db.session.commit()
    assert found(app, "cafés").total == 0
    assert found(app).total == 0


def test_reindex_all_rebuilds_the_index(app, make_release):
    make_release(title="Health mediators")
    assert found(app, "mediators").total == 0       # not indexed yet
    result = app.test_cli_runner().invoke(args=["oer-reindex"])
    assert result.exit_code == 0, result.output
    assert titles(found(app, "mediators")) == ["Health mediators"]


@pytest.mark.parametrize("query", NASTY)
def test_nasty_queries_never_fail(app, publish_indexed, query):
    publish_indexed(title="Ordinary resource")
    results = found(app, query)
    assert results.total >= 0


def test_terms_are_letters_and_digits_only():
    assert search.terms('"one-stop" shop* OR (housing') == (
        ["one", "stop", "shop", "OR", "housing"], True)
    assert search.terms("shop ") == (["shop"], False)
    words, _prefix = search.terms("a " * 100)
    assert len(words) == search.MAX_TERMS
    assert search.terms("") == ([], False)


def test_facets_count_and_filter(app, publish_indexed):
    publish_indexed(title="One", language="de", facets={"integration_area": "labour",
                                                         "country": "DE", "level": "local"})
    publish_indexed(title="Two", language="de", facets={"integration_area": "housing",
                                                         "country": "AT", "level": "local"})
    publish_indexed(title="Three", language="it", licence="CC-BY-4.0",
                    facets={"integration_area": "labour", "country": "IT",
                            "level": "regional"})
    everything = found(app)
    assert everything.total == 3
    assert everything.facets["language"] == [("de", 2), ("it", 1)]
    assert everything.facets["area"] == [("labour", 2), ("housing", 1)]
    assert dict(everything.facets["licence"]) == {"CC-BY-SA-4.0": 2, "CC-BY-4.0": 1}
    german = found(app, filters={"language": ["de"]})
    assert sorted(titles(german)) == ["One", "Two"]
    # a facet's own filter does not narrow its counts; the others' filters do
    assert german.facets["language"] == [("de", 2), ("it", 1)]
    assert german.facets["country"] == [("AT", 1), ("DE", 1)]
    both = found(app, filters={"language": ["de"], "area": ["labour"]})
    assert titles(both) == ["One"]
    either = found(app, filters={"country": ["DE", "IT"]})
    assert sorted(titles(either)) == ["One", "Three"]
    assert found(app, "one", filters={"language": ["it"]}).total == 0


def test_sorting_by_title_newest_and_relevance(app, publish_indexed):
    start = datetime(2026, 1, 1)
    publish_indexed(title="Beta guide", published_at=start,
                    parts=lesson("Volunteers volunteers volunteers."))
    publish_indexed(title="alpha guide", published_at=start + timedelta(days=2))
    publish_indexed(title="Gamma volunteers", published_at=start + timedelta(days=1))
    assert titles(found(app, sort="title")) == ["alpha guide", "Beta guide", "Gamma volunteers"]
    assert titles(found(app)) == ["alpha guide", "Gamma volunteers", "Beta guide"]
    # a word in the title weighs more than the same word in a lesson
    assert titles(found(app, "volunteers")) == ["Gamma volunteers", "Beta guide"]
    assert titles(found(app, "volunteers", sort="newest")) == ["Gamma volunteers", "Beta guide"]
    assert titles(found(app, "guide", sort="title")) == ["alpha guide", "Beta guide"]


def test_pages(app, publish_indexed):
    start = datetime(2026, 1, 1)
    for number in range(7):
        publish_indexed(title=f"Resource {number}", published_at=start + timedelta(days=number))
    first = found(app, per_page=3)
    assert first.total == 7 and first.pages == 3
    assert titles(first) == ["Resource 6", "Resource 5", "Resource 4"]
    assert titles(found(app, page=3, per_page=3)) == ["Resource 0"]
    assert found(app, page=4, per_page=3).cards == []


def _publish_elsewhere(app, app_factory, title, slug):
    """Publish an item through another app instance (another worker) on the same database."""
    other = app_factory(SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"])
    with other.app_context():
        shot = sample_snapshot(99, title=title)
        item = OerItem(kind=shot.kind, key=shot.key, slug=slug)
        db.session.add(item)
        db.session.flush()
        db.session.add(OerRelease(
            item=item, number=1, title=shot.title, description=shot.description,
            language="en", licence=shot.licence, resource_type="course",
            snapshot=shot.to_dict(), is_current=True))
        db.session.flush()
        search.index_item(item)
        db.session.commit()


def test_another_worker_sees_a_publication_within_a_second(
        app, app_factory, publish_indexed, monkeypatch):
    """Results are remembered per worker, which checks the catalogue's generation when it has
    not for FRESH_SECONDS: a publication by another worker shows within that time."""
    now = [1000.0]
    monkeypatch.setattr(memory, "_clock", lambda: now[0])
    publish_indexed(title="Sports clubs for newcomers")
    assert found(app, "sports").total == 1
    _publish_elsewhere(app, app_factory, "Sports mediators", "sports-mediators")
    now[0] += search.FRESH_SECONDS / 2
    assert found(app, "sports").total == 1          # remembered, not checked yet
    now[0] += search.FRESH_SECONDS / 2
    assert sorted(titles(found(app, "sports"))) == ["Sports clubs for newcomers",
                                                    "Sports mediators"]


def test_a_worker_set_to_check_every_time_sees_a_publication_at_once(
        app, app_factory, publish_indexed):
    app.config["OER_SEARCH_FRESH_SECONDS"] = 0
    publish_indexed(title="Sports clubs for newcomers")
    assert found(app, "sports").total == 1
    _publish_elsewhere(app, app_factory, "Sports mediators", "sports-mediators")
    assert found(app, "sports").total == 2


def test_a_word_in_most_of_a_large_catalogue_filters_but_does_not_rank(
        app, publish_indexed, monkeypatch):
    monkeypatch.setattr(memory, "COMMON_FROM", 2)
    start = datetime(2026, 1, 1)
    publish_indexed(title="Volunteers first", published_at=start)
    publish_indexed(title="Second", published_at=start + timedelta(days=1),
                    parts=lesson("Volunteers help."))
    publish_indexed(title="Third", published_at=start + timedelta(days=2))
    # "volunteers" is in two of three items: both are found, the newest first, although the
    # older one has the word in its title
    assert titles(found(app, "volunteers")) == ["Second", "Volunteers first"]
    monkeypatch.setattr(memory, "COMMON_FROM", 1000)
    with app.app_context():
        search.forget_cached_results()
    assert titles(found(app, "volunteers")) == ["Volunteers first", "Second"]


def test_each_word_is_looked_up_once_until_the_catalogue_changes(
        app, publish_indexed, count_queries):
    publish_indexed(title="Housing first")
    publish_indexed(title="Housing advice for families")
    # a trailing space: whole words (the last word of a query typed on matches as a prefix)
    found(app, "housing ")
    with count_queries() as again:
        assert found(app, "housing families ").total == 1  # "housing" is remembered
    with count_queries() as known:
        assert found(app, "families housing ").total == 1
    assert known.count == 0               # within a second of the last check: no statement
    assert again.count > known.count
    publish_indexed(title="Housing and health")
    assert found(app, "housing").total == 3


def test_ranking_with_a_filter_and_with_two_words(app, publish_indexed):
    """Scores decide the order whatever the filters, a second word's scores add to the
    first's, and the items a word does not rank follow, newest first."""
    start = datetime(2026, 1, 1)
    publish_indexed(title="Mentoring mentoring networks", published_at=start, language="de",
                    parts=lesson("Housing."))
    publish_indexed(title="Mentoring", published_at=start + timedelta(days=1), language="de",
                    parts=lesson("Housing."))
    publish_indexed(title="Housing mentoring", published_at=start + timedelta(days=2),
                    language="de")
    publish_indexed(title="Elsewhere", published_at=start + timedelta(days=3), language="de",
                    parts=lesson("Mentoring and housing."))
    publish_indexed(title="Mentoring in Italy", published_at=start + timedelta(days=4),
                    language="it")
    german = titles(found(app, "mentoring ", filters={"language": ["de"]}))
    assert "Mentoring in Italy" not in german and len(german) == 4
    assert german[-1] == "Elsewhere"             # the word only in a lesson: ranked last
    # both words in the title beat one word in the title and the other in a lesson
    assert titles(found(app, "mentoring housing "))[0] == "Housing mentoring"
    assert titles(found(app, "mentoring housing "))[-1] == "Elsewhere"


def test_the_words_searched_longest_ago_are_dropped_when_the_memory_is_full(
        app, publish_indexed, count_queries, monkeypatch):
    publish_indexed(title="Housing first")
    publish_indexed(title="Language cafés")
    found(app, "housing ")
    found(app, "language ")
    with count_queries() as both_kept:
        found(app, "housing ", sort="newest")
    assert both_kept.count == 0
    # room for one word's postings only: a new word pushes the others out, and they are asked
    # for again
    monkeypatch.setattr(memory, "POSTINGS_BYTES", 1)
    found(app, "cafés ")
    with count_queries() as asked_again:
        assert found(app, "housing ", sort="title").total == 1
    assert asked_again.count == 1
    with count_queries() as kept:
        assert found(app, "housing ", sort="newest").total == 1
    assert kept.count == 0                 # the last word asked for stays
