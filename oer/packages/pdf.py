"""The PDF document: one HTML document (title page, contents, parts, answers, attribution page)
rendered by WeasyPrint, which may fetch the snapshot's asset files and nothing else."""
from flask_babel import gettext as _
from markupsafe import Markup

from oer.packages import content
from oer.packages.archive import check_assets

BASE_URL = "https://package.invalid/"
# Kept short on purpose: WeasyPrint's time grows with the CSS it has to cascade; no leader()
# dots in the contents (they more than doubled the time of a 100-lesson course).
CSS = """
@page { size: A4; margin: 2cm 2cm 2.2cm;
        @bottom-center { content: counter(page); font-size: 9pt; } }
html { font-family: "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.45; }
h1 { font-size: 20pt; } h2 { font-size: 15pt; } h3 { font-size: 12.5pt; }
img { max-width: 100%; }
a { color: #0b4f8a; }
.title-page { page-break-after: always; }
.cover { max-height: 10cm; }
.chapter { page-break-before: always; }
.toc a::after { content: "  " target-counter(attr(href), page); }
.toc { list-style: none; padding-left: 1em; }
.hint { font-style: italic; }
.prompt { font-weight: bold; }
.attribution { page-break-before: always; }
dt { font-weight: bold; } dd { margin: 0 0 0.4em 0; }
table { border-collapse: collapse; } td, th { border: 1px solid #777; padding: 2pt 4pt; }
"""


def asset_text(assets):
    """Links to the package's files become their text: a PDF has no media folder."""
    names = {asset.name for asset in assets}

    def adjust(element):
        if element.tag == "a" and element.get("href") in names:
            element.attrib.pop("href")
            element.tag = "span"
    return adjust


def document(snapshot, context):
    flat, top = content.entries(snapshot)
    adjust = asset_text(snapshot.assets)

    def target(entry):
        return "#" + entry.name

    def toc(entries):
        return Markup('<ul class="toc">{0}</ul>').format(Markup("").join(
            Markup('<li><a href="{0}">{1}</a>{2}</li>').format(
                target(entry), entry.part.title, toc(entry.children) if entry.children else "")
            for entry in entries))

    body = [title_page(snapshot, context)]
    extra = Markup("")
    if content.quizzes(snapshot):
        extra += Markup('<li><a href="#answers">{0}</a></li>').format(_("Answers and feedback"))
    extra += Markup('<li><a href="#about">{0}</a></li>').format(_("About this resource"))
    body.append(Markup('<nav class="contents"><h1>{0}</h1>{1}<ul class="toc">{2}</ul></nav>'
                       ).format(_("Contents"), toc(top), extra))
    for entry in flat:
        part = entry.part
        level = min(entry.depth + 1, 6)
        html = Markup(content.xhtml(part.html, adjust, content.scope_of(part)))
        if part.kind == "discussion":
            html = content.discussion_note(part) + html
        if part.kind == "quiz" and part.questions:
            html += content.questions_html(
                part, f"#answers-{content.SAFE_NAME.sub('_', part.id)}")
        body.append(Markup('<section id="{0}"{1}><h{2}>{3}</h{2}>{4}</section>').format(
            entry.name, Markup(' class="chapter"') if entry.depth == 0 else "", level,
            part.title, html))
    if content.quizzes(snapshot):
        body.append(Markup('<section id="answers" class="chapter"><h1>{0}</h1>{1}</section>'
                           ).format(_("Answers and feedback"), content.answers_html(
                               snapshot, lambda part, question: "#" + content.anchor(
                                   part, question))))
    body.append(Markup('<div id="about">{0}</div>').format(
        content.attribution(snapshot, context, heading_level=1)))
    return str(Markup(
        '<!DOCTYPE html><html lang="{0}"><head><meta charset="utf-8"><title>{1}</title>'
        '<meta name="author" content="{2}"><meta name="description" content="{3}">'
        '<meta name="keywords" content="{4}"><meta name="dcterms.created" content="{5}">'
        '<meta name="dcterms.modified" content="{5}"><style>{6}</style></head>'
        '<body>{7}</body></html>').format(
        snapshot.language, snapshot.title,
        content.names(snapshot.authors + snapshot.organisations),
        content.attribution_sentence(snapshot, context), ", ".join(snapshot.keywords),
        context.published_at.strftime("%Y-%m-%dT%H:%M:%SZ"), Markup(CSS),
        Markup("").join(body)))


def title_page(snapshot, context):
    cover = Markup('<img class="cover" src="{0}" alt="{1}">').format(
        snapshot.cover, snapshot.cover_alt) if snapshot.cover else ""
    return Markup(
        '<div class="title-page"><h1>{0}</h1><p>{1}</p><p>{2}</p>{3}<p>{4}</p><p>{5}</p></div>'
    ).format(snapshot.title, content.names(snapshot.authors),
             content.names(snapshot.organisations), cover, snapshot.description,
             _("version %(number)s of %(date)s", number=context.release_number,
               date=content.release_date(context)))


def url_fetcher(snapshot):
    """Serve the snapshot's asset files by their package name; refuse everything else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    files = {BASE_URL + asset.name: asset for asset in snapshot.assets}

    class AssetFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            asset = files.get(url)
            if asset is None:
                raise ValueError(f"not a file of this package: {url}")
            return URLFetcherResponse(url, open(asset.source, "rb"),
                                      {"Content-Type": asset.media_type})
    return AssetFetcher()


def build(snapshot, fileobj, context):
    from weasyprint import HTML     # heavy: loaded only when a PDF is built
    check_assets(snapshot)
    HTML(string=document(snapshot, context), base_url=BASE_URL,
         url_fetcher=url_fetcher(snapshot)).write_pdf(fileobj)
