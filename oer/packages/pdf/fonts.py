"""The body text's size, and the check that the fonts the PDF is set in (the core's DejaVu
Sans, `lms.pdf`) are on the server."""
from flask_babel import gettext as _

from lms.pdf import missing_font
from oer.packages.base import BuildError

BODY_SIZE = 10.5


def fonts_available():
    """The font files the PDF needs, or BuildError naming the first one missing."""
    path = missing_font()
    if path:
        raise BuildError(_("The PDF cannot be built: the font %(file)s is missing on the "
                           "server.", file=path))
