"""Blueprint Markdown to safe HTML, once, when a blueprint is saved: text, lists, links and
tables; no images, no raw HTML, no headings above h3 (the page's own headings come first).

The sanitiser is the core's (:mod:`lms.markup`)."""
from lms.markup import BASIC_TAGS, TABLE_TAGS, Markup

PRACTICE = Markup(BASIC_TAGS | TABLE_TAGS | {"h3", "h4", "h5", "h6", "del"},
                   extensions=("tables", "sane_lists"))
render = PRACTICE.render
