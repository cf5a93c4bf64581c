"""The PDF: title, lessons, quizzes with answers, the attribution on the last page, images
from the package's files and nothing from the network."""
import io

import pytest
from pypdf import PdfReader

from tests.helpers.oer import png, sample_snapshot

pytestmark = pytest.mark.database_independent


def read(build, snapshot, context):
    return PdfReader(io.BytesIO(build("pdf", snapshot, context)))


def test_the_pdf_holds_the_title_lessons_answers_and_the_licence_last(build, media_snapshot,
                                                                      context):
    pdf = read(build, media_snapshot, context)
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Sample resource 1" in pdf.pages[0].extract_text()
    assert "Text of lesson 2 about cooperation." in text
    assert "Who coordinates a network?" in text
    assert "Right answer: A coordinator" in text
    last = pdf.pages[-1].extract_text()
    assert "CC BY-SA 4.0" in last and "Ada Trainer" in last
    assert "http://localhost/courses/sample-1/" in last
    links = [a.get_object()["/A"].get("/URI") for page in pdf.pages[-1:]
             for a in page.get("/Annots", [])]
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in links
    assert pdf.metadata.title == "Sample resource 1"
    assert pdf.metadata.author == "Ada Trainer, Open Learning Association"
    assert "licensed under CC BY-SA 4.0" in pdf.metadata.subject
    assert "http://localhost/oer/sample-resource/v2/" in pdf.metadata.subject
    assert pdf.metadata["/Keywords"] == "cooperation, networks"
    assert pdf.metadata.creation_date.strftime("%Y-%m-%d %H:%M") == "2026-05-01 12:30"


