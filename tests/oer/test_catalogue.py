"""The public catalogue page /oer/: search box, facets as links, sorting, pages, empty states,
a fixed number of queries, and bad addresses that never answer 500."""
from datetime import datetime, timedelta
from html import unescape

import pytest

from lms.extensions import db
from oer.services import search
from oer.models import OerRelease
from tests.oer.test_search import NASTY


@pytest.fixture
def published(app, make_release):
    def make(**fields):
        release_id = make_release(**fields)
        with app.app_context():
            release = db.session.get(OerRelease, release_id)
            search.index_item(release.item)
            db.session.commit()
            return release.item.slug
    return make


def text(response):
    return unescape(response.get_data(as_text=True))


def test_an_empty_catalogue_says_so(client):
    response = client.get("/oer/")
    assert response.status_code == 200
    page = text(response)
    assert "Nothing has been published yet." in page
    assert '<label for="q">Search the resources</label>' in page
    assert 'href="/oer/feed.atom"' in page


def test_a_visitor_finds_a_resource_and_opens_it(client, published):
    slug = published(title="Peer guides at the reception desk",
                     description="Trained peer guides welcome newcomers.")
    published(title="Another resource")
    page = text(client.get("/oer/?q=peer+guides"))
    assert "1 resource" in page
    assert "Peer guides at the reception desk" in page
    assert "Trained peer guides welcome newcomers." in page
    assert f'href="/oer/{slug}/"' in page
    assert "Another resource" not in page
    assert "Course · English · CC BY-SA 4.0" in page


def test_no_match_explains_what_to_do(client, published):
    published(title="Peer guides")
    page = text(client.get("/oer/?q=zebra&language=de"))
    assert "No resource matches your search." in page
    assert "Search without filters" in page


def test_facets_are_links_with_counts_that_filter(client, published):
    published(title="German one", language="de")
    published(title="German two", language="de")
    published(title="Italian one", language="it",
              facets={"integration_area": "housing", "country": "IT", "level": "local"})
    page = text(client.get("/oer/"))
    assert "3 resources" in page
    assert 'href="/oer/?language=de">German <span class="count">(2)</span>' in page
    assert 'href="/oer/?language=it">Italian <span class="count">(1)</span>' in page
    assert "Housing" in page and "Italy" in page and "Local" in page
    filtered = text(client.get("/oer/?language=it"))
    assert "1 resource" in filtered and "Italian one" in filtered
    assert "German one" not in filtered
    assert 'href="/oer/" aria-current="true"><span aria-hidden="true">✓ </span>Italian' in filtered
    assert "Language: Italian" in filtered


def test_facet_labels_follow_the_readers_language(client, published):
    published(title="Eins", language="de")
    page = text(client.get("/oer/", headers={"Accept-Language": "de"}))
    assert "Deutsch" in page and "Deutschland" in page


def test_sorting_choices(client, published):
    start = datetime(2026, 3, 1)
    published(title="Zeta", published_at=start + timedelta(days=1))
    published(title="Alpha", published_at=start)
    newest = text(client.get("/oer/"))
    assert newest.index("Zeta") < newest.index("Alpha")
    by_title = text(client.get("/oer/?sort=title"))
    assert by_title.index("Alpha") < by_title.index("Zeta")
    assert "Relevance" not in newest
    assert '<option value="relevance" selected>' in text(client.get("/oer/?q=alpha"))


def test_pages_link_to_each_other(client, published):
    start = datetime(2026, 1, 1)
    for number in range(23):
        published(title=f"Resource {number:02d}", published_at=start + timedelta(days=number))
    first = text(client.get("/oer/?language=en"))
    assert "Page 1 of 2" in first
    assert 'href="/oer/?language=en&page=2" rel="next"' in first
    second = text(client.get("/oer/?language=en&page=2"))
    assert "Resource 00" in second and "Resource 22" not in second
    assert 'rel="prev"' in second
    for page in ("99", "99999999999999999999"):
        beyond = text(client.get("/oer/?page=" + page))
        assert "There are not that many pages." in beyond


@pytest.mark.parametrize("query", [
    "page=abc", "page=-5", "sort=evil", "sort=relevance",
    "language=%00", "language=" + "x" * 500, "country=XX", "country=de", "licence=<b>",
    "type=course&type=course", "area=nowhere", "level=galactic",
    "language=de&language=de&language=it&language=en"])
def test_bad_addresses_answer_a_page(client, published, query):
    published(title="Ordinary")
    response = client.get("/oer/?" + query)
    assert response.status_code == 200
    assert "Ordinary" in text(response)


@pytest.mark.parametrize("query", NASTY[:20])
def test_nasty_searches_answer_a_page(client, published, query):
    published(title="Ordinary")
    assert client.get("/oer/", query_string={"q": query}).status_code == 200


@pytest.mark.parametrize("raw", ["%FF%FE", "%22" * 300, "%00", "a%20OR%20(b"])
def test_undecodable_or_odd_searches_answer_a_page(client, published, raw):
    published(title="Ordinary")
    assert client.get("/oer/?q=" + raw).status_code == 200


def test_the_page_runs_a_fixed_number_of_queries(client, published, count_queries):
    """A new search (here: the first after a publication) and a repeated one each run a fixed
    number of statements, however many resources there are."""
    def queries(path):
        with count_queries() as counter:
            assert client.get(path).status_code == 200
        return counter.count

    paths = ("/oer/", "/oer/?q=cooperation&language=en", "/oer/?sort=title&area=labour")
    published(title="First cooperation")
    few = [(queries(path), queries(path)) for path in paths]
    for number in range(25):
        published(title=f"Cooperation {number}", language=("de", "it", "en")[number % 3],
                  facets={"integration_area": ("labour", "housing")[number % 2],
                          "country": ("DE", "IT", "AT")[number % 3], "level": "local"})
    many = [(queries(path), queries(path)) for path in paths]
    assert few == many
    assert all(new <= 4 and again <= 1 for new, again in many)
