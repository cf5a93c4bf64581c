"""The Common Cartridge: a manifest, QTI and topics valid against the IMS CC 1.1 schemas,
the outline mirrored, LOM metadata with the licence, the attribution on every web page."""
import io
import re
import zipfile

import pytest
from lxml import etree

from lms.publishing import Choice, Question
from tests.helpers.oer import sample_snapshot
from tests.helpers import standards
from tests.helpers import moodle_importer as moodle

pytestmark = pytest.mark.database_independent

CP = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
NS = {"cp": CP, "lom": "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest",
      "qti": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2",
      "dt": "http://www.imsglobal.org/xsd/imsccv1p1/imsdt_v1p1"}


@pytest.fixture
def cartridge(build, every_question_kind, context):
    return zipfile.ZipFile(io.BytesIO(build("imscc", every_question_kind, context)))


def schema(name):
    return etree.XMLSchema(etree.parse(str(standards("imscc-1.1") / name)))


def test_every_xml_file_is_valid_against_the_cc_schemas(cartridge):
    manifest = etree.fromstring(cartridge.read("imsmanifest.xml"))
    schema("cc11libxml2validator.xsd").assertValid(manifest)
    # Moodle recognises a CC 1.1 cartridge by this namespace within the first 500 bytes
    assert f'xmlns="{CP}"'.encode() in cartridge.read("imsmanifest.xml")[:500]
    qti = schema("ccv1p1_qtiasiv1p2p1_v1p0.xsd")
    qti.assertValid(etree.fromstring(cartridge.read("quiz-1/assessment.xml")))
    schema("ccv1p1_imsdt_v1p1.xsd").assertValid(
        etree.fromstring(cartridge.read("discussion-1/topic.xml")))
    for resource in manifest.iterfind(".//cp:resource", NS):
        for file in resource.iterfind("cp:file", NS):
            assert file.get("href") in cartridge.namelist()


def test_the_organisation_mirrors_the_outline_in_moodles_sections(cartridge):
    """Moodle makes a section of each item below the root, numbered from 0: the attribution
    fills the general section 0, so module 1 lands in section 1 with its title."""
    general, module = moodle.sections(cartridge.read("imsmanifest.xml"))
    assert (general.number, general.activities) == (0, [("About this resource", "webcontent")])
    assert (module.number, module.summary) == (1, "Module 1")
    assert module.activities == [
        ("Module 1", "webcontent"), ("Lesson 1", "webcontent"), ("Lesson 2", "webcontent"),
        ("Lesson 3", "webcontent"), ("Check your understanding – instructions", "webcontent"),
        ("Check your understanding", "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"),
        ("Discuss: your network", "imsdt_xmlv1p1")]
    manifest = etree.fromstring(cartridge.read("imsmanifest.xml"))
    lesson = manifest.find(".//cp:resource[@identifier='R_lesson-1']", NS)
    media = {d.get("identifierref") for d in lesson.iterfind("cp:dependency", NS)}
    media_files = {manifest.find(f".//cp:resource[@identifier='{ref}']/cp:file", NS).get("href")
                   for ref in media}
    assert {"media/picture.png", "media/interview.mp3"} <= media_files | {"style.css"}


def test_the_manifest_carries_lom_metadata_and_the_licence(cartridge):
    lom = etree.fromstring(cartridge.read("imsmanifest.xml")).find(".//lom:lom", NS)
    assert lom.findtext("lom:general/lom:title/lom:string", namespaces=NS) == \
        "Sample resource 1"
    assert lom.findtext("lom:general/lom:language", namespaces=NS) == "en"
    assert lom.findtext("lom:general/lom:description/lom:string", namespaces=NS).startswith(
        "A sample open educational resource")
    assert [k.text for k in lom.iterfind("lom:general/lom:keyword/lom:string", NS)] == [
        "cooperation", "networks"]
    assert lom.findtext("lom:rights/lom:copyrightAndOtherRestrictions/lom:value",
                        namespaces=NS) == "yes"
    rights = lom.findtext("lom:rights/lom:description/lom:string", namespaces=NS)
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in rights
    assert "Ada Trainer" in rights
    assert "FN:Ada Trainer" in lom.findtext(".//lom:entity", namespaces=NS)


