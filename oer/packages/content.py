"""What every format shows, as HTML: the parts in reading order, quizzes with their questions,
the answers, and the attribution (title, authors, source, licence).

Metadata strings are plain text and escaped here; parts' HTML was sanitised by its owner and
is inserted as it is (the EPUB builder re-serialises it as XHTML). Markup is written with
self-closing void elements so the same strings serve HTML and XHTML.
"""
import re
from dataclasses import dataclass, field

from flask_babel import format_date
from flask_babel import gettext as _
from lxml import etree
from lxml import html as lxml_html
from markupsafe import Markup, escape

from lms.publishing import Part
from oer.packages.licences import package_licence

SAFE_NAME = re.compile(r"[^A-Za-z0-9_-]")
# a link to another part, as a snapshot writes it (lms.publishing.Part): "<part id>.html#anchor"
PART_HREF = re.compile(r'\shref="([A-Za-z0-9_-]+)\.html(?:#([^"]*))?"')
RESERVED = {"index", "answers", "about", "nav", "cover", "title", "style", "contents"}


@dataclass
class Entry:
    """A part in reading order: its depth (0 = top level) and the file it gets."""
    part: Part
    depth: int
    name: str                       # file name without suffix, unique, safe
    children: list["Entry"] = field(default_factory=list)


def entries(snapshot):
    """Every part in reading order (sections before their parts), with a unique file name."""
    found, used = [], set()

    def visit(parts, depth):
        result = []
        for part in parts:
            name = SAFE_NAME.sub("_", part.id) or "part"
            if name.lower() in RESERVED:
                name = "part-" + name
            base, n = name, 2
            while name.lower() in used:
                name, n = f"{base}-{n}", n + 1
            used.add(name.lower())
            entry = Entry(part, depth, name)
            found.append(entry)
            entry.children = visit(part.parts, depth + 1)
            result.append(entry)
        return result

    top = visit(snapshot.parts, 0)
    return found, top


def part_links(html, by_id, target):
    """Point the links between parts at what a format gives each part. `by_id` maps part ids
    to their entries; `target(entry, anchor)` returns the href (anchor is "" for none), or None
    to keep the link's text without a link. Other links are left as they are."""
    def replace(match):
        entry = by_id.get(match.group(1))
        if entry is None:
            return match.group(0)
        href = target(entry, match.group(2) or "")
        return f' href="{href}"' if href else ""
    return PART_HREF.sub(replace, html)


def quizzes(snapshot):
    return [part for part in snapshot.walk() if part.kind == "quiz" and part.questions]


def names(values):
    return ", ".join(v for v in values if v)


def release_date(context):
    return format_date(context.published_at, "long")


# Attribution --------------------------------------------------------------------------------

def link(url, text=None):
    url = url or ""
    return Markup('<a href="{0}">{1}</a>').format(url, text if text is not None else url)


def attribution(snapshot, context, heading_level=2, heading=True):
    """TASL: title, authors (and organisations), source, licence — a <section> of HTML."""
    licence = package_licence(snapshot.licence)
    rows = [(_("Title"), escape(snapshot.title))]
    if snapshot.authors:
        rows.append((_("Authors"), escape(names(snapshot.authors))))
    if snapshot.organisations:
        rows.append((_("Organisations"), escape(names(snapshot.organisations))))
    rows.append((_("Source"), link(snapshot.source_url)))
    rows.append((_("This release"), Markup("{0} ({1})").format(
        link(context.landing_url),
        _("version %(number)s of %(date)s", number=context.release_number,
          date=release_date(context)))))
    rows.append((_("Licence"), link(licence.url, licence.label) if licence.url
                 else escape(licence.label)))
    items = Markup("").join(Markup("<dt>{0}</dt><dd>{1}</dd>").format(label, value)
                            for label, value in rows)
    title = Markup("<h{0}>{1}</h{0}>").format(heading_level, _("About this resource")) \
        if heading else Markup("")
    return Markup('<section class="attribution" aria-label="{0}">{1}<dl>{2}</dl>{3}</section>'
                  ).format(_("About this resource"), title, items,
                           Markup("<p>{0}</p>").format(attribution_sentence(snapshot, context)))


def attribution_sentence(snapshot, context):
    """One line of attribution as plain text, for metadata and footers."""
    licence = package_licence(snapshot.licence)
    by = names(snapshot.authors + snapshot.organisations)
    text = _("“%(title)s” by %(authors)s, %(source)s, licensed under %(licence)s.",
             title=snapshot.title, authors=by or _("its authors"),
             source=context.landing_url, licence=licence.label)
    if licence.url:
        text += " " + licence.url
    return text


# Quizzes ------------------------------------------------------------------------------------

def choice_label(question, choice):
    if question.kind == "true_false":
        return {"true": _("True"), "false": _("False")}.get(choice.text.lower(), choice.text)
    return choice.text


def hint(question):
    return {
        "single": _("Choose one answer."),
        "true_false": _("True or false?"),
        "multiple": _("Choose every answer that is right."),
        "short": _("Write a short answer."),
        "matching": _("Match each item with one of the answers."),
    }.get(question.kind, "")


