"""What Moodle 4.3's Common Cartridge importer reads from a cartridge, written again in Python
from its source so that tests ask our packages the importer's questions without a Moodle.

Each function names the PHP it follows (Moodle 4.3, backup/cc/); docs/packages.md lists the
rules and the tests that hold them. Only what our packages use is followed: choice, true/false,
multiple response and fill-in-the-blank questions, sections, resources and quizzes.
"""
from dataclasses import dataclass

from lxml import etree

CP = {"cp": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"}
Q = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
ROOT_DEEP = 2               # includes/constants.php


class ImportAborted(Exception):
    """The importer stops the whole restore (a coding_exception in PHP)."""


@dataclass
class Answer:
    text: str
    fraction: float
    feedback: str = ""
    ident: str = ""


@dataclass
class Section:
    number: int
    summary: str            # the only text of a section the importer writes
    activities: list        # (title, CC resource type) in order


def _text(nodes):
    return nodes[0].text or "" if nodes else ""


def _empty(value):
    """PHP's empty() for the strings the importer tests."""
    return value in ("", "0", None)


# entity11.quiz.class.php ------------------------------------------------------------------

def profile(item):
    """get_question_type(): the cc_profile metadata field."""
    return _text(item.xpath("q:itemmetadata/q:qtimetadata/q:qtimetadatafield"
                            "[q:fieldlabel='cc_profile']/q:fieldentry", namespaces=Q))


def _feedback_texts(item, conditions):
    texts = []
    for condition in conditions:
        for link in condition.xpath("q:displayfeedback/@linkrefid", namespaces=Q):
            found = item.xpath(f"q:itemfeedback[@ident='{link}']/q:flow_mat/q:material/q:mattext",
                               namespaces=Q)
            if found and found[0].text:
                texts.append(found[0].text + " ")
    return "".join(texts)


def _conditions(item):
    return item.xpath("q:resprocessing/q:respcondition", namespaces=Q)


def _first_equal(condition):
    return _text(condition.xpath("q:conditionvar/q:varequal", namespaces=Q))


def general_feedback(item):
    """get_general_feedback(): every feedback shown by a condition with continue="Yes"."""
    return _feedback_texts(item, [c for c in _conditions(item)
                                  if (c.get("continue") or "").lower() == "yes"])


def _answer_feedback(item, ident):
    """get_feedback(): the feedback of conditions whose first varequal names the answer."""
    return _feedback_texts(item, [c for c in _conditions(item)
                                  if _first_equal(c).lower() == ident.lower()])


def _score(item, ident):
    """get_score(): the setvar of the last condition whose first varequal names the answer;
    empty or zero means wrong (0), anything else right (1)."""
    score = None
    for condition in _conditions(item):
        if _first_equal(condition).lower() == ident.lower():
            score = _text(condition.xpath("q:setvar", namespaces=Q))
    return 0.0 if _empty(score) else 1.0


def choice_answers(item):
    """get_answers() for multiple choice, multiple response and true/false, with the true/false
    check of create_node_..._question_true_false()."""
    kind = profile(item)
    labels = item.xpath("q:presentation/q:response_lid/q:render_choice/q:response_label"
                        " | q:presentation/q:flow/q:response_lid/q:render_choice/q:response_label",
                        namespaces=Q)
    right = {}
    if kind == "cc.multiple_response.v0p1":
        found = item.xpath(".//q:setvar[@varname='SCORE'][.=100]/../q:conditionvar"
                           "//q:varequal[@case='Yes'][not(parent::q:not)]", namespaces=Q)
        right = {node.text: round(1.0 / len(found), 7) for node in found}
    answers = []
    for label in labels:
        ident = label.get("ident", "")
        fraction = right.get(ident, _score(item, ident))
        answers.append(Answer(_text(label.xpath("q:material/q:mattext", namespaces=Q)),
                              fraction, _answer_feedback(item, ident), ident))
    if kind == "cc.true_false.v0p1":
        idents = [a.ident for a in answers]
        if any(ident not in ("true", "false") for ident in idents):
            raise ImportAborted("Unknown answer identifier detected in true/false quiz question")
        if sorted(idents) != ["false", "true"]:
            raise ImportAborted("Unable to correctly identify the true and false answers")
    return answers


def short_answers(item):
    """get_answers_fib(): the right answers are the varequals of the first condition that sets
    100; every other condition with a varequal adds a wrong answer."""
    conditions = _conditions(item)
    scoring = [c for c in conditions
               if c.xpath("q:setvar[text()='100']", namespaces=Q)]
    answers = []
    if scoring:
        answers = [Answer(node.text, 1.0) for node in
                   scoring[0].xpath("q:conditionvar/q:varequal", namespaces=Q) if node.text]
    for condition in conditions:
        if _text(condition.xpath("q:setvar", namespaces=Q)) == "100":
            continue
        value = _first_equal(condition)
        if condition.xpath("q:conditionvar/q:varequal", namespaces=Q) and \
                value not in [a.text for a in answers]:
            answers.append(Answer(value, 0.0))
    return answers


def question_text(item):
    """get_questions(): the first mattext of the presentation."""
    return _text(item.xpath("q:presentation/q:material/q:mattext"
                            " | q:presentation/q:flow/q:material/q:mattext", namespaces=Q))


def questions(assessment):
    """The items of an assessment.xml, as get_questions() finds them."""
    return etree.fromstring(assessment).xpath(
        "/q:questestinterop/q:assessment/q:section/q:item", namespaces=Q)


# cc2moodle.php ------------------------------------------------------------------------------

def sections(manifest):
    """create_instances() and create_node_course_sections_section(): the root item's children
    are the sections, numbered from 0 in order. An item without a resource gives its title to
    the section's summary (the section's name stays empty); one with a resource becomes the
    section's first activity. Below, every item with a resource is an activity of the section,
    and one without becomes a label."""
    tree = etree.fromstring(manifest)
    types = {r.get("identifier"): r.get("type")
             for r in tree.xpath("//cp:resources/cp:resource", namespaces=CP)}
    root = tree.xpath("/cp:manifest/cp:organizations/cp:organization/cp:item", namespaces=CP)[0]

    def title(item):
        return _text(item.xpath("cp:title", namespaces=CP))

    def below(item):
        for child in item.xpath("cp:item", namespaces=CP):
            ref = child.get("identifierref")
            yield title(child), types.get(ref, "") if ref else "label"
            yield from below(child)

    found = []
    for number, topic in enumerate(root.xpath("cp:item", namespaces=CP)):
        ref = topic.get("identifierref")
        activities = list(below(topic))
        if ref:
            activities.insert(0, (title(topic), types.get(ref, "")))
        found.append(Section(number, "" if ref else title(topic), activities))
    return found


# entities.class.php -------------------------------------------------------------------------

def file_path(folder, reference):
    """update_sources() and full_path(): the package file a relative link of a topic or an
    assessment in `folder` names ($IMS-CC-FILEBASE$ dropped, "." and ".." resolved)."""
    parts, up = [], 0
    for part in reversed(f"{folder}/{reference.replace('$IMS-CC-FILEBASE$', '')}".split("/")):
        if part == ".":
            continue
        if part == "..":
            up += 1
        elif up:
            up -= 1
        else:
            parts.append(part)
    return "/".join(reversed(parts))
