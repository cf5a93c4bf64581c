"""The offline website (`-html.zip`): index.html with the contents, one page per part,
answers.html, about.html, style.css and the assets under media/. No JavaScript, nothing
fetched from the network."""
from importlib import resources

from flask_babel import gettext as _
from markupsafe import Markup

from oer.packages import content
from oer.packages.archive import Archive, check_assets

XHTML_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
              '<html xmlns="http://www.w3.org/1999/xhtml" '
              'xmlns:epub="http://www.idpf.org/2007/ops" lang="{0}" xml:lang="{0}">')


def stylesheet():
    return resources.files("oer.packages").joinpath("data", "package.css").read_text("utf-8")


def footer(snapshot, context):
    """The attribution every page ends with (made once per build: it is the same)."""
    return Markup("<footer>{0}</footer>").format(
        content.attribution(snapshot, context, heading_level=2))


def page(snapshot, context, title, body, *, suffix=".html", pager=None, xml=False,
         home=True, end):
    """A whole page: header link to the contents, the body, a pager and `end`, the
    attribution from footer()."""
    start = Markup(XHTML_HEAD).format(snapshot.language) if xml else \
        Markup('<!DOCTYPE html>\n<html lang="{0}">').format(snapshot.language)
    head = Markup('<head><meta charset="utf-8"/>'
                  '<meta name="viewport" content="width=device-width, initial-scale=1"/>'
                  '<title>{0}</title><link rel="stylesheet" href="style.css"/></head>').format(
        title if title == snapshot.title else f"{title} – {snapshot.title}")
    header = Markup('<header><a class="skip" href="#main">{0}</a>{1}</header>').format(
        _("Skip to content"),
        Markup('<p class="site"><a href="index{0}">{1}</a></p>').format(suffix, snapshot.title)
        if home else Markup(""))
    links = Markup("")
    if pager:
        previous, following = pager
        links = Markup('<nav class="pager" aria-label="{0}">{1}{2}</nav>').format(
            _("Previous and next page"),
            Markup('<a rel="prev" href="{0}">{1} {2}</a>').format(
                previous[0], _("Previous:"), previous[1]) if previous else Markup(""),
            Markup('<a rel="next" href="{0}">{1} {2}</a>').format(
                following[0], _("Next:"), following[1]) if following else Markup(""))
    return str(Markup('{0}{1}<body>{2}<main id="main"><h1>{3}</h1>{4}</main>{5}{6}</body>'
                      '</html>\n').format(start, head, header, title, body, links, end))


def part_body(entry, snapshot, href, answers_href, html=None):
    """What a part's page shows below its title."""
    part = entry.part
    body = Markup(part.html if html is None else html)
    if part.kind == "discussion":
        body = content.discussion_note(part) + body
    if part.kind == "quiz" and part.questions:
        body += content.questions_html(part, answers_href(part))
    if part.kind == "section":
        body += content.children_list(entry, href)
    return body


def index_body(snapshot, top, href, suffix):
    cover = ""
    if snapshot.cover:
        cover = Markup('<img class="cover" src="{0}" alt="{1}"/>').format(
            snapshot.cover, snapshot.cover_alt)
    details = Markup("").join(Markup("<dt>{0}</dt><dd>{1}</dd>").format(label, value)
                              for label, value in snapshot.details)
    extra = [(f"answers{suffix}", _("Answers and feedback"))] if content.quizzes(snapshot) \
        else []
    extra.append((f"about{suffix}", _("About this resource")))
    toc = Markup('<nav aria-labelledby="contents"><h2 id="contents">{0}</h2><ol class="toc">{1}'
                 '{2}</ol></nav>').format(
        _("Contents"),
        Markup("").join(Markup('<li><a href="{0}">{1}</a>{2}</li>').format(
            href(entry), entry.part.title, content.children_list(entry, href)) for entry in top),
        Markup("").join(Markup('<li><a href="{0}">{1}</a></li>').format(*pair)
                        for pair in extra))
    return Markup('{0}<p class="lead">{1}</p>{2}{3}').format(
        cover, snapshot.description, Markup("<dl>{0}</dl>").format(details) if details else "",
        toc)


def pages(snapshot, context, *, suffix=".html", xml=False, html_of=lambda part: part.html,
          scoped=False):
    """(file name, text) of every page in reading order: index, parts, answers, about.
    `scoped`: html_of() prefixed each part's ids with its scope (content.xhtml)."""
    flat, top = content.entries(snapshot)

    def href(entry):
        return entry.name + suffix

    def part_href(entry, anchor):
        if anchor and scoped:
            anchor = f"{content.scope_of(entry.part)}-{anchor}"
        return href(entry) + (f"#{anchor}" if anchor else "")

    def answers_href(part):
        return f"answers{suffix}#answers-{content.SAFE_NAME.sub('_', part.id)}"

    by_part = {id(entry.part): entry for entry in flat}
    by_part_id = {entry.part.id: entry for entry in flat}
    end = footer(snapshot, context)

    def question_href(part, question):
        return f"{href(by_part[id(part)])}#{content.anchor(part, question)}"

    result = [(f"index{suffix}", page(
        snapshot, context, snapshot.title, index_body(snapshot, top, href, suffix),
        suffix=suffix, xml=xml, home=False, end=end,
        pager=(None, (href(flat[0]), flat[0].part.title)) if flat else None))]
    for n, entry in enumerate(flat):
        previous = flat[n - 1] if n else None
        following = flat[n + 1] if n + 1 < len(flat) else None
        result.append((href(entry), page(
            snapshot, context, entry.part.title,
            part_body(entry, snapshot, href, answers_href,
                      content.part_links(html_of(entry.part), by_part_id, part_href)),
            suffix=suffix, xml=xml, end=end,
            pager=((href(previous), previous.part.title) if previous
                   else (f"index{suffix}", _("Contents")),
                   (href(following), following.part.title) if following else None))))
    if content.quizzes(snapshot):
        result.append((f"answers{suffix}", page(
            snapshot, context, _("Answers and feedback"),
            content.answers_html(snapshot, question_href), suffix=suffix, xml=xml,
            end=end)))
    result.append((f"about{suffix}", page(
        snapshot, context, _("About this resource"),
        content.attribution(snapshot, context, heading=False), suffix=suffix, xml=xml,
        end=end)))
    return result


def build(snapshot, fileobj, context):
    check_assets(snapshot)
    with Archive(fileobj, context.published_at) as archive:
        for name, text in pages(snapshot, context):
            archive.text(name, text)
        archive.text("style.css", stylesheet())
        archive.assets(snapshot)