def anchor(part, question):
    return f"{SAFE_NAME.sub('_', part.id)}-{SAFE_NAME.sub('_', question.id)}"


def questions_html(part, answers_href):
    """The questions of a quiz with their choices, and a link to the answers."""
    items = []
    for question in part.questions:
        body = Markup('<p class="prompt">{0}</p><p class="hint">{1}</p>').format(
            question.prompt, hint(question))
        if question.kind == "matching":
            body += Markup('<ol class="choices">{0}</ol><p>{1}</p><ul class="choices">{2}</ul>'
                           ).format(Markup("").join(Markup("<li>{0}</li>").format(c.text)
                                                    for c in question.choices),
                                    _("Answers to choose from:"),
                                    Markup("").join(Markup("<li>{0}</li>").format(m)
                                                    for m in matches(question)))
        elif question.kind != "short":
            body += Markup('<ul class="choices">{0}</ul>').format(Markup("").join(
                Markup("<li>{0}</li>").format(choice_label(question, c))
                for c in question.choices))
        items.append(Markup('<li id="{0}">{1}</li>').format(anchor(part, question), body))
    pass_mark = Markup('<p>{0}</p>').format(
        _("Pass mark: %(mark)s %%", mark=part.pass_mark)) if part.pass_mark else Markup("")
    return Markup('<ol class="questions">{0}</ol>{1}<p><a href="{2}">{3}</a></p>').format(
        Markup("").join(items), pass_mark, answers_href, _("Answers and feedback"))


def matches(question):
    """Right-hand sides of a matching question, sorted so the order gives no pair away."""
    return sorted({c.match for c in question.choices if c.match}, key=str.casefold)


def right_answer(question):
    """The right answer of a question, as HTML."""
    if question.kind == "short":
        return Markup("{0} {1}").format(_("Accepted answers:"), names(question.accepted))
    if question.kind == "matching":
        return Markup("<ul>{0}</ul>").format(Markup("").join(
            Markup("<li>{0} → {1}</li>").format(c.text, c.match) for c in question.choices))
    right = [choice_label(question, c) for c in question.choices if c.correct]
    label = _("Right answers:") if question.kind == "multiple" else _("Right answer:")
    return Markup("{0} {1}").format(label, names(right))


def answers_html(snapshot, question_href, heading_level=2):
    """The answers and feedback of every quiz; `question_href(part, question)` links back."""
    sections = []
    for part in quizzes(snapshot):
        items = []
        for question in part.questions:
            feedback = [Markup("<p>{0}</p>").format(question.feedback)] if question.feedback \
                else []
            feedback += [Markup("<p>{0}: {1}</p>").format(choice_label(question, c), c.feedback)
                         for c in question.choices if c.feedback]
            items.append(Markup(
                '<li id="answer-{0}"><p class="prompt"><a href="{1}">{2}</a></p><div>{3}</div>{4}'
                '</li>').format(anchor(part, question), question_href(part, question),
                                question.prompt, right_answer(question),
                                Markup("").join(feedback)))
        sections.append(Markup('<section id="answers-{0}"><h{1}>{2}</h{1}><ol>{3}</ol></section>'
                               ).format(SAFE_NAME.sub("_", part.id), heading_level, part.title,
                                        Markup("").join(items)))
    return Markup("").join(sections)


# Part bodies --------------------------------------------------------------------------------

def children_list(entry, href):
    """A section's table of contents: links to its parts."""
    if not entry.children:
        return Markup("")
    return Markup('<ol class="toc">{0}</ol>').format(Markup("").join(
        Markup('<li><a href="{0}">{1}</a>{2}</li>').format(href(child), child.part.title,
                                                           children_list(child, href))
        for child in entry.children))


def discussion_note(part):
    return Markup('<p class="hint">{0}</p>').format(
        _("A question to discuss with other learners or colleagues."))


# XHTML --------------------------------------------------------------------------------------

def xhtml(fragment, adjust=None, scope=""):
    """Sanitised HTML as well-formed XHTML (void elements closed, entities resolved);
    `adjust(element)` may change each element first. `scope` prefixes the fragment's ids (and
    its links to them), so two parts in one document, or a heading called "main", never
    share an id."""
    if not fragment.strip():
        return ""
    parser = lxml_html.HTMLParser(encoding="utf-8")
    wrapper = lxml_html.fragment_fromstring(fragment.encode("utf-8"), create_parent="div",
                                            parser=parser)
    for element in wrapper.iter():
        if not isinstance(element.tag, str):
            continue
        for name in list(element.attrib):
            if ":" in name or not re.match(r"^[A-Za-z_][\w.-]*$", name):
                del element.attrib[name]
        if scope:
            scoped_ids(element, scope)
        if adjust is not None:
            adjust(element)
    text = escape(wrapper.text or "")
    return str(text) + "".join(etree.tostring(child, method="xml", encoding="unicode")
                               for child in wrapper)


def scoped_ids(element, scope):
    if element.get("id"):
        element.set("id", f"{scope}-{element.get('id')}")
    href = element.get("href") or ""
    if href.startswith("#") and len(href) > 1:
        element.set("href", f"#{scope}-{href[1:]}")


def scope_of(part):
    return SAFE_NAME.sub("_", part.id)
