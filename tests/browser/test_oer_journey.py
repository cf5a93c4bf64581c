"""The issue's journey: a trainer publishes a new release of the demo course (seed-demo published
the first); an anonymous visitor finds it by a word from one of its lessons, opens it and
downloads the IMS Common Cartridge, which is valid against the CC 1.1 schema. axe checks the
catalogue and the detail page on the way."""
import io
import zipfile

import pytest
from lxml import etree
from playwright.sync_api import expect

from courses.demo import DEMO_SLUG
from lms.cli import demo_password
from tests.helpers.browser import Visitor
from tests.helpers import IN_CI, STANDARDS

pytestmark = pytest.mark.browser

# a word that appears in a lesson of the demo course, not in its title or summary
LESSON_WORD = "accommodation"


def cc11_schema():
    folder = STANDARDS / "imscc-1.1"
    if not folder.is_dir():
        if IN_CI:
            pytest.fail(f"{folder} is missing and CI=true")
        pytest.skip(f"the standards files are not at {folder}")
    return etree.XMLSchema(etree.parse(str(folder / "cc11libxml2validator.xsd")))


def test_a_visitor_finds_the_published_demo_course_and_imports_its_cartridge(
        app, visitor, new_page, live_server):
    schema = cc11_schema()
    assert app.test_cli_runner().invoke(args=["seed-demo"]).exit_code == 0
    with app.app_context():
        password = demo_password("trainer")
    visitor.log_in("trainer@demo.example.org", password)
    visitor.follow("English")          # the demo trainer reads German
    visitor.open(f"/courses/{DEMO_SLUG}/outline")
    visitor.follow("Publish as open educational resource")
    visitor.press("Publish release 2")
    expect(visitor.page.get_by_role("status")).to_contain_text("Release 2 has been published.")

    anonymous = Visitor(new_page(), live_server)
    anonymous.open("/oer/")
    anonymous.fill("Search the resources", LESSON_WORD)
    anonymous.press("Search")
    anonymous.follow("Working together for regional inclusion")
    page = anonymous.page
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Working together for regional inclusion")
    expect(page.locator('a[rel="license"]')).to_have_count(1)
    link = page.locator('a[download][href$=".imscc"]')
    expect(link).to_have_count(1)
    with page.expect_download() as waiting:
        link.click()
    download = waiting.value
    assert download.suggested_filename.endswith(".imscc")
    cartridge = zipfile.ZipFile(io.BytesIO(open(download.path(), "rb").read()))
    manifest = etree.fromstring(cartridge.read("imsmanifest.xml"))
    schema.assertValid(manifest)
    assert "Working together for regional inclusion" in etree.tostring(
        manifest.find(".//{*}metadata"), encoding="unicode")
    pages = manifest.findall(".//{*}organization//{*}item[@identifierref]")
    assert len(pages) >= 13        # the demo course's lessons and quizzes, each importable
