"""The one PDF engine, fpdf2: the fonts every PDF is set in and the document they are drawn on.

Certificates (courses) and OER packages (oer) draw with it. fpdf2 is pure Python and needs no
system library; measured against WeasyPrint it drew a 100-lesson course in a third of the
time with 25 MB less memory (the figures are in the commit that made it the only engine).
The text is set in DejaVu Sans (Debian's fonts-dejavu-core for upright, fonts-dejavu-extra
for oblique), which covers German, Italian and Turkish.
"""
import os
from functools import lru_cache

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FAMILY, MONO = "DejaVu", "DejaVuMono"
FONTS = {(FAMILY, ""): "DejaVuSans.ttf", (FAMILY, "B"): "DejaVuSans-Bold.ttf",
         (FAMILY, "I"): "DejaVuSans-Oblique.ttf", (FAMILY, "BI"): "DejaVuSans-BoldOblique.ttf",
         (MONO, ""): "DejaVuSansMono.ttf", (MONO, "B"): "DejaVuSansMono-Bold.ttf",
         (MONO, "I"): "DejaVuSansMono-Oblique.ttf",
         (MONO, "BI"): "DejaVuSansMono-BoldOblique.ttf"}


def font_path(family, style=""):
    return os.path.join(FONT_DIR, FONTS[family, style])


def missing_font(fonts=FONTS):
    """The path of the first of `fonts` ({(family, style): file}) missing on this server, or
    None when all are there."""
    for family, style in fonts:
        path = font_path(family, style)
        if not os.path.isfile(path):
            return path
    return None


@lru_cache(maxsize=1)
def document_class():
    """fpdf2's FPDF with the DejaVu fonts. Imported here, not at the top: fpdf2 with fontTools
    and Pillow takes ~0.4 s to import, which only a process that draws a PDF should pay (not
    every start of the app, nor every test's)."""
    from fpdf import FPDF

    class Document(FPDF):
        def use_font(self, family, style=""):
            """Load a font the first time it is needed (each costs ~4 MB while drawing)."""
            key = f"{family.lower()}{style}"
            if key not in self.fonts:
                self.add_font(family, style, font_path(family, style))
            return self.fonts[key]

        def file_id(self):      # from the content and the creation date: reproducible
            return -1
    return Document
