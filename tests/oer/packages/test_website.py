"""The offline website: pages, contents, answers, attribution, nothing fetched online."""
import io
import re
import zipfile
from urllib.parse import urlparse

import pytest
from lxml import html as lxml_html

from tests.helpers.browser import check_axe
from tests.helpers.oer import sample_snapshot

pytestmark = pytest.mark.database_independent


def site(build, snapshot, context):
    return zipfile.ZipFile(io.BytesIO(build("html", snapshot, context)))


def test_the_site_has_an_index_a_page_per_part_answers_and_media(build, media_snapshot,
                                                                 context):
    archive = site(build, media_snapshot, context)
    names = archive.namelist()
    assert names[0] == "index.html"
    for expected in ("module-1.html", "lesson-1.html", "lesson-3.html", "quiz-1.html",
                     "discussion-1.html", "answers.html", "about.html", "style.css",
                     "media/picture.png", "media/cover.png", "media/interview.mp3"):
        assert expected in names
    index = archive.read("index.html").decode()
    assert 'href="lesson-2.html">Lesson 2</a>' in index
    assert 'src="media/cover.png" alt="People around a table"' in index
    quiz = archive.read("quiz-1.html").decode()
    assert "Who coordinates a network?" in quiz and "A coordinator" in quiz
    assert "Partners sign off a plan." in quiz and "answers.html#answers-quiz-1" in quiz
    answers = archive.read("answers.html").decode()
    assert "Right answer: A coordinator" in answers
    assert "Right answer: True" in answers


def test_every_page_carries_the_attribution(build, media_snapshot, context):
    archive = site(build, media_snapshot, context)
    pages = [n for n in archive.namelist() if n.endswith(".html")]
    assert len(pages) == 9
    for name in pages:
        footer = lxml_html.fromstring(archive.read(name)).find(".//footer")
        text = footer.text_content()
        assert "Sample resource 1" in text and "Ada Trainer" in text, name
        assert "Open Learning Association" in text
        assert "CC BY-SA 4.0" in text
        links = [a.get("href") for a in footer.iter("a")]
        assert "https://creativecommons.org/licenses/by-sa/4.0/" in links
        assert "http://localhost/courses/sample-1/" in links
        assert "http://localhost/oer/sample-resource/v2/" in links


def test_nothing_is_fetched_from_the_network(build, media_snapshot, context):
    archive = site(build, media_snapshot, context)
    for name in (n for n in archive.namelist() if n.endswith(".html")):
        tree = lxml_html.fromstring(archive.read(name))
        assert not tree.findall(".//script"), name
        for element in tree.iter():
            for attribute in ("src", "href", "data", "poster", "srcset"):
                value = element.get(attribute)
                if not value or not urlparse(value).scheme:
                    continue
                # only links a reader follows may point online: attribution and lesson text
                assert element.tag == "a" and attribute == "href", (name, element.tag, value)
    css = archive.read("style.css").decode()
    assert not re.search(r"url\(|@import", css)


def test_metadata_is_escaped(build, context):
    snapshot = sample_snapshot(title='Rights & <b>"duties"</b>', authors=["<script>x</script>"])
    archive = site(build, snapshot, context)
    index = archive.read("index.html").decode()
    assert "Rights &amp; &lt;b&gt;&#34;duties&#34;&lt;/b&gt;" in index
    assert "<script>" not in index and "&lt;script&gt;x&lt;/script&gt;" in index


@pytest.mark.browser
def test_the_site_works_from_disk_in_a_browser(build, every_question_kind, context, tmp_path,
                                               new_page):
    folder = tmp_path / "site"
    site(build, every_question_kind, context).extractall(folder)
    page = new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((folder / "index.html").as_uri())
    check_axe(page)
    page.get_by_role("link", name="Lesson 1", exact=True).first.click()
    page.wait_for_url("**/lesson-1.html")
    assert page.get_by_role("heading", level=1).inner_text() == "Lesson 1"
    assert page.locator("img[alt='A map of the region']").evaluate("i => i.naturalWidth") == 4
    check_axe(page)
    page.get_by_role("link", name="Next: Lesson 2").click()
    page.wait_for_url("**/lesson-2.html")
    page.goto((folder / "quiz-1.html").as_uri())
    check_axe(page)
    page.get_by_role("link", name="Answers and feedback").first.click()
    page.wait_for_url("**/answers.html#answers-quiz-1")
    check_axe(page)
    assert all(url.startswith("file://") for url in requests), requests


def test_a_package_speaks_the_language_of_its_resource(build, context):
    archive = site(build, sample_snapshot(language="de"), context)
    index = archive.read("index.html").decode()
    assert '<html lang="de">' in index
    assert ">Inhalt</h2>" in index and "<dt>Lizenz</dt>" in index
    assert "Richtige Antwort: Wahr" in archive.read("answers.html").decode()


@pytest.mark.browser
def test_the_pages_fit_a_phone(build, every_question_kind, context, tmp_path, new_page):
    folder = tmp_path / "site"
    site(build, every_question_kind, context).extractall(folder)
    page = new_page(viewport={"width": 360, "height": 740})
    for name in ("index.html", "lesson-1.html", "quiz-1.html", "answers.html", "about.html"):
        page.goto((folder / name).as_uri())
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, (name, width)
