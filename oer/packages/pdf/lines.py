"""Paragraphs set word by word: a paragraph's words with their style and link, their widths
from the fonts' glyph widths, a line's words joined into runs; and fpdf2's font class with
quicker width sums."""
from functools import lru_cache
from typing import NamedTuple

from lms.pdf import FAMILY, MONO
from oer.packages.pdf.fonts import BODY_SIZE

TEXT_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6"}
INLINE = {"b", "strong", "i", "em", "code", "a", "br", "sup", "sub", "del", "s", "u", "span"}
PARAGRAPH_SIZES = {"h1": 16, "h2": 14, "h3": 12.5, "h4": 11.5, "h5": BODY_SIZE,
                   "h6": BODY_SIZE}


class Word(NamedTuple):
    text: str
    style: str          # "", "B", "I", "BI", "M"
    link: str
    space: bool         # a space before it


def inline_only(element):
    return all(isinstance(e.tag, str) and e.tag in INLINE for e in element.iterdescendants())


def words_of(element, base_style):
    """The words of a paragraph with their style and link, "\n" for a line break."""
    pending_space = False

    def split(text, style, link):
        nonlocal pending_space
        if not text:
            return
        if text[0].isspace():
            pending_space = True
        for word in text.split():
            yield Word(word, style, link, pending_space)
            pending_space = True
        pending_space = text[-1].isspace() if text.split() else pending_space

    def walk(node, style, link):
        nonlocal pending_space
        yield from split(node.text, style, link)
        for child in node:
            if child.tag == "br":
                yield Word("\n", style, link, False)
                pending_space = False
            else:
                child_style = style
                if child.tag in ("b", "strong") and "B" not in style and "M" not in style:
                    child_style = "B" + style
                elif child.tag in ("i", "em") and "I" not in style and "M" not in style:
                    child_style = style + "I"
                elif child.tag == "code":
                    child_style = "M"
                child_link = child.get("href", "") if child.tag == "a" else link
                yield from walk(child, child_style, child_link)
            yield from split(child.tail, style, link)
    first = True
    for word in walk(element, base_style, ""):
        if first:
            word = word._replace(space=False)
            first = word.text == "\n"
        yield word


class Measure:
    """Text widths in mm from the fonts' glyph widths, a word at a time."""

    def __init__(self, pdf, size):
        self.pdf, self.scale = pdf, size * 0.001 / pdf.k
        self.widths = {}

    def width(self, text, style):
        widths = self.widths.get(style)
        if widths is None:
            key = (MONO.lower() if "M" in style else FAMILY.lower()) + style.replace("M", "")
            widths = self.widths[style] = self.pdf.fonts[key].cw
        return sum(map(widths.__getitem__, map(ord, text))) * self.scale


def runs(line, measure):
    """A line's words joined into runs of one style and link: (style, link, text, width);
    the space between two runs belongs to the second, unless that one is a link."""
    found = []
    for word, space, advance in line:
        if found and found[-1][0] == word.style and found[-1][1] == word.link:
            style, link, text, width = found[-1]
            found[-1] = (style, link, text + (" " if space else "") + word.text,
                         width + space + advance)
        elif space and found and word.link:     # a link is underlined without the space
            style, link, text, width = found[-1]
            found[-1] = (style, link, text + " ", width + space)
            found.append((word.style, word.link, word.text, advance))
        else:
            found.append((word.style, word.link, (" " if space else "") + word.text,
                          space + advance))
    return found


@lru_cache(maxsize=1)
def _fast_widths_class():
    """fpdf2's line breaking measures the line so far for every character it adds; with
    its generator-based sum that was most of a long course's build time. The same widths,
    summed by map() (only the method differs: instances keep their data and slots)."""
    # imported on first use: fpdf2 (with fontTools, Pillow) takes ~0.4 s to import
    from fpdf.fonts import TTFFont

    class FastWidths(TTFFont):
        __slots__ = ()

        def get_text_width(self, text, font_size_pt, text_shaping_params):
            if text_shaping_params or self.is_symbol:
                return super().get_text_width(text, font_size_pt, text_shaping_params)
            if font_size_pt > self.biggest_size_pt:
                self.biggest_size_pt = font_size_pt
            return len(text), sum(map(self.cw.__getitem__, map(ord, text))) \
                * font_size_pt * 0.001
    return FastWidths

