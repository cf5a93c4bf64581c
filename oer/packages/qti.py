"""QTI 1.2 assessments in the Common Cartridge 1.1 profile: single choice, multiple response,
true/false, fill-in-the-blank (short answers) and matching as one multiple choice per pair.

Response processing has the shape Moodle's Common Cartridge importer reads (and Moodle's own
export writes; docs/packages.md names each rule and its source): general feedback in a first
condition that continues; true/false choices identified as `true` and `false`; the right
choices of a multiple response as `<varequal case="Yes">` inside one `<and>`; every accepted
short answer in the one condition that sets the score to 100.
"""
from markupsafe import Markup

from oer.packages import content

NS = ('xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2" '
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
      'xsi:schemaLocation="http://www.imsglobal.org/xsd/ims_qtiasiv1p2 '
      'http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_qtiasiv1p2p1_v1p0.xsd"')
PROFILES = {"single": "cc.multiple_choice.v0p1", "multiple": "cc.multiple_response.v0p1",
            "true_false": "cc.true_false.v0p1", "short": "cc.fib.v0p1",
            "matching": "cc.multiple_choice.v0p1"}
RIGHT, WRONG = 100, 0


def field(label, entry):
    return Markup("<qtimetadatafield><fieldlabel>{0}</fieldlabel><fieldentry>{1}</fieldentry>"
                  "</qtimetadatafield>").format(label, entry)


def material(text, texttype="text/plain"):
    return Markup('<material><mattext texttype="{0}">{1}</mattext></material>').format(
        texttype, text)


def feedback(ident, text):
    return Markup('<itemfeedback ident="{0}"><flow_mat>{1}</flow_mat></itemfeedback>').format(
        ident, material(text))


def equal(value, case=None):
    """A test of the response: `case` "Yes" or "No" when it is written out."""
    return Markup('<varequal respident="response1"{1}>{0}</varequal>').format(
        value, Markup(' case="{0}"').format(case) if case else "")


def condition(test, score=None, feedback_ids=(), more=False):
    """A respcondition; `more` lets processing continue after it (only the general feedback
    does: Moodle takes every feedback of a continuing condition as the general feedback)."""
    return Markup('<respcondition continue="{0}"><conditionvar>{1}</conditionvar>{2}{3}'
                  '</respcondition>').format(
        "Yes" if more else "No", test,
        Markup('<setvar varname="SCORE" action="Set">{0}</setvar>').format(score)
        if score is not None else "",
        Markup("").join(Markup('<displayfeedback feedbacktype="Response" linkrefid="{0}"/>'
                               ).format(ident) for ident in feedback_ids))


def general(text):
    """The question's feedback, shown whatever the answer."""
    return [condition(Markup("<other/>"), feedback_ids=["general_fb"], more=True)] \
        if text else []


class Choices:
    """One item of choices: (ident, label, correct, feedback)."""

    def __init__(self, ident, title, prompt, profile, choices, general_feedback,
                 multiple=False):
        self.ident, self.title, self.prompt, self.profile = ident, title, prompt, profile
        self.choices, self.general_feedback, self.multiple = choices, general_feedback, multiple

    def conditions(self):
        def own(choice):
            return [f"{choice[0]}_fb"] if choice[3] else []
        right = [c for c in self.choices if c[2]]
        if self.multiple:
            scored = [condition(Markup("<and>{0}</and>").format(Markup("").join(
                equal(c[0], "Yes") if c[2] else Markup("<not>{0}</not>").format(equal(c[0], "Yes"))
                for c in self.choices)), RIGHT)] if right else []
            return scored + [condition(equal(c[0], "Yes"), feedback_ids=own(c))
                             for c in self.choices if c[3]]
        # one condition per choice, the right one first, each with the score it gives
        ordered = right[:1] + [c for c in self.choices if c not in right[:1]]
        return [condition(equal(c[0]), RIGHT if c in right[:1] else WRONG, own(c))
                for c in ordered]

    def render(self):
        labels = Markup("").join(Markup('<response_label ident="{0}">{1}</response_label>'
                                        ).format(c[0], material(c[1])) for c in self.choices)
        presentation = Markup(
            '<presentation>{0}<response_lid ident="response1" rcardinality="{1}">'
            '<render_choice>{2}</render_choice></response_lid></presentation>').format(
            material(self.prompt), "Multiple" if self.multiple else "Single", labels)
        feedbacks = [feedback(f"{c[0]}_fb", c[3]) for c in self.choices if c[3]]
        if self.general_feedback:
            feedbacks.append(feedback("general_fb", self.general_feedback))
        return item(self.ident, self.title, self.profile, presentation,
                    general(self.general_feedback) + self.conditions(), feedbacks)


