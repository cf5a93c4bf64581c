"""The one Markdown profile of plan texts (sections, goals, actions), through the core's
sanitiser."""
from lms.markup import BASIC_TAGS, TABLE_TAGS, Markup

PLAN_TEXT = Markup(BASIC_TAGS | TABLE_TAGS | {"h2", "h3", "h4"}, extensions=("sane_lists",
                                                                               "tables"))


def render(source):
    return PLAN_TEXT.render(source)
