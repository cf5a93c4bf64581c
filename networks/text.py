"""Markdown written by people, turned into safe HTML once, when it is saved."""
import bleach
import markdown

ALLOWED_TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre",
                "h2", "h3", "h4", "hr"}
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}


def to_safe_html(source):
    html = markdown.markdown(source or "", extensions=["sane_lists"])
    cleaned = bleach.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                           protocols={"http", "https", "mailto"}, strip=True)
    return bleach.linkify(cleaned, callbacks=[bleach.callbacks.nofollow])
