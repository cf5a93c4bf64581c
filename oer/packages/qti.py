"""QTI 1.2 assessments in the Common Cartridge 1.1 profile: single choice, multiple response,
true/false, fill-in-the-blank (short answers) and matching as one multiple choice per pair."""
from markupsafe import Markup

from oer.packages import content

NS = ('xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2" '
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
      'xsi:schemaLocation="http://www.imsglobal.org/xsd/ims_qtiasiv1p2 '
      'http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_qtiasiv1p2p1_v1p0.xsd"')
PROFILES = {"single": "cc.multiple_choice.v0p1", "multiple": "cc.multiple_response.v0p1",
            "true_false": "cc.true_false.v0p1", "short": "cc.fib.v0p1",
            "matching": "cc.multiple_choice.v0p1"}


def field(label, entry):
    return Markup("<qtimetadatafield><fieldlabel>{0}</fieldlabel><fieldentry>{1}</fieldentry>"
                  "</qtimetadatafield>").format(label, entry)


def material(text, texttype="text/plain"):
    return Markup('<material><mattext texttype="{0}">{1}</mattext></material>').format(
        texttype, text)


def feedback(ident, text):
    return Markup('<itemfeedback ident="{0}"><flow_mat>{1}</flow_mat></itemfeedback>').format(
        ident, material(text))


class Choices:
    """One item of choices: (ident, label, correct, feedback)."""

    def __init__(self, ident, title, prompt, profile, choices, general_feedback,
                 multiple=False):
        self.ident, self.title, self.prompt, self.profile = ident, title, prompt, profile
        self.choices, self.general_feedback, self.multiple = choices, general_feedback, multiple

    def render(self):
        labels = Markup("").join(Markup('<response_label ident="{0}">{1}</response_label>'
                                        ).format(c[0], material(c[1])) for c in self.choices)
        presentation = Markup(
            '<presentation>{0}<response_lid ident="response1" rcardinality="{1}">'
            '<render_choice>{2}</render_choice></response_lid></presentation>').format(
            material(self.prompt), "Multiple" if self.multiple else "Single", labels)
        conditions = [Markup(
            '<respcondition continue="Yes"><conditionvar><varequal respident="response1">{0}'
            '</varequal></conditionvar><displayfeedback feedbacktype="Response" '
            'linkrefid="{0}_fb"/></respcondition>').format(c[0]) for c in self.choices if c[3]]
        right = [c[0] for c in self.choices if c[2]]
        if not right:
            test = Markup("")
        elif self.multiple:
            test = Markup("<and>{0}</and>").format(Markup("").join(
                Markup('<varequal respident="response1">{0}</varequal>').format(c[0])
                if c[2] else
                Markup('<not><varequal respident="response1">{0}</varequal></not>').format(c[0])
                for c in self.choices))
        else:
            test = Markup("").join(Markup('<varequal respident="response1">{0}</varequal>'
                                          ).format(ident) for ident in right[:1])
        if test:
            conditions.append(Markup(
                '<respcondition continue="No"><conditionvar>{0}</conditionvar>'
                '<setvar varname="SCORE" action="Set">100</setvar>{1}</respcondition>').format(
                test, general_link(self.general_feedback)))
        feedbacks = [feedback(f"{c[0]}_fb", c[3]) for c in self.choices if c[3]]
        if self.general_feedback:
            feedbacks.append(feedback("general_fb", self.general_feedback))
        return item(self.ident, self.title, self.profile, presentation, conditions, feedbacks)


def general_link(text):
    return Markup('<displayfeedback feedbacktype="Response" linkrefid="general_fb"/>') \
        if text else Markup("")


def item(ident, title, profile, presentation, conditions, feedbacks):
    # a question without a right answer still needs one condition: it scores nothing
    conditions = conditions or [Markup(
        '<respcondition continue="No"><conditionvar><other/></conditionvar></respcondition>')]
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
    # one condition per accepted answer: the CC profile allows no <or> here
    conditions = [Markup(
        '<respcondition continue="No"><conditionvar><varequal respident="response1" case="No">'
        '{0}</varequal></conditionvar><setvar varname="SCORE" action="Set">100</setvar>{1}'
        '</respcondition>').format(answer, general_link(question.feedback))
        for answer in question.accepted]
    feedbacks = [feedback("general_fb", question.feedback)] if question.feedback else []
    return item(ident, title, PROFILES["short"], presentation, conditions, feedbacks)


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
                [(f"c{k}", content.choice_label(question, c), c.correct, c.feedback)
                 for k, c in enumerate(question.choices, 1)],
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