def test_images_come_from_the_package_files_only(build, media_snapshot, context, tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(png(5, 5))
    media_snapshot.parts[0].parts[1].html += (
        f'<p><img src="file://{secret}" alt="x"><img src="https://example.org/a.png" '
        'alt="y"></p>')
    pdf = read(build, media_snapshot, context)
    images = [image for page in pdf.pages for image in page.images]
    # the cover and the lesson's picture; neither the local file nor the web image
    assert {(image.image.width, image.image.height) for image in images} == {(4, 3), (8, 6)}


def text_of(pdf):
    return "\n".join(page.extract_text() for page in pdf.pages)


def test_contents_and_bookmarks_lead_to_every_part(build, media_snapshot, context):
    pdf = read(build, media_snapshot, context)
    outline = {item.title: pdf.get_destination_page_number(item) + 1
               for item in flatten(pdf.outline)}
    assert {"Module 1", "Lesson 1", "Lesson 2", "Check your understanding",
            "Discuss: your network", "Answers and feedback",
            "About this resource"} <= set(outline)
    contents = pdf.pages[1].extract_text()
    assert "Contents" in contents
    # the contents give the page each bookmark leads to; the attribution is the last page
    assert outline["About this resource"] == len(pdf.pages)
    assert f"About this resource {len(pdf.pages)}" in " ".join(contents.split())
    assert "Answers and feedback" in pdf.pages[outline["Answers and feedback"] - 1].extract_text()


def flatten(outline):
    for item in outline:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


def test_the_title_page_names_language_licence_and_release(build, media_snapshot, context):
    first = read(build, media_snapshot, context).pages[0].extract_text()
    for text in ("Sample resource 1", "Ada Trainer", "Open Learning Association", "English",
                 "CC BY-SA 4.0", "http://localhost/oer/sample-resource/v2/"):
        assert text in first


def test_german_italian_and_turkish_text_is_kept(build, context):
    snapshot = sample_snapshot(lessons=1, title="Zusammenarbeit für Schüler", language="de")
    snapshot.parts[0].parts[0].html = (
        "<p>Größere Übungen; perché così città; Öğretmen şöyle dedi: ılık İstanbul "
        "çağrı.</p>")
    text = text_of(read(build, snapshot, context))
    for words in ("Größere Übungen", "perché così città", "Öğretmen şöyle dedi: ılık İstanbul",
                  "Zusammenarbeit für Schüler"):
        assert words in text
    assert "Sprache" in text and "Deutsch" in text      # the title page in German


EVERY_ELEMENT = (
    '<h1 id="a">One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>'
    '<p>Some <strong>strong</strong>, <b>bold</b>, <em>em</em>, <i>i</i>, <code>code()</code>, '
    '<del>old</del>, H<sub>2</sub>O, x<sup>2</sup>, <span>span</span> and '
    '<a href="https://example.org/x" title="t">a link</a><br>after a break.</p><hr>'
    '<ul><li>Bullet<ul><li>Nested bullet</li></ul></li><li><p>Item paragraph</p>'
    '<table><tr><td>Table in a list</td></tr></table></li></ul>'
    '<ol><li>First step</li><li>Second step</li></ol>'
    '<blockquote><p>A quoted sentence.</p><ul><li>Quoted item</li></ul></blockquote>'
    '<pre><code>for partner in network:\n    meet(partner)</code></pre>'
    '<table><thead><tr><th>Partner</th><th>Role</th></tr></thead><tbody>'
    '<tr><td>Job <b>centre</b></td><td><p>Advice</p><table><tr><td>Inner cell</td></tr>'
    '</table></td></tr><tr><td>Only one cell</td></tr>'
    '<tr><td><img src="media/picture.png" alt="Map in a table"></td><td>x</td></tr>'
    '</tbody></table><table></table><p><img src="media/picture.png" alt="A map"></p>'
    '<p><img src="/courses/media/elsewhere.png" alt="Not in the package"></p>'
    '<p><a href="media/interview.mp3">The interview</a> <a href="#a">Back up</a> '
    '<a>no target</a></p><div>Loose <em>text</em></div><!-- a comment -->')


def test_every_element_the_courses_allow_is_drawn_with_its_text(build, media_snapshot,
                                                                context):
    media_snapshot.parts[0].parts[1].html = EVERY_ELEMENT
    text = " ".join(text_of(read(build, media_snapshot, context)).split())
    for words in ("One", "Six", "strong, bold, em, i, code(), old", "after a break",
                  "Nested bullet", "Item paragraph", "Table in a list", "Second step",
                  "A quoted sentence.", "Quoted item", "meet(partner)", "Partner", "Role",
                  "Job centre", "Advice Inner cell", "Only one cell", "[Not in the package]",
                  "The interview Back up no target", "Loose text"):
        assert words in text, words


@pytest.mark.parametrize("guess", [None, 1, 9])
def test_a_long_course_builds_with_page_numbers_in_its_contents(build, context, guess,
                                                                monkeypatch):
    from oer.packages import pdf as pdf_builder
    if guess:       # a wrong count of contents pages is corrected by a second pass
        monkeypatch.setattr(pdf_builder.Writer, "contents_pages", lambda *args: guess)
    snapshot = sample_snapshot(lessons=120)
    for page in snapshot.parts[0].parts[:120]:
        page.html += "<p>" + "Partners meet every month to agree who does what. " * 30 + "</p>"
    pdf = read(build, snapshot, context)
    contents = " ".join(pdf.pages[1].extract_text().split()) + " ".join(
        pdf.pages[2].extract_text().split())
    assert "Lesson 1 " in contents and "Lesson 60 " in contents
    outline = {item.title: pdf.get_destination_page_number(item) + 1
               for item in flatten(pdf.outline)}
    assert f"Lesson 60 {outline['Lesson 60']}" in contents
    assert outline["Module 1"] == 6         # title page, four pages of contents
    assert "Module 1" in pdf.pages[5].extract_text()


def test_media_that_is_not_a_picture_is_never_read(build, media_snapshot, context,
                                                   monkeypatch):
    import builtins
    opened = []
    real_open = builtins.open

    def spy(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)
    monkeypatch.setattr(builtins, "open", spy)
    assert build("pdf", media_snapshot, context)
    assert not [name for name in opened if name.endswith("media_interview.mp3")]


def test_a_missing_font_is_a_clear_build_error(build, media_snapshot, context, monkeypatch,
                                               tmp_path):
    from oer.packages import BuildError
    from lms import pdf
    monkeypatch.setattr(pdf, "FONT_DIR", str(tmp_path))
    with pytest.raises(BuildError) as error:
        build("pdf", media_snapshot, context)
    assert "DejaVuSans.ttf" in error.value.message


def test_html_fpdf2_cannot_draw_still_gives_its_text(build, media_snapshot, context,
                                                     monkeypatch):
    from fpdf import FPDF

    def fails(self, text, *args, **kwargs):
        if "Unusual" in text:
            raise NotImplementedError("Unsupported nested HTML tags")
        return real(self, text, *args, **kwargs)
    real = FPDF.write_html
    monkeypatch.setattr(FPDF, "write_html", fails)
    media_snapshot.parts[0].parts[1].html = "<ul><li>Unusual <b>markup</b> here</li></ul>"
    text = " ".join(text_of(read(build, media_snapshot, context)).split())
    assert "Unusual markup here" in text


def test_importing_the_packages_loads_no_pdf_library():
    import subprocess
    import sys
    code = ("import sys, oer.packages; "
            "print(sorted(m for m in ('fpdf', 'weasyprint') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


def test_large_pictures_fit_the_page(build, media_snapshot, context, tmp_path):
    from tests.helpers.oer import asset_file
    tall = asset_file(tmp_path, "media/tall.png", png(800, 3000), "image/png", "Tall")
    wide = asset_file(tmp_path, "media/wide.png", png(3000, 400), "image/png", "Wide")
    media_snapshot.assets += [tall, wide]
    media_snapshot.parts[0].parts[1].html = (
        '<p><img src="media/tall.png" alt="Tall"></p><ul><li><img src="media/wide.png" '
        'alt="Wide"></li></ul>')
    pdf = read(build, media_snapshot, context)
    width, height = (float(v) for v in pdf.pages[0].mediabox[2:])
    for page in pdf.pages:
        for name, box in placed_images(page):
            assert box[0] <= width and box[1] <= height, name
    sizes = {(image.image.width, image.image.height) for page in pdf.pages
             for image in page.images}
    assert {(800, 3000), (3000, 400)} <= sizes


def placed_images(page):
    """(name, (width, height)) in points of every picture drawn on a page."""
    from pypdf.generic import ContentStream
    stream = ContentStream(page.get_contents(), page.pdf)
    matrix = None
    for operands, operator in stream.operations:
        if operator == b"cm":
            matrix = [float(v) for v in operands]
        elif operator == b"Do" and matrix:
            yield operands[0], (abs(matrix[0]), abs(matrix[3]))


def test_a_picture_that_does_not_decode_leaves_its_description(build, context, tmp_path):
    from tests.helpers.oer import asset_file
    broken = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40     # header, no data
    snapshot = sample_snapshot()
    snapshot.assets = [asset_file(tmp_path, "media/broken.png", broken, "image/png",
                                  "A broken map")]
    snapshot.parts[0].parts[0].html = ('<p>Before <a href="https://example.org">a link</a> '
                                       '<img src="media/broken.png" alt="A broken map"> after.'
                                       '</p><ul><li>One</li></ul>')
    pdf = read(build, snapshot, context)
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "A broken map" in text and "after." in text
