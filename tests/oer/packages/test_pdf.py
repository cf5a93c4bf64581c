"""The PDF: title, lessons, quizzes with answers, the attribution on the last page, images
from the package's files and nothing from the network."""
import io

from pypdf import PdfReader

from tests.oer.packages.conftest import png


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
