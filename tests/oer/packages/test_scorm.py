"""The SCORM 1.2 package as built: a valid manifest, one SCO per module, links that leave a
SCO open in a new window, and answers kept out of sight until the runtime shows them
(tests/oer/packages/test_scorm_runtime.py plays the SCOs in a SCORM runtime)."""
import io
import zipfile

import pytest
from lxml import etree
from lxml import html as lxml_html

from lms.publishing import Part
from tests.helpers.oer import sample_snapshot
from tests.helpers import standards

pytestmark = pytest.mark.database_independent

CP = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
      "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
@pytest.fixture
def two_modules(media_snapshot):
    media_snapshot.parts.append(Part(id="module-2", title="Module 2", kind="section", parts=[
        Part(id="lesson-4", title="Lesson 4", html="<p>Text of the last lesson.</p>")]))
    return media_snapshot


@pytest.fixture
def package(build, two_modules, context):
    return zipfile.ZipFile(io.BytesIO(build("scorm12", two_modules, context)))


def test_the_manifest_is_valid_scorm_12_with_one_sco_per_module(package):
    manifest = etree.fromstring(package.read("imsmanifest.xml"))
    validator = etree.XMLSchema(etree.parse(str(standards("scorm-1.2") / "scorm12_validator.xsd")))
    validator.assertValid(manifest)
    assert manifest.findtext("cp:metadata/cp:schema", namespaces=CP) == "ADL SCORM"
    assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=CP) == "1.2"
    scos = manifest.findall(".//cp:resource[@adlcp:scormtype='sco']", CP)
    assert [r.get("href") for r in scos] == ["module-1.html", "module-2.html"]
    items = manifest.findall(".//cp:organization/cp:item", CP)
    assert [i.findtext("cp:title", namespaces=CP) for i in items] == ["Module 1", "Module 2"]
    assert items[0].findtext("adlcp:masteryscore", namespaces=CP) == "50"
    for file in manifest.iterfind(".//cp:file", CP):
        assert file.get("href") in package.namelist()
    metadata = package.read(manifest.findtext(".//adlcp:location", namespaces=CP)).decode()
    assert "CC BY-SA 4.0" in metadata and "Ada Trainer" in metadata


def test_every_sco_ends_with_the_attribution_and_fetches_nothing_online(package):
    for name in ("module-1.html", "module-2.html"):
        page = package.read(name).decode()
        footer = page[page.index("<footer>"):]
        assert "https://creativecommons.org/licenses/by-sa/4.0/" in footer
        assert "http://localhost/courses/sample-1/" in footer
        assert '<script src="scorm.js"' in page
    script = package.read("scorm.js").decode()
    assert "http" not in script
    assert "XMLHttpRequest" not in script and "fetch(" not in script


def links(page):
    return {a.text_content(): a for a in lxml_html.fromstring(page).iter("a")}


def test_links_that_leave_a_sco_open_in_a_new_window(package, context):
    found = links(package.read("module-1.html").decode())
    assert found["CC BY-SA 4.0"].get("href") == "https://creativecommons.org/licenses/by-sa/4.0/"
    for name in (context.landing_url, "http://localhost/courses/sample-1/", "CC BY-SA 4.0",
                 "the guide", "the interview"):
        assert found[name].get("target") == "_blank", name
        assert "noopener" in found[name].get("rel").split(), name
    assert found["Skip to content"].get("target") is None      # inside the page


def test_a_question_keeps_its_right_answer_hidden_and_matching_pairs_apart(
        build, every_question_kind, context):
    package = zipfile.ZipFile(io.BytesIO(build("scorm12", every_question_kind, context)))
    page = lxml_html.fromstring(package.read("module-1.html").decode())
    matching = page.get_element_by_id("quiz-1-q5")
    solution = matching.find_class("solution")[0]
    assert solution.get("hidden") is not None
    assert [li.text_content() for li in solution.iter("li")] == [
        "Coordinator → leads", "Editor → writes"]
    multiple = page.get_element_by_id("quiz-1-q3")
    solution = multiple.find_class("solution")[0]
    assert solution.text.startswith("Right answers: Schools, Employers")
    assert [p.text_content() for p in solution.iter("p")] == ["Both are."]
    [note] = multiple.find_class("choice-feedback")
    assert (note.get("data-choice"), note.text_content(), note.get("hidden")) == \
        ("a", "Schools: Yes.", "hidden")
    assert "Right answer" not in "".join(
        p.text_content() for p in page.iter("p") if p.get("hidden") is None)


def test_a_sco_speaks_the_language_of_its_package(build, context):
    package = zipfile.ZipFile(io.BytesIO(build("scorm12", sample_snapshot(language="de"),
                                               context)))
    page = lxml_html.fromstring(package.read("module-1.html").decode())
    assert page.get_element_by_id("check").text_content() == "Meine Antworten prüfen"
    assert page.get_element_by_id("result").get("data-failed").startswith(
        "Noch nicht bestanden: Sie haben {score} % erreicht. Ändern Sie Ihre Antworten")
