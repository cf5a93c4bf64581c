"""The SCORM 1.2 package: a valid manifest, one SCO per module, and a runtime that reports the
quiz's score and status to the LMS's API, played in Chromium."""
import functools
import io
import json
import threading
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from lxml import etree
from lxml import html as lxml_html

from lms.publishing import Part
from tests.browser.conftest import check_axe
from tests.oer.packages.conftest import standards

CP = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
      "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
# An LMS stand-in: a recording SCORM 1.2 API on the page that frames the SCO.
PLAYER = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Player</title>
<script>
window.calls = []; window.data = {"cmi.core.lesson_status": "not attempted"};
window.API = {
  LMSInitialize: function () { calls.push(["LMSInitialize"]); return "true"; },
  LMSGetValue: function (k) { return data[k] || ""; },
  LMSSetValue: function (k, v) { calls.push(["LMSSetValue", k, v]); data[k] = v; return "true"; },
  LMSCommit: function () { calls.push(["LMSCommit"]); return "true"; },
  LMSFinish: function () { calls.push(["LMSFinish"]); return "true"; },
  LMSGetLastError: function () { return "0"; }, LMSGetErrorString: function () { return ""; },
  LMSGetDiagnostic: function () { return ""; }
};
</script></head><body><main><h1>Player</h1>
<iframe title="Module" src="SCO" width="900" height="600"></iframe></main></body></html>"""


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


@pytest.fixture
def serve(tmp_path):
    """serve(package) -> base URL of the extracted package, with a player page per SCO."""
    servers = []

    def start(package):
        folder = tmp_path / f"scorm-{len(servers)}"
        package.extractall(folder)
        for sco in folder.glob("module-*.html"):
            (folder / f"play-{sco.name}").write_text(PLAYER.replace("SCO", sco.name))
        server = ThreadingHTTPServer(("127.0.0.1", 0),
                                     functools.partial(Quiet, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def served(serve, package):
    return serve(package)


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def play(new_page, url, answers):
    """Open the SCO in the player, choose `answers` by label, finish; the API's record."""
    page = new_page()
    page.goto(url)
    sco = page.frame_locator("iframe")
    sco.get_by_role("heading", level=1).wait_for()
    for label in answers:
        sco.get_by_label(label, exact=True).check()
    finish = sco.get_by_role("button", name="Check my answers and finish")
    finish.focus()
    finish.press("Enter")
    sco.get_by_role("status").wait_for()
    return page, sco, page.evaluate("JSON.stringify([window.data, window.calls])")


@pytest.mark.browser
def test_a_learner_who_answers_rightly_passes_with_the_full_score(served, new_page):
    page, sco, record = play(new_page, served + "/play-module-1.html", ["A coordinator", "True"])
    data, calls = json.loads(record)
    assert data["cmi.core.lesson_status"] == "passed"
    assert data["cmi.core.score.raw"] == "100"
    assert (data["cmi.core.score.min"], data["cmi.core.score.max"]) == ("0", "100")
    names = [call[0] for call in calls]
    assert names[0] == "LMSInitialize" and names[-1] == "LMSFinish"
    assert names[-2] == "LMSCommit"
    assert "Passed: you scored 100 %." in sco.get_by_role("status").inner_text()
    sco_page = next(f for f in page.frames if f.url.endswith("module-1.html"))
    assert not sco_page.locator("#no-api").is_visible()


@pytest.mark.browser
def test_a_learner_below_the_pass_mark_fails(served, new_page):
    _page, sco, record = play(new_page, served + "/play-module-1.html", ["Nobody"])
    data, _calls = json.loads(record)
    assert data["cmi.core.lesson_status"] == "failed"
    assert data["cmi.core.score.raw"] == "0"
    assert "Not right. Right answer: A coordinator" in sco.locator("fieldset").first.inner_text()


@pytest.mark.browser
def test_a_module_without_a_quiz_is_completed_at_its_end(served, new_page):
    page = new_page()
    page.goto(served + "/play-module-2.html")
    sco = page.frame_locator("iframe")
    sco.locator("#end").scroll_into_view_if_needed()
    page.wait_for_function("window.data['cmi.core.lesson_status'] === 'completed'")
    sco.get_by_role("button", name="Finish this module").click()
    page.wait_for_function("window.calls.some(c => c[0] === 'LMSFinish')")
    assert "cmi.core.score.raw" not in page.evaluate("window.data")


@pytest.mark.browser
def test_without_an_lms_the_page_says_nothing_is_recorded(served, new_page):
    page = new_page()
    page.goto(served + "/module-1.html")
    note = page.get_by_text("This page is not connected to a learning platform")
    note.wait_for()
    check_axe(page)
    page.get_by_label("A coordinator").check()
    page.get_by_label("False").check()
    page.get_by_role("button", name="Check my answers and finish").click()
    assert "you scored 50 %" in page.get_by_role("status").inner_text()


@pytest.mark.browser
def test_every_kind_of_question_is_scored_in_the_browser(serve, build, every_question_kind,
                                                         context, new_page):
    package = zipfile.ZipFile(io.BytesIO(build("scorm12", every_question_kind, context)))
    base = serve(package)
    page = new_page()
    page.goto(base + "/play-module-1.html")
    sco = page.frame_locator("iframe")
    for label in ("A coordinator", "True", "Schools", "Employers"):
        sco.get_by_label(label, exact=True).check()
    sco.get_by_label("Your answer").fill("  The Network. ")
    sco.get_by_label("Coordinator", exact=True).select_option("leads")
    sco.get_by_label("Editor", exact=True).select_option("leads")     # one pair of two: half a point
    sco.get_by_role("button", name="Check my answers and finish").click()
    sco.get_by_role("status").wait_for()
    data = page.evaluate("window.data")
    assert data["cmi.core.score.raw"] == "90"                # 4.5 of 5 questions
    assert data["cmi.core.lesson_status"] == "passed"
