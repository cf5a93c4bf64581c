"""Blueprint Markdown to safe HTML, once, when a blueprint is saved: text, lists, links and
tables; no images, no raw HTML, no headings above h3 (the page's own headings come first)."""
from urllib.parse import urlsplit

import bleach
import markdown

TAGS = {"h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "strong", "em", "b", "i",
        "code", "pre", "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td", "del"}
ATTRIBUTES = {"a": ["href", "title"]}
PROTOCOLS = {"http", "https", "mailto"}


def _link_attributes(attrs, new=False):
    """External links open safely: rel="noopener noreferrer"."""
    href = attrs.get((None, "href"), "")
    if urlsplit(href).netloc:
        attrs[(None, "rel")] = "noopener noreferrer"
    else:
        attrs.pop((None, "rel"), None)
    return attrs


def render(source):
    """Sanitised HTML for a Markdown text (empty for an empty text)."""
    if not (source or "").strip():
        return ""
    html = markdown.markdown(source, extensions=["tables", "sane_lists"],
                             output_format="html")
    clean = bleach.clean(html, tags=TAGS, attributes=ATTRIBUTES, protocols=PROTOCOLS,
                         strip=True, strip_comments=True)
    return bleach.linkify(clean, callbacks=[_link_attributes], parse_email=False)


def paragraphs(source):
    """A text's paragraphs (separated by blank lines), each stripped; empty ones dropped."""
    blocks, current = [], []
    for line in (source or "").splitlines():
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks
