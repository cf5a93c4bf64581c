"""The EPUB 3 e-book: a valid package (epubcheck), its metadata, pages and attribution."""
import io
import zipfile

import pytest
from lxml import etree

from tests.helpers.oer import asset_file, epubcheck, sample_snapshot

pytestmark = pytest.mark.database_independent

OPF = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}


def test_the_book_passes_epubcheck(build, every_question_kind, context, tmp_path):
    media_snapshot = every_question_kind
    video = asset_file(tmp_path, "media/talk.mp4", b"\x00\x00\x00\x18ftypmp42" + bytes(64),
                       "video/mp4", "A talk")
    media_snapshot.assets.append(video)
    lessons = media_snapshot.parts[0].parts
    lessons[1].html += (
        "<p>A line<br>break&nbsp;and an entity, <b>bold</b> &amp; <em>old</em>.</p>"
        "<table><tr><td>cell</td></tr></table><hr>"
        '<h2 id="main">Main</h2><p><a href="#main">Up</a> <a href="media/talk.mp4">talk</a></p>')
    lessons[2].html += '<h2 id="summary">Summary</h2>'
    lessons[0].html += '<h2 id="summary">Summary</h2>'
    path = tmp_path / "book.epub"
    path.write_bytes(build("epub", media_snapshot, context))
    output = epubcheck(path)
    assert "No errors or warnings detected" in output


def test_a_resource_without_quizzes_or_media_passes_epubcheck(build, context, tmp_path):
    snapshot = sample_snapshot(resource_type="case_study", kind="oer.blueprint")
    for module in snapshot.parts:
        module.parts = [p for p in module.parts if p.kind == "page"]
    path = tmp_path / "blueprint.epub"
    path.write_bytes(build("epub", snapshot, context))
    epubcheck(path)


def test_the_book_has_its_metadata_cover_and_attribution_last(build, media_snapshot, context):
    archive = zipfile.ZipFile(io.BytesIO(build("epub", media_snapshot, context)))
    first = archive.infolist()[0]
    assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
    opf = etree.fromstring(archive.read("OEBPS/package.opf"))
    assert opf.findtext(".//dc:identifier", namespaces=OPF) == \
        "http://localhost/oer/sample-resource/v2/"
    assert opf.findtext(".//dc:title", namespaces=OPF) == "Sample resource 1"
    assert opf.findtext(".//dc:language", namespaces=OPF) == "en"
    assert [c.text for c in opf.findall(".//dc:creator", OPF)] == [
        "Ada Trainer", "Open Learning Association"]
    assert "CC BY-SA 4.0" in opf.findtext(".//dc:rights", namespaces=OPF)
    assert opf.findtext(".//opf:meta[@property='dcterms:modified']", namespaces=OPF) == \
        "2026-05-01T12:30:00Z"
    cover = opf.find(".//opf:item[@properties='cover-image']", OPF)
    assert cover.get("href") == "media/cover.png"
    spine = [opf.find(f".//opf:item[@id='{ref.get('idref')}']", OPF).get("href")
             for ref in opf.find("opf:spine", OPF)]
    assert spine[0] == "index.xhtml" and spine[1] == "module-1.xhtml"
    assert spine[-2:] == ["answers.xhtml", "about.xhtml"]
    last = archive.read("OEBPS/about.xhtml").decode()
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in last
    assert "http://localhost/courses/sample-1/" in last
    lesson = archive.read("OEBPS/lesson-1.xhtml").decode()
    assert '<audio controls="controls" src="media/interview.mp3">the interview</audio>' in lesson
    assert '<img src="media/picture.png" alt="A map of the region"/>' in lesson