def test_questions_become_cc_items_with_their_right_answers(cartridge):
    quiz = etree.fromstring(cartridge.read("quiz-1/assessment.xml"))
    profiles = [i.findtext(".//qti:qtimetadatafield[qti:fieldlabel='cc_profile']/qti:fieldentry",
                           namespaces=NS) for i in quiz.iterfind(".//qti:item", NS)]
    assert profiles == ["cc.multiple_choice.v0p1", "cc.true_false.v0p1",
                        "cc.multiple_response.v0p1", "cc.fib.v0p1",
                        "cc.multiple_choice.v0p1", "cc.multiple_choice.v0p1"]
    items = quiz.findall(".//qti:item", NS)
    fib = items[3]
    assert [v.text for v in fib.iterfind(".//qti:varequal", NS)] == ["the network", "network"]
    pair = items[5]
    assert "Match the roles: Editor" in pair.findtext(".//qti:presentation//qti:mattext",
                                                      namespaces=NS)
    labels = {lab.get("ident"): lab.findtext(".//qti:mattext", namespaces=NS)
              for lab in pair.iterfind(".//qti:response_label", NS)}
    scored = pair.find(".//qti:respcondition[qti:setvar]//qti:varequal", NS).text
    assert labels[scored] == "writes"
    assert "CC BY-SA 4.0" in quiz.findtext(".//qti:presentation_material//qti:mattext",
                                           namespaces=NS)


def test_web_pages_and_topics_end_with_the_attribution(cartridge):
    for name in ("lesson-1.html", "lesson-3.html", "module-1.html", "about.html"):
        page = cartridge.read(name).decode()
        assert "CC BY-SA 4.0" in page and "http://localhost/courses/sample-1/" in page, name
    topic = etree.fromstring(cartridge.read("discussion-1/topic.xml"))
    assert "Which partner is missing" in topic.findtext("dt:text", namespaces=NS)
    assert "licensed under CC BY-SA 4.0" in topic.findtext("dt:text", namespaces=NS)


def test_questions_without_a_right_answer_keep_the_quiz_valid(build, context):
    snapshot = sample_snapshot()
    snapshot.parts[0].parts[3].questions += [
        Question(id="e1", kind="short", prompt="No accepted answer"),
        Question(id="e2", kind="single", prompt="None right", choices=[Choice(id="a", text="A")]),
        Question(id="e3", kind="multiple", prompt="None right either",
                 choices=[Choice(id="a", text="A")])]
    cartridge = zipfile.ZipFile(io.BytesIO(build("imscc", snapshot, context)))
    quiz = etree.fromstring(cartridge.read("quiz-1/assessment.xml"))
    schema("ccv1p1_qtiasiv1p2p1_v1p0.xsd").assertValid(quiz)
    assert len(quiz.findall(".//qti:item", NS)) == 5


def test_moodle_reads_every_right_answer_and_its_feedback(cartridge):
    """The answers and grades Moodle's importer takes from each item (moodle_importer.py
    follows its source; docs/packages.md names the rules)."""
    single, true_false, multiple, short, *pairs = moodle.questions(
        cartridge.read("quiz-1/assessment.xml"))
    assert [(a.text, a.fraction) for a in moodle.choice_answers(single)] == [
        ("A coordinator", 1.0), ("Nobody", 0.0)]
    assert [(a.ident, a.text, a.fraction) for a in moodle.choice_answers(true_false)] == [
        ("true", "True", 1.0), ("false", "False", 0.0)]
    assert [(a.text, a.fraction, a.feedback.strip()) for a in moodle.choice_answers(multiple)] \
        == [("Schools", 0.5, "Yes."), ("Employers", 0.5, ""), ("Nobody", 0.0, "")]
    assert moodle.general_feedback(multiple).strip() == "Both are."
    assert [(a.text, a.fraction) for a in moodle.short_answers(short)] == [
        ("the network", 1.0), ("network", 1.0)]
    assert moodle.question_text(short) == "Name the plan's owner."
    assert [[a.text for a in moodle.choice_answers(pair) if a.fraction] for pair in pairs] == \
        [["leads"], ["writes"]]


