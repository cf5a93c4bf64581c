"""Lesson Markdown to safe HTML, once, when a lesson is saved (pages only read the result).

The sanitiser is the core's (:mod:`lms.markup`); this module says what lessons may contain:
headings with anchors, tables, code, quotes, links and images from the course media store.
"""
from lms.markup import BASIC_TAGS, HEADINGS, TABLE_TAGS, Markup, local_path_under

MEDIA_PREFIX = "/courses/media/"

LESSON = Markup(BASIC_TAGS | HEADINGS | TABLE_TAGS | {"del", "sup", "sub", "span"},
                extensions=("toc", "tables", "fenced_code", "sane_lists"),
                image_source=local_path_under(MEDIA_PREFIX))
render = LESSON.render
