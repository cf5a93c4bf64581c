"""The Atom feed of new releases and the sitemap."""
from datetime import datetime

from xml.etree import ElementTree as etree

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_the_feed_lists_new_releases_newest_first(client, make_release):
    make_release(slug="older", title="Older resource", published_at=datetime(2026, 1, 5, 9))
    make_release(slug="newer", title="Newer resource", published_at=datetime(2026, 3, 1, 12))
    make_release(slug="withdrawn", title="Withdrawn resource", withdrawn=True)
    response = client.get("/oer/feed.atom")
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    feed = etree.fromstring(response.data)
    assert feed.tag == ATOM + "feed"
    assert feed.findtext(ATOM + "id") == "http://localhost/oer/feed.atom"
    assert feed.findtext(ATOM + "updated") == "2026-03-01T12:00:00Z"
    assert feed.find(ATOM + "author/" + ATOM + "name") is not None
    entries = feed.findall(ATOM + "entry")
    assert [e.findtext(ATOM + "title") for e in entries] == [
        "Newer resource (Release 1)", "Older resource (Release 1)"]
    newest = entries[0]
    assert newest.findtext(ATOM + "id") == "http://localhost/oer/newer/v1/"
    assert newest.find(ATOM + "link").get("href") == "http://localhost/oer/newer/v1/"
    assert newest.findtext(ATOM + "updated") == "2026-03-01T12:00:00Z"
    assert newest.findtext(ATOM + "author/" + ATOM + "name") == "Ada Trainer"
    assert newest.findtext(ATOM + "summary").startswith("A sample open educational resource")


def test_an_empty_feed_is_still_valid_atom(client):
    feed = etree.fromstring(client.get("/oer/feed.atom").data)
    assert feed.findtext(ATOM + "updated").endswith("Z")
    assert feed.findall(ATOM + "entry") == []


def test_release_pages_link_the_feed(client, make_release):
    make_release(slug="linked")
    link = 'rel="alternate" type="application/atom+xml" href="/oer/feed.atom"'
    assert link in client.get("/oer/linked/").get_data(as_text=True)


def test_the_sitemap_lists_items_with_a_current_release(client, make_release):
    make_release(slug="listed")
    make_release(slug="not-listed", withdrawn=True)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urls = etree.fromstring(response.data).findall(SITEMAP + "url")
    locations = [u.findtext(SITEMAP + "loc") for u in urls]
    assert "http://localhost/" in locations
    assert "http://localhost/oer/listed/" in locations
    assert "http://localhost/oer/not-listed/" not in locations
    listed = urls[locations.index("http://localhost/oer/listed/")]
    assert listed.findtext(SITEMAP + "lastmod").endswith("Z")


def test_the_sitemap_works_without_the_oer_plugin(app_factory):
    client = app_factory(LMS_PLUGINS=["courses"]).test_client()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert b"/oer/" not in response.data
