"""The demo course's cartridge as Moodle 4.3's importer reads it: every question with its right
answers, one section per module, quiz instructions, heading anchors, links inside the package,
LOM metadata; and the demo's SCORM package links its lessons inside itself too.

The demo is seeded and published once for the module, by its trainer, on a host that is not the
site's public address. docs/packages.md names the importer rule behind each test."""
import io
import posixpath
import re
import zipfile
from types import SimpleNamespace

import pytest
from lxml import etree
from sqlalchemy import select

from courses.demo import DEMO_SLUG, course_outline
from courses.models import Course
from courses.toolkit.demo.quizzes import QUIZZES
from lms import create_app
from lms.extensions import db
from lms.models import User
from lms.plugins import tables_for
from tests.helpers import base_config, empty_all_tables, standards
from tests.helpers import moodle_importer as moodle

pytestmark = pytest.mark.database_independent

SITE = "https://lms.example.org"
REQUEST_HOST = "http://127.0.0.1:5055"
CP = {"cp": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1",
      "lom": "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"}
QTI_TYPE = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"


@pytest.fixture(scope="module")
def demo(tmp_path_factory, shared_postgres_url):
    """The English and German demo courses published as OER by the demo trainer, signed in
    on REQUEST_HOST while the site's address is SITE: their packages' bytes."""
    from oer.services import publishing
    from oer.services.storage import path_for
    folder = tmp_path_factory.mktemp("demo")
    app = create_app(base_config(folder, shared_postgres_url or
                                 f"sqlite:///{folder}/demo.sqlite3", SITE_URL=SITE))
    with app.app_context():
        if shared_postgres_url:
            empty_all_tables(app)
        else:
            db.metadata.create_all(db.engine, tables=tables_for(app, db.metadata))
    assert app.test_cli_runner().invoke(args=["seed-demo"]).exit_code == 0
    built = {}
    with app.test_request_context("/", base_url=REQUEST_HOST):
        trainer = db.session.scalar(select(User).where(User.email == "trainer@demo.example.org"))
        for language, slug in (("en", DEMO_SLUG), ("de", DEMO_SLUG + "-de")):
            course = db.session.scalar(select(Course).where(Course.slug == slug))
            release = publishing.publish(*publishing.load("courses.course", course.id), trainer)
            built[language] = {package.format: path_for(package.sha256).read_bytes()
                               for package in release.packages}
        db.session.commit()
        author = trainer.display_name
    with app.app_context():
        db.engine.dispose()
    return SimpleNamespace(author=author, **{
        language: SimpleNamespace(cartridge=zipfile.ZipFile(io.BytesIO(files["imscc"])),
                                  scorm=zipfile.ZipFile(io.BytesIO(files["scorm12"])))
        for language, files in built.items()})


@pytest.fixture
def cartridge(demo):
    return demo.en.cartridge


def manifest_of(cartridge):
    return etree.fromstring(cartridge.read("imsmanifest.xml"))


def quiz_files(cartridge):
    """The assessment.xml of every quiz, in the outline's order."""
    manifest = manifest_of(cartridge)
    return [resource.find("cp:file", CP).get("href") for resource in manifest.xpath(
        "//cp:resource[@type=$type]", type=QTI_TYPE, namespaces=CP)]


def test_the_demo_cartridge_is_valid_against_the_cc_11_schemas(cartridge):
    folder = standards("imscc-1.1")
    manifest = etree.XMLSchema(etree.parse(str(folder / "cc11libxml2validator.xsd")))
    qti = etree.XMLSchema(etree.parse(str(folder / "ccv1p1_qtiasiv1p2p1_v1p0.xsd")))
    topic = etree.XMLSchema(etree.parse(str(folder / "ccv1p1_imsdt_v1p1.xsd")))
    manifest.assertValid(manifest_of(cartridge))
    names = cartridge.namelist()
    assert len(quiz_files(cartridge)) == len(QUIZZES)
    for name in names:
        if name.endswith("/assessment.xml"):
            qti.assertValid(etree.fromstring(cartridge.read(name)))
        elif name.endswith("/topic.xml"):
            topic.assertValid(etree.fromstring(cartridge.read(name)))
    for href in manifest_of(cartridge).xpath("//cp:resource/cp:file/@href", namespaces=CP):
        assert href in names


