"""URL converters for ids and slugs: `<id:lesson_id>` and `<slug:slug>` in any route.

Both are bounded, so an address no row can have matches no rule and answers 404 before any
lookup: a database id is a positive 32-bit integer (PostgreSQL's `integer`; SQLite's INTEGER
takes 64 bits, and Python's int in a query larger than that raised OverflowError), and a slug
is what `lms.slugs.slugify()` makes (never a NUL, which PostgreSQL refuses in text).
"""
import re

from werkzeug.routing import BaseConverter, ValidationError

LARGEST_ID = 2 ** 31 - 1
ID_PATTERN = r"[1-9][0-9]{0,9}"        # no sign, no leading zero: one address per row
SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
SLUG_LENGTH = 220                       # the slug columns' length
_ID = re.compile(ID_PATTERN)


def id_from(text):
    """The id that `text` spells (as `<id:...>` reads it), or None: for ids that arrive as text
    elsewhere than a converter, such as a publishable kind's key."""
    text = str(text)
    if _ID.fullmatch(text) is None:
        return None
    number = int(text)
    return number if number <= LARGEST_ID else None


class IdConverter(BaseConverter):
    """A positive integer that fits a database id column."""
    regex = ID_PATTERN
    weight = 50          # as Werkzeug's int: tried before a string in the same place

    def to_python(self, value):
        number = int(value)
        if number > LARGEST_ID:
            raise ValidationError()
        return number

    def to_url(self, value):
        return str(int(value))


class SlugConverter(BaseConverter):
    """Lower-case ASCII letters and digits joined by single dashes, as slugify() writes them."""
    regex = SLUG_PATTERN

    def to_python(self, value):
        if len(value) > SLUG_LENGTH:
            raise ValidationError()
        return value


def install(app):
    """Register the converters; before any blueprint, whose rules look them up when added."""
    app.url_map.converters["id"] = IdConverter
    app.url_map.converters["slug"] = SlugConverter
