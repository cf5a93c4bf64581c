"""Markdown written by trainers, turned into safe HTML once, when it is saved."""
import bleach
import markdown

TAGS = ["p", "br", "ul", "ol", "li", "strong", "em", "a", "code", "pre", "blockquote",
        "h3", "h4", "table", "thead", "tbody", "tr", "th", "td"]
ATTRIBUTES = {"a": ["href", "title", "rel"]}
PROTOCOLS = ["http", "https", "mailto"]


def _external_links_open_safely(attrs, new=False):
    href = attrs.get((None, "href"), "")
    if href.startswith(("http://", "https://")):
        attrs[(None, "rel")] = "noopener nofollow"
    return attrs


def render(source):
    """Sanitised HTML for `source`; nothing a browser would run survives."""
    html = markdown.markdown(source or "", extensions=["sane_lists", "tables"])
    cleaned = bleach.clean(html, tags=TAGS, attributes=ATTRIBUTES, protocols=PROTOCOLS,
                           strip=True, strip_comments=True)
    return bleach.linkify(cleaned, callbacks=[_external_links_open_safely], parse_email=False)
