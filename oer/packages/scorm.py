"""The SCORM 1.2 package (`-scorm12.zip`): imsmanifest.xml, metadata.xml (IMS LOM with the
attribution), one SCO per top-level section (`<name>.html`: its lessons, quizzes with the
answers needed to score them in the browser, and discussions), scorm.js (the runtime, no
external requests), style.css and the assets under media/.

A SCO runs inside a platform's player: links that leave it open in a new window, and its
absolute links come from the BuildContext (built on SITE_URL), never from a request."""
import json
from importlib import resources
from urllib.parse import urlsplit

from flask_babel import gettext as _
from lxml import html as lxml_html
from markupsafe import Markup, escape

from oer.packages import content, website
from oer.packages.archive import Archive, check_assets
from oer.packages.licences import package_licence

NS = ('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" '
      'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2" '
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
      'xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd '
      'http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"')


def runtime():
    return resources.files("oer.packages").joinpath("data", "scorm.js").read_text("utf-8")


def question_html(part, question):
    """A question as a fieldset the runtime scores; `data-answer` holds what counts. Below the
    inputs: the verdict, each choice's feedback (shown when that choice was taken) and the
    solution, the right answer and the question's feedback, which the runtime shows only once
    the module is passed, as the platform's quizzes do."""
    ident = content.anchor(part, question)
    if question.kind == "short":
        answer = question.accepted
        inputs = Markup('<label for="{0}-text">{1}</label> <input type="text" id="{0}-text" '
                        'name="{0}" autocomplete="off"/>').format(ident, _("Your answer"))
    elif question.kind == "matching":
        answer = [choice.match for choice in question.choices]
        options = Markup('<option value="">{0}</option>').format(_("Choose…")) + Markup(
            "").join(Markup('<option value="{0}">{0}</option>').format(m)
                     for m in content.matches(question))
        inputs = Markup("").join(Markup(
            '<p><label for="{0}-{1}">{2}</label> <select id="{0}-{1}" name="{0}-{1}">{3}'
            '</select></p>').format(ident, n, choice.text, options)
            for n, choice in enumerate(question.choices, 1))
    else:
        answer = [choice.id for choice in question.choices if choice.correct]
        kind = "checkbox" if question.kind == "multiple" else "radio"
        inputs = Markup("").join(Markup(
            '<p><input type="{0}" id="{1}-{2}" name="{1}" value="{3}"/> '
            '<label for="{1}-{2}">{4}</label></p>').format(
            kind, ident, n, choice.id, content.choice_label(question, choice))
            for n, choice in enumerate(question.choices, 1))
    return Markup(
        '<fieldset id="{0}" data-kind="{1}" data-answer="{2}"><legend>{3}</legend>'
        '<p class="hint">{4}</p>{5}<div class="feedback">{6}{7}{8}</div></fieldset>').format(
        ident, question.kind, json.dumps(answer), question.prompt, content.hint(question),
        inputs, Markup('<p class="verdict" hidden="hidden" data-right="{0}" data-wrong="{1}">'
                       '</p>').format(_("Right."), _("Not right.")),
        choice_feedback(question), solution(question))


def choice_feedback(question):
    """The feedback of each choice, for the runtime to show when the learner took it."""
    if question.kind in ("short", "matching"):
        return Markup("")
    return Markup("").join(Markup(
        '<p class="choice-feedback" data-choice="{0}" hidden="hidden">{1}: {2}</p>').format(
        choice.id, content.choice_label(question, choice), choice.feedback)
        for choice in question.choices if choice.feedback)


def solution(question):
    """The right answer (a list of pairs for matching) and the question's feedback."""
    pairs = [Markup("<p>{0}: {1}</p>").format(choice.text, choice.feedback)
             for choice in question.choices if question.kind == "matching" and choice.feedback]
    feedback = Markup("<p>{0}</p>").format(question.feedback) if question.feedback else ""
    return Markup('<div class="solution" hidden="hidden">{0}{1}{2}</div>').format(
        content.right_answer(question), Markup("").join(pairs), feedback)