def test_a_true_false_question_whose_choices_are_not_true_and_false_is_refused_by_moodle():
    """The guard itself: the importer's check that stopped the demo's restore."""
    item = etree.fromstring(
        f'<item xmlns="{NS["qti"]}" ident="x"><itemmetadata><qtimetadata><qtimetadatafield>'
        '<fieldlabel>cc_profile</fieldlabel><fieldentry>cc.true_false.v0p1</fieldentry>'
        '</qtimetadatafield></qtimetadata></itemmetadata><presentation><response_lid '
        'ident="response1"><render_choice><response_label ident="c1"/><response_label '
        'ident="c2"/></render_choice></response_lid></presentation></item>')
    with pytest.raises(moodle.ImportAborted, match="Unknown answer identifier"):
        moodle.choice_answers(item)


def test_a_quiz_introduction_is_also_a_page_just_before_the_quiz(cartridge):
    """Moodle gives an imported quiz its title as introduction: the quiz's own introduction
    reaches the course as the page before it (and stays in the assessment for others)."""
    page = cartridge.read("quiz-1.html").decode()
    assert "<h1>Check your understanding – instructions</h1>" in page
    assert "<p>Two questions.</p>" in page and "Pass mark: 50 %" in page
    quiz = etree.fromstring(cartridge.read("quiz-1/assessment.xml"))
    assert "Two questions." in quiz.findtext(".//qti:presentation_material//qti:mattext",
                                             namespaces=NS)


def test_links_between_parts_and_to_media_stay_inside_the_package(build, media_snapshot,
                                                                  context):
    lesson, second, _third, quiz, discussion = media_snapshot.parts[0].parts
    second.html = '<h2 id="who-decides">Who decides</h2>' + second.html
    lesson.html += ('<p>Read <a href="lesson-2.html#who-decides">who decides</a>, try '
                    '<a href="quiz-1.html">the quiz</a>, then join '
                    '<a href="discussion-1.html">the discussion</a>.</p>')
    quiz.html += '<p><img src="media/picture.png" alt="A map"> <a href="lesson-1.html">Back</a></p>'
    discussion.html += '<p><a href="media/interview.mp3">Listen</a> first.</p>'
    cartridge = zipfile.ZipFile(io.BytesIO(build("imscc", media_snapshot, context)))
    names = cartridge.namelist()
    page = cartridge.read("lesson-1.html").decode()
    assert 'href="lesson-2.html#who-decides"' in page
    assert 'id="who-decides"' in cartridge.read("lesson-2.html").decode()
    assert 'href="quiz-1.html"' in page and "quiz-1.html" in names
    assert "<a>the discussion</a>" in page     # a topic has no page to link to
    assert 'src="media/picture.png"' in page and "media/picture.png" in names
    # topics and assessments sit in folders: Moodle resolves their links from there
    intro = etree.fromstring(cartridge.read("quiz-1/assessment.xml")).findtext(
        ".//qti:presentation_material//qti:mattext", namespaces=NS)
    topic = etree.fromstring(cartridge.read("discussion-1/topic.xml")).findtext(
        "dt:text", namespaces=NS)
    for folder, html, expected in (("quiz-1", intro, {"media/picture.png", "lesson-1.html"}),
                                   ("discussion-1", topic, {"media/interview.mp3"})):
        found = {moodle.file_path(folder, ref)
                 for ref in re.findall(r'(?:src|href)="(\$IMS-CC-FILEBASE\$[^"]+)"', html)}
        assert found == expected and found <= set(names)
