"""Markdown written by people, turned into safe HTML once, when it is saved.

One sanitiser for every plugin: a plugin describes what its texts may contain (a
:class:`Markup` with its tags, Markdown extensions, heading anchors and where images may come
from) and calls :meth:`Markup.render` when it stores a text; pages only print the stored
result. Whatever the settings, the output goes through bleach with an allow-list, external
links get ``rel="noopener noreferrer"`` and comments, scripts and event attributes are gone.
"""
import re
from urllib.parse import urlsplit

import bleach
import markdown

PROTOCOLS = frozenset({"http", "https", "mailto"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Tags every profile may use: paragraphs, emphasis, lists, quotes, code and links.
BASIC_TAGS = frozenset({"p", "br", "hr", "ul", "ol", "li", "strong", "em", "b", "i", "code",
                        "pre", "blockquote", "a"})
TABLE_TAGS = frozenset({"table", "thead", "tbody", "tr", "th", "td"})
IMAGE_WITHOUT_SOURCE = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")


def link_attributes(attrs, new=False):
    """External links open safely (rel="noopener noreferrer"); internal links stay plain."""
    href = attrs.get((None, "href"), "")
    if urlsplit(href).netloc:
        attrs[(None, "rel")] = "noopener noreferrer"
    else:
        attrs.pop((None, "rel"), None)
    return attrs


def local_path_under(prefix):
    """A test for image addresses: a path on this site under ``prefix``, nothing else."""
    def allowed(url):
        parts = urlsplit(url)
        return (not parts.scheme and not parts.netloc and parts.path.startswith(prefix)
                and ".." not in parts.path)
    return allowed


class Markup:
    """What one kind of text may contain, and how to turn its Markdown into safe HTML.

    ``tags``: the HTML tags kept (others are stripped, their text kept);
    ``extensions``: Markdown extensions (``toc`` gives headings an ``id`` to link to);
    ``image_source``: a test for ``<img src>``; without one, images are not allowed.
    """

    def __init__(self, tags, extensions=("sane_lists",), image_source=None):
        self.tags = frozenset(tags) | ({"img"} if image_source else frozenset())
        self.extensions = list(extensions)
        self.heading_ids = "toc" in self.extensions
        self.image_source = image_source

    def _attribute(self, tag, name, value):
        if tag == "a":
            return name in {"href", "title"}
        if tag == "img":
            if name == "src":
                return self.image_source(value)
            return name in {"alt", "title"}
        return name == "id" and self.heading_ids and tag in HEADINGS

    def render(self, source):
        """Sanitised HTML for a Markdown text (empty for an empty text)."""
        if not (source or "").strip():
            return ""
        configs = {"toc": {"permalink": False}} if self.heading_ids else {}
        html = markdown.markdown(source, extensions=self.extensions,
                                 extension_configs=configs, output_format="html")
        clean = bleach.clean(html, tags=self.tags, attributes=self._attribute,
                             protocols=PROTOCOLS, strip=True, strip_comments=True)
        linked = bleach.linkify(clean, callbacks=[link_attributes], parse_email=False)
        if self.image_source:
            # an image from elsewhere lost its address in clean(); drop what is left of it
            linked = IMAGE_WITHOUT_SOURCE.sub("", linked)
        return linked


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