def part_html(entry, level):
    part = entry.part
    body = Markup(part.html)
    if part.kind == "discussion":
        body = content.discussion_note(part) + body
    if part.kind == "quiz" and part.questions:
        pass_mark = Markup("<p>{0}</p>").format(
            _("Pass mark: %(mark)s %%", mark=part.pass_mark)) if part.pass_mark else ""
        body = Markup('<div class="quiz" data-pass-mark="{0}">{1}{2}{3}</div>').format(
            part.pass_mark or 0, body, pass_mark, Markup("").join(
                question_html(part, q) for q in part.questions))
    children = Markup("").join(part_html(child, min(level + 1, 6))
                               for child in entry.children)
    return Markup('<section id="{0}" aria-labelledby="{0}-title"><h{1} id="{0}-title">{2}</h{1}>'
                  '{3}{4}</section>').format(entry.name, level, part.title, body, children)


def open_outside(html, outside):
    """The HTML with every link that `outside(href)` says leaves the SCO opening in a new
    window: inside a platform's player, following it in the SCO's frame would replace the
    module and end the learner's session."""
    if "<a" not in html:
        return Markup(html)
    wrapper = lxml_html.fragment_fromstring(html, create_parent="div")
    for link in wrapper.iter("a"):
        if outside(link.get("href") or ""):
            link.set("target", "_blank")
            link.set("rel", " ".join(sorted(set((link.get("rel") or "").split())
                                            | {"noopener"})))
    return Markup(str(escape(wrapper.text or "")) + "".join(
        lxml_html.tostring(child, encoding="unicode") for child in wrapper))


def leaves_the_sco(snapshot):
    """Whether a link leaves the SCO page: an absolute address, or a file of the package
    (media), which the frame would show in the module's place."""
    assets = {asset.name for asset in snapshot.assets}

    def outside(href):
        address = urlsplit(href)
        if address.scheme in ("http", "https") or href.startswith("//"):
            return True
        return not address.scheme and not address.netloc and address.path in assets
    return outside


def sco_page(snapshot, context, entry, end, outside):
    part = entry.part
    has_quiz = any(p.kind == "quiz" and p.questions for p in part.walk())
    if part.kind == "section":
        inner = Markup(part.html) + Markup("").join(part_html(child, 2)
                                                    for child in entry.children)
    else:
        inner = part_html(entry, 2)
    # links to other parts point into this page or at another SCO's page; another SCO's
    # page, like anything outside, opens in a new window (the player launches each SCO)
    inner = open_outside(content.part_links(inner, *sco_links(snapshot, entry)),
                         lambda href: outside(href) or href.split("#")[0].endswith(".html"))
    check = Markup('<button type="button" id="check">{0}</button> ').format(
        _("Check my answers")) if has_quiz else Markup("")
    finish = Markup(
        '<section class="finish" aria-labelledby="finish-title"><h2 id="finish-title">{0}</h2>'
        '<p>{1}<button type="button" id="finish">{2}</button></p>'
        '<p id="result" class="result" role="status" tabindex="-1" data-passed="{3}" '
        'data-failed="{4}" data-kept="{5}" data-unanswered="{6}" data-completed="{7}" '
        'data-finished="{8}"></p><p id="end"></p></section>').format(
        _("Finish"), check, _("Finish this module"),
        _("Passed: you scored {score} %."),
        _("Not passed yet: you scored {score} %. Change your answers and check them again, "
          "as often as you like."),
        _("You scored {score} % this time; the module stays passed with {best} %."),
        _("Answer at least one question, then check your answers."),
        _("Module completed."),
        _("You have finished this module and your learning platform has recorded it. You can "
          "close it now."))
    note = Markup('<p id="no-api" class="result" hidden="hidden">{0}</p>').format(
        _("This page is not connected to a learning platform: your answers are checked here "
          "but not recorded."))
    text = website.page(snapshot, context, part.title, note + inner + finish, home=False,
                        end=end)
    return text.replace("</title>", '</title><script src="scorm.js" defer="defer"></script>', 1)


def sco_links(snapshot, sco):
    """(parts by id, target) for content.part_links: a part is a section of the SCO page of
    its top-level part, so a link to it points into that page (in this one, to the anchor)."""
    flat, _top = content.entries(snapshot)
    page_of, page = {}, None
    for each in flat:
        page = each.name if each.depth == 0 else page
        page_of[each.part.id] = page

    def target(entry, anchor):
        page = page_of[entry.part.id]
        anchor = anchor or (entry.name if entry.name != page else "")
        href = ("" if page == sco.name else f"{page}.html") + (f"#{anchor}" if anchor else "")
        return href or "#main"
    return {each.part.id: each for each in flat}, target