def test_moodle_imports_every_question_of_the_demo_with_its_right_answers(cartridge):
    for path, (_title, _intro, questions) in zip(quiz_files(cartridge), QUIZZES):
        items = iter(moodle.questions(cartridge.read(path)))
        for kind, prompt, options, accepted, feedback in questions:
            if kind == "matching":
                for pair in options:
                    item = next(items)
                    right = [a.text for a in moodle.choice_answers(item) if a.fraction == 1]
                    assert right == [pair["match"]], prompt
                continue
            item = next(items)
            assert moodle.question_text(item) == prompt
            assert moodle.general_feedback(item).strip() == feedback
            if kind == "short":
                assert [(a.text, a.fraction) for a in moodle.short_answers(item)] == \
                    [(answer, 1.0) for answer in accepted.splitlines()]
                continue
            answers = moodle.choice_answers(item)
            if kind == "true_false":
                assert [a.ident for a in answers] == ["true", "false"]
            right = [option["correct"] for option in options]
            assert [a.fraction > 0 for a in answers] == right, prompt
            if kind == "multiple":
                assert {a.fraction for a in answers if a.fraction} == {
                    round(1 / sum(right), 7)}
            assert [a.feedback.strip() for a in answers] == [o["feedback"] for o in options]
        assert next(items, None) is None


def test_each_module_is_a_moodle_section_with_its_title_and_module_1_is_section_1(cartridge):
    general, *modules = moodle.sections(cartridge.read("imsmanifest.xml"))
    assert (general.number, general.activities) == (0, [("About this resource", "webcontent")])
    outline = course_outline("en")
    assert [(s.number, s.summary) for s in modules] == [
        (number, title) for number, (title, _prompt, _lessons) in enumerate(outline, 1)]
    for section, (title, _prompt, lessons), quiz in zip(modules, outline, QUIZZES + [None]):
        expected = [(lesson, "webcontent") for lesson, _body in lessons]
        if quiz:
            expected += [(f"{quiz[0]} – instructions", "webcontent"), (quiz[0], QTI_TYPE)]
        expected.append((f"Discussion: {title}", "imsdt_xmlv1p1"))
        assert section.activities == expected


def test_each_quiz_is_introduced_by_its_instructions(cartridge):
    manifest = manifest_of(cartridge)
    for path, (title, intro, _questions) in zip(quiz_files(cartridge), QUIZZES):
        name = path.split("/")[0]
        page = cartridge.read(f"{name}.html").decode()
        assert f"<h1>{title} – instructions</h1>" in page
        assert f"<p>{intro}</p>" in page and "Pass mark: 70 %" in page
        quiz = manifest.xpath("//cp:item[@identifierref=$ref]", ref=f"R_{name}", namespaces=CP)[0]
        before = quiz.getprevious()
        assert before.get("identifierref") == f"R_{name}_intro"


def test_lessons_keep_their_heading_anchors_and_links_to_them(cartridge):
    first, second = (cartridge.read(f"lesson-{n}.html").decode() for n in (1, 2))
    assert '<h2 id="draw-an-actor-map-in-one-hour">' in first
    assert '<h2 id="what-to-look-for">' in first
    assert 'href="lesson-1.html#draw-an-actor-map-in-one-hour"' in second


def page_of(cartridge, title):
    """The file of the web page an item of the organisation shows."""
    manifest = manifest_of(cartridge)
    ref = manifest.xpath("//cp:item[cp:title=$title]/@identifierref", title=title,
                         namespaces=CP)[0]
    return manifest.xpath("//cp:resource[@identifier=$ref]/@href", ref=ref, namespaces=CP)[0]


def links_in(cartridge, name):
    """Every href and src of a file; in topics and assessments, those of the HTML they carry."""
    text = cartridge.read(name).decode()
    if name.endswith(".xml") and name != "imsmanifest.xml":
        text = "".join(etree.fromstring(text.encode()).itertext())
    return text, re.findall(r'(?:href|src)="([^"#]+)(?:#[^"]*)?"', text)


