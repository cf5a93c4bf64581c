"""The pages of published items: metadata, contents, reuse box, releases, 404s, query counts."""
import re

import pytest

from lms.publishing import Snapshot
from tests.helpers.oer import sample_snapshot


def test_the_release_page_shows_what_a_reuser_needs(client, make_release):
    make_release(slug="cooperation-basics", details=[("Who it is for", "Staff of NGOs")],
                 title="Cooperation basics")
    response = client.get("/oer/cooperation-basics/")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<h1>Cooperation basics</h1>" in page
    assert "A sample open educational resource number 1." in page
    assert "Ada Trainer" in page and "Open Learning Association" in page
    assert 'rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/"' in page
    assert "cooperation, networks" in page
    assert "Staff of NGOs" in page
    assert "labour" in page and "Area of integration" in page
    # the table of contents, with the module's lessons, quiz and discussion
    for title in ("Module 1", "Lesson 1", "Lesson 3", "Check your understanding",
                  "Discuss: your network"):
        assert title in page
    # how to reuse and cite: title, author, source, licence
    assert re.search(r"“Cooperation basics” by Ada Trainer, version 1, "
                     r"http://localhost/oer/cooperation-basics/v1/, licensed under "
                     r"CC BY-SA 4\.0 \(https://creativecommons.org/licenses/by-sa/4\.0/\)\.",
                     page)
    assert 'type="application/atom+xml"' in page


def test_each_release_has_its_page_and_lists_the_others(client, make_release):
    make_release(slug="two-releases", snapshot=sample_snapshot(1, title="First title"))
    make_release(snapshot=sample_snapshot(1, title="Second title"))
    current = client.get("/oer/two-releases/").get_data(as_text=True)
    assert "Second title" in current and "Release 2, published on" in current
    assert 'href="/oer/two-releases/v1/"' in current
    old = client.get("/oer/two-releases/v1/").get_data(as_text=True)
    assert "First title" in old and "a newer release exists" in old


@pytest.mark.parametrize("path", ("/oer/nothing-here/", "/oer/nothing-here/v1/",
                                  "/oer/sample-resource-1/v2/", "/oer/sample-resource-1/v0/",
                                  "/oer/sample-resource-1/vx/",
                                  "/oer/sample-resource-1/v1/nothing.zip",
                                  "/oer/sample-resource-1/v1/nothing.zip.sha256"))
def test_unknown_items_releases_and_files_answer_404(client, make_release, path):
    make_release()
    assert client.get(path).status_code == 404


def test_a_withdrawn_release_keeps_its_page(client, make_release):
    make_release(slug="gone-but-shown", withdrawn=True)
    response = client.get("/oer/gone-but-shown/")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "This release was withdrawn on" in page and "Withdrawn in a test." in page
    assert "download href" not in page


def test_text_from_the_snapshot_is_escaped(client, make_release):
    make_release(slug="escaped", snapshot=sample_snapshot(
        1, title="<script>alert(1)</script>", description="</script><b>bold</b>",
        authors=["<img src=x onerror=alert(1)>"]))
    page = client.get("/oer/escaped/").get_data(as_text=True)
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "</script><b>" not in page


def test_the_page_runs_the_same_number_of_queries_however_many_releases(
        app, client, make_release, count_queries):
    snapshot = sample_snapshot(1)
    make_release(slug="counted", snapshot=snapshot)
    with count_queries() as one:
        assert client.get("/oer/counted/").status_code == 200
    for _ in range(5):
        make_release(snapshot=Snapshot.from_dict(snapshot.to_dict()))
    with count_queries() as six:
        page = client.get("/oer/counted/")
    assert page.status_code == 200
    assert "Release 6, published on" in page.get_data(as_text=True)
    assert six.count == one.count <= 4, six.statements