def metadata(snapshot, context):
    """IMS LOM 1.2.1 for the manifest: title, description, keywords, language, licence."""
    language = snapshot.language
    licence = package_licence(snapshot.licence)

    def lang(text):
        return Markup('<langstring xml:lang="{0}">{1}</langstring>').format(language, text)

    contributors = Markup("").join(Markup(
        "<contribute><role><source>{0}</source><value>{1}</value></role>"
        "<centity><vcard>BEGIN:VCARD\nFN:{2}\nEND:VCARD</vcard></centity></contribute>").format(
        lang("LOMv1.0"), lang("Author"), name)
        for name in snapshot.authors + snapshot.organisations)
    return str(Markup(
        '<?xml version="1.0" encoding="UTF-8"?>\n<lom xmlns="http://www.imsglobal.org/xsd/'
        'imsmd_rootv1p2p1"><general><identifier>{0}</identifier><title>{1}</title>'
        '<language>{2}</language><description>{3}</description>{4}</general>'
        '<lifecycle>{5}</lifecycle><rights><cost><source>{6}</source><value>{7}</value></cost>'
        '<copyrightandotherrestrictions><source>{6}</source><value>{8}</value>'
        '</copyrightandotherrestrictions><description>{9}</description></rights></lom>\n'
    ).format(context.landing_url, lang(snapshot.title), language, lang(snapshot.description),
             Markup("").join(Markup("<keyword>{0}</keyword>").format(lang(k))
                             for k in snapshot.keywords),
             contributors, lang("LOMv1.0"), lang("no"), lang("yes"),
             lang(" ".join(filter(None, (licence.label, licence.url,
                                         content.attribution_sentence(snapshot, context)))))))


def manifest(snapshot, context, scos):
    items, resources_ = [], []
    for entry, has_mastery in scos:
        mastery = Markup("<adlcp:masteryscore>{0}</adlcp:masteryscore>").format(has_mastery) \
            if has_mastery is not None else ""
        items.append(Markup('<item identifier="I_{0}" identifierref="R_{0}"><title>{1}</title>'
                            '{2}</item>').format(entry.name, entry.part.title, mastery))
        resources_.append(Markup(
            '<resource identifier="R_{0}" type="webcontent" adlcp:scormtype="sco" '
            'href="{0}.html"><file href="{0}.html"/><dependency identifierref="R_common"/>'
            '</resource>').format(entry.name))
    files = ["scorm.js", "style.css"] + sorted(a.name for a in snapshot.assets)
    resources_.append(Markup(
        '<resource identifier="R_common" type="webcontent" adlcp:scormtype="asset">{0}'
        '</resource>').format(Markup("").join(Markup('<file href="{0}"/>').format(f)
                                              for f in files)))
    return str(Markup(
        '<?xml version="1.0" encoding="UTF-8"?>\n<manifest identifier="M_{0}" version="1.2" {1}>'
        '<metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion>'
        '<adlcp:location>metadata.xml</adlcp:location></metadata>'
        '<organizations default="O_1"><organization identifier="O_1"><title>{2}</title>{3}'
        '</organization></organizations><resources>{4}</resources></manifest>\n').format(
        content.SAFE_NAME.sub("_", context.slug), Markup(NS), snapshot.title,
        Markup("").join(items), Markup("").join(resources_)))


def mastery_score(part):
    """The LMS may judge passed/failed by the score itself: give it the pass mark when one
    quiz decides, as the page does."""
    quizzes = [p for p in part.walk() if p.kind == "quiz" and p.questions]
    return quizzes[0].pass_mark if len(quizzes) == 1 and quizzes[0].pass_mark else None


def build(snapshot, fileobj, context):
    check_assets(snapshot)
    _flat, top = content.entries(snapshot)
    scos = [(entry, mastery_score(entry.part)) for entry in top]
    with Archive(fileobj, context.published_at) as archive:
        archive.text("imsmanifest.xml", manifest(snapshot, context, scos))
        archive.text("metadata.xml", metadata(snapshot, context))
        outside = leaves_the_sco(snapshot)
        end = open_outside(website.footer(snapshot, context), outside)
        for entry, _mastery in scos:
            archive.text(f"{entry.name}.html", sco_page(snapshot, context, entry, end, outside))
        archive.text("scorm.js", runtime())
        archive.text("style.css", website.stylesheet())
        archive.assets(snapshot)
