"""What every format shares: the registry, file names, reproducible bytes, missing files."""
import hashlib
import io
import posixpath
import re
import zipfile

import pytest

from oer.packages import FORMATS, BuildError, filename, formats_for
from tests.helpers.oer import sample_snapshot

pytestmark = pytest.mark.database_independent

ALL = list(FORMATS)


def test_formats_are_registered_in_order_with_their_file_names():
    assert ALL == ["imscc", "scorm12", "html", "epub", "pdf"]
    assert filename("sample", 2, "imscc") == "sample-v2.imscc"
    assert filename("sample", 2, "scorm12") == "sample-v2-scorm12.zip"
    assert filename("sample", 3, "html") == "sample-v3-html.zip"
    assert filename("sample", 1, "epub") == "sample-v1.epub"
    assert filename("sample", 1, "pdf") == "sample-v1.pdf"


def test_a_kind_gets_the_formats_it_lists():
    class Blueprint:
        formats = ("html", "epub", "pdf")

    class Course:
        formats = ("imscc", "scorm12", "html", "epub", "pdf")
    assert [f.name for f in formats_for(Blueprint())] == ["html", "epub", "pdf"]
    assert [f.name for f in formats_for(Course())] == ALL


@pytest.mark.parametrize("format_name", ALL)
def test_the_same_release_gives_the_same_bytes(build, media_snapshot, context, format_name):
    first = build(format_name, media_snapshot, context)
    second = build(format_name, media_snapshot, context)
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()
    assert len(first) > 1000


@pytest.mark.parametrize("format_name", [f for f in ALL if f != "pdf"])
def test_archives_carry_the_release_date_and_store_media_uncompressed(
        build, media_snapshot, context, format_name):
    archive = zipfile.ZipFile(io.BytesIO(build(format_name, media_snapshot, context)))
    infos = {info.filename.rsplit("/", 1)[-1]: info for info in archive.infolist()}
    assert {info.date_time for info in archive.infolist()} == {(2026, 5, 1, 12, 30, 0)}
    assert infos["picture.png"].compress_type == zipfile.ZIP_STORED
    assert infos["interview.mp3"].compress_type == zipfile.ZIP_STORED
    assert archive.testzip() is None


@pytest.mark.parametrize("format_name", ALL)
def test_a_missing_media_file_is_named_in_the_error(build, media_snapshot, context,
                                                     format_name, tmp_path):
    (tmp_path / "media_interview.mp3").unlink()
    with pytest.raises(BuildError) as error:
        build(format_name, media_snapshot, context)
    assert "media/interview.mp3" in error.value.message
    assert "Interview" in error.value.message


@pytest.mark.parametrize("format_name", ALL)
def test_every_format_builds_a_resource_without_media(build, context, format_name):
    assert build(format_name, sample_snapshot(lessons=1), context)


@pytest.mark.parametrize("format_name", [f for f in ALL if f != "pdf"])
def test_metadata_with_markup_characters_stays_text_in_every_file(build, context, format_name):
    from lxml import etree
    from lxml import html as lxml_html
    nasty = 'Rights & <b>"duties"</b> </title><script>alert(1)</script>'
    snapshot = sample_snapshot(title=nasty, authors=["A <i>&</i> B"], description=nasty,
                               keywords=[nasty], organisations=[nasty])
    snapshot.parts[0].title = nasty
    archive = zipfile.ZipFile(io.BytesIO(build(format_name, snapshot, context)))
    for name in archive.namelist():
        data = archive.read(name)
        if name == "META-INF/container.xml":
            continue
        if name.endswith((".xml", ".opf", ".xhtml")):
            texts = etree.fromstring(data).xpath("//text() | //@*")
        elif name.endswith(".html"):
            tree = lxml_html.fromstring(data)
            assert not [s for s in tree.iter("script") if not s.get("src")], name
            texts = tree.xpath("//text()")
        else:
            continue
        assert b"<script>alert" not in data, name
        # as text, or as HTML carried in text (QTI's mattext, topics' text)
        assert any(nasty in text or "Rights &amp; &lt;b&gt;" in text for text in texts), name


@pytest.mark.parametrize("name", ["../outside.png", "/etc/passwd", "media/../../x.png"])
def test_an_asset_name_that_leaves_the_package_is_refused(build, media_snapshot, context, name):
    media_snapshot.assets[0].name = name
    with pytest.raises(BuildError) as error:
        build("html", media_snapshot, context)
    assert name in error.value.message


@pytest.mark.parametrize("format_name, page", (
    ("imscc", "lesson-3.html"), ("html", "lesson-3.html"), ("epub", "OEBPS/lesson-3.xhtml"),
    ("scorm12", "module-1.html")))
def test_links_between_parts_lead_to_their_page_and_heading(build, every_question_kind, context,
                                                            format_name, page):
    """A snapshot links parts as `<part id>.html#anchor`; each format points the link at the
    file (and the heading's id) it gave that part, inside the package."""
    archive = zipfile.ZipFile(io.BytesIO(build(format_name, every_question_kind, context)))
    text = archive.read(page).decode()
    for label in ("the start", "the quiz"):
        href = re.search(rf'<a href="([^"]*)">{label}</a>', text).group(1)
        path, _, anchor = href.partition("#")
        target = posixpath.join(posixpath.dirname(page), path) if path else page
        assert target in archive.namelist(), href
        assert not anchor or f'id="{anchor}"' in archive.read(target).decode(), href
