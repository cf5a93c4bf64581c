"""Lesson Markdown to safe HTML, once, when a lesson is saved (pages only read the result)."""
import re
from urllib.parse import urlsplit

import bleach
import markdown

MEDIA_PREFIX = "/courses/media/"
TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "strong", "em",
        "b", "i", "code", "pre", "blockquote", "a", "img", "table", "thead", "tbody", "tr",
        "th", "td", "del", "sup", "sub", "span"}
IMAGE_WITHOUT_SOURCE = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")
PROTOCOLS = {"http", "https", "mailto"}


def allowed_attribute(tag, name, value):
    if name == "id" and tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
        return True
    if tag == "a":
        return name in {"href", "title"}
    if tag == "img":
        if name == "src":
            return is_own_media(value)
        return name in {"alt", "title"}
    return False


def is_own_media(url):
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and parts.path.startswith(MEDIA_PREFIX) \
        and ".." not in parts.path


def link_attributes(attrs, new=False):
    """External links open safely: rel="noopener noreferrer"; internal links stay plain."""
    href = attrs.get((None, "href"), "")
    if urlsplit(href).netloc:
        attrs[(None, "rel")] = "noopener noreferrer"
    else:
        attrs.pop((None, "rel"), None)
    return attrs


def render(source):
    """Sanitised HTML for a lesson's Markdown: headings with anchors, tables, code, links."""
    html = markdown.markdown(source or "", extensions=[
        "toc", "tables", "fenced_code", "sane_lists"],
        extension_configs={"toc": {"permalink": False}}, output_format="html")
    clean = bleach.clean(html, tags=TAGS, attributes=allowed_attribute, protocols=PROTOCOLS,
                         strip=True, strip_comments=True)
    linked = bleach.linkify(clean, callbacks=[link_attributes], parse_email=False)
    # an image from elsewhere has lost its address above; drop what is left of it
    return IMAGE_WITHOUT_SOURCE.sub("", linked)