def test_links_between_lessons_and_to_media_are_relative_inside_the_package(cartridge):
    names = set(cartridge.namelist())
    (_module, _prompt, first_module), (_title, _prompt2, second_module), *_rest = \
        course_outline("en")
    first = cartridge.read(page_of(cartridge, first_module[0][0])).decode()
    assert re.findall(r'<a href="([^"]+)">(?:next lesson|module 2)</a>', first) == [
        page_of(cartridge, first_module[1][0]), page_of(cartridge, second_module[0][0])]
    picture = re.search(r'<img alt="An empty actor map[^"]*" src="(media/[0-9a-f]{64}\.png)"',
                        first)
    assert picture and picture.group(1) in names
    assert f'<a href="{picture.group(1)}">the picture</a>' in first
    for name in names:
        if not name.endswith((".html", ".xml")):
            continue
        text, links = links_in(cartridge, name)
        assert "127.0.0.1" not in text, name      # the host the trainer happened to use
        for link in links:
            if link.startswith("$IMS-CC-FILEBASE$"):
                assert moodle.file_path(posixpath.dirname(name), link) in names, (name, link)
            elif not link.startswith(("https://", "http://", "mailto:")):
                assert posixpath.normpath(posixpath.join(posixpath.dirname(name), link)) \
                    in names, (name, link)
            else:
                assert link.startswith((SITE + "/", "https://creativecommons.org/")), link


@pytest.mark.parametrize("language, title", (
    ("en", "Working together for regional inclusion"),
    ("de", "Gemeinsam für regionale Integration")))
def test_the_lom_carries_title_language_authors_and_licence(demo, language, title):
    lom = manifest_of(getattr(demo, language).cartridge).find(".//lom:lom", CP)
    # what Moodle's importer reads: the course's full name and summary
    assert lom.findtext("lom:general/lom:title/lom:string", namespaces=CP) == title
    assert lom.findtext("lom:general/lom:description/lom:string", namespaces=CP)
    assert lom.findtext("lom:general/lom:language", namespaces=CP) == language
    assert {s.get("language") for s in lom.iterfind(".//lom:string", CP)} == {language}
    entry = lom.findtext("lom:general/lom:identifier/lom:entry", namespaces=CP)
    assert entry.startswith(f"{SITE}/oer/")
    authors = [c.findtext("lom:entity", namespaces=CP) for c in lom.iterfind(
        "lom:lifeCycle/lom:contribute", CP) if c.findtext("lom:role/lom:value",
                                                         namespaces=CP) == "author"]
    assert [re.search(r"^FN:(.*)$", card, re.M).group(1) for card in authors] == [demo.author]
    assert lom.findtext("lom:rights/lom:copyrightAndOtherRestrictions/lom:value",
                        namespaces=CP) == "yes"
    rights = lom.findtext("lom:rights/lom:description/lom:string", namespaces=CP)
    assert rights.startswith("CC BY-SA 4.0 https://creativecommons.org/licenses/by-sa/4.0/")


def test_the_demo_scorm_package_links_its_lessons_and_media_inside_itself(demo):
    scorm = demo.en.scorm
    names = set(scorm.namelist())
    pages = {name: scorm.read(name).decode() for name in names if name.endswith(".html")}
    assert not any("127.0.0.1" in text for text in pages.values())
    first_module = next(text for text in pages.values() if 'id="lesson-1"' in text)
    found = re.findall(r'<a href="([^"]+)"([^>]*)>(?:next lesson|module 2|actor map)</a>',
                       first_module)
    links = [href for href, _attributes in found]
    assert links[0] == "#lesson-2" and found[0][1] == ""
    # another module is another SCO: the player launches it, so the link opens a new window
    assert 'target="_blank"' in found[1][1] and 'rel="noopener"' in found[1][1]
    assert re.fullmatch(r"[\w-]+\.html#lesson-4", links[1]) and \
        links[1].split("#")[0] in names and 'id="lesson-4"' in pages[links[1].split("#")[0]]
    assert links[2] == "#draw-an-actor-map-in-one-hour"
    assert 'id="draw-an-actor-map-in-one-hour"' in first_module
    media = re.findall(r'src="(media/[^"]+)"', first_module)
    assert media and set(media) <= names
