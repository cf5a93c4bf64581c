"""The fonts the PDF is set in (DejaVu Sans, from Debian's fonts-dejavu-core and -extra, which
covers German, Italian and Turkish) and the body text's size."""
import os

from flask_babel import gettext as _

from oer.packages.base import BuildError

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FAMILY, MONO = "DejaVu", "DejaVuMono"
# fonts-dejavu-core has the upright ones, fonts-dejavu-extra the oblique ones. Only those a
# document uses are loaded (each costs ~4 MB while building).
FONTS = {(FAMILY, ""): "DejaVuSans.ttf", (FAMILY, "B"): "DejaVuSans-Bold.ttf",
         (FAMILY, "I"): "DejaVuSans-Oblique.ttf", (FAMILY, "BI"): "DejaVuSans-BoldOblique.ttf",
         (MONO, ""): "DejaVuSansMono.ttf", (MONO, "B"): "DejaVuSansMono-Bold.ttf",
         (MONO, "I"): "DejaVuSansMono-Oblique.ttf",
         (MONO, "BI"): "DejaVuSansMono-BoldOblique.ttf"}
BODY_SIZE = 10.5


def fonts_available():
    """The font files the PDF needs, or BuildError naming the first one missing."""
    for name in FONTS.values():
        path = os.path.join(FONT_DIR, name)
        if not os.path.isfile(path):
            raise BuildError(_("The PDF cannot be built: the font %(file)s is missing on the "
                               "server.", file=path))