def item(ident, title, profile, presentation, conditions, feedbacks):
    # a question without a right answer still needs one condition: it scores nothing
    conditions = conditions or [condition(Markup("<other/>"))]
    return Markup(
        '<item ident="{0}" title="{1}"><itemmetadata><qtimetadata>{2}{3}</qtimetadata>'
        '</itemmetadata>{4}<resprocessing><outcomes><decvar varname="SCORE" vartype="Decimal" '
        'minvalue="0" maxvalue="100"/></outcomes>{5}</resprocessing>{6}</item>').format(
        ident, title, field("cc_profile", profile), field("cc_weighting", 1), presentation,
        Markup("").join(conditions), Markup("").join(feedbacks))


def fill_in(ident, title, question):
    presentation = Markup(
        '<presentation>{0}<response_str ident="response1" rcardinality="Single"><render_fib>'
        '<response_label ident="answer1"/></render_fib></response_str></presentation>').format(
        material(question.prompt))
    # every accepted answer in the one scoring condition: the CC profile has no <or>, and
    # Moodle takes the right answers from the first condition that sets 100
    scored = [condition(Markup("").join(equal(answer, "No") for answer in question.accepted),
                        RIGHT)] if question.accepted else []
    feedbacks = [feedback("general_fb", question.feedback)] if question.feedback else []
    return item(ident, title, PROFILES["short"], presentation,
                general(question.feedback) + scored, feedbacks)


def choice_ident(question, number, choice):
    """True/false choices are identified as `true` and `false` (Moodle refuses others)."""
    if question.kind == "true_false" and choice.text.strip().lower() in ("true", "false"):
        return choice.text.strip().lower()
    return f"c{number}"


def items(part, name):
    result = []
    for n, question in enumerate(part.questions, 1):
        ident = f"{name}_q{n}"
        title = f"{part.title} ({n})"
        if question.kind == "short":
            result.append(fill_in(ident, title, question))
        elif question.kind == "matching":
            sides = content.matches(question)
            for m, pair in enumerate(question.choices, 1):
                result.append(Choices(
                    f"{ident}_{m}", f"{title} {m}", f"{question.prompt}: {pair.text}",
                    PROFILES["matching"],
                    [(f"c{k}", side, side == pair.match, "") for k, side in enumerate(sides, 1)],
                    question.feedback).render())
        else:
            result.append(Choices(
                ident, title, question.prompt, PROFILES.get(question.kind, PROFILES["single"]),
                [(choice_ident(question, k, c), content.choice_label(question, c), c.correct,
                  c.feedback) for k, c in enumerate(question.choices, 1)],
                question.feedback, multiple=question.kind == "multiple").render())
    return result


def assessment(part, name, intro_html):
    """The assessment.xml of a quiz part; `intro_html` introduces it (with the attribution)."""
    metadata = Markup("<qtimetadata>{0}{1}{2}</qtimetadata>").format(
        field("cc_profile", "cc.exam.v0p1"), field("qmd_assessmenttype", "Examination"),
        field("cc_maxattempts", "unlimited"))
    return str(Markup(
        '<?xml version="1.0" encoding="UTF-8"?>\n<questestinterop {0}><assessment ident="A_{1}" '
        'title="{2}">{3}<presentation_material><flow_mat>{4}</flow_mat></presentation_material>'
        '<section ident="S_{1}">{5}</section></assessment></questestinterop>\n').format(
        Markup(NS), name, part.title, metadata, material(intro_html, "text/html"),
        Markup("").join(items(part, name))))
