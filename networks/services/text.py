"""A network's description, Markdown turned into safe HTML once, when it is saved.

The sanitiser is the core's (:mod:`lms.markup`)."""
from lms.markup import BASIC_TAGS, Markup

DESCRIPTION = Markup(BASIC_TAGS | {"h2", "h3", "h4"})
to_safe_html = DESCRIPTION.render
