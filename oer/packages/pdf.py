"""The PDF document, drawn with fpdf2: title page, contents with page numbers, every part in
reading order (sections as headings, pages' HTML, quizzes' questions, discussions' prompts),
the answers and the attribution last, with bookmarks for every part.

fpdf2 is pure Python, quick and small (a 100-lesson course in a fraction of a second, a few MB
of memory; WeasyPrint needed seconds and ~100 MB). Its `write_html()` knows basic HTML only,
so each part's sanitised HTML is first reduced to what it draws well (`simplify`). Pictures
come from the snapshot's image files alone: `media/...` names map to `Asset.source`; any other
image becomes its text description, so nothing is fetched from the network or the disk.
The text is set in DejaVu Sans (Debian's fonts-dejavu-core and -extra), which covers German,
Italian and Turkish; the same snapshot and context give the same bytes (fixed dates, file id
from the content).
"""
import os
import re
from functools import lru_cache
from typing import NamedTuple

from babel import Locale, UnknownLocaleError
from flask import current_app
from flask_babel import gettext as _
from lxml import etree
from lxml import html as lxml_html
from markupsafe import Markup, escape

from oer.packages import content
from oer.packages.archive import check_assets
from oer.packages.base import BuildError
from oer.packages.licences import package_licence

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FAMILY, MONO = "DejaVu", "DejaVuMono"
# fonts-dejavu-core has the upright ones, fonts-dejavu-extra the oblique ones. Only those a
# document uses are loaded (each costs ~4 MB while building).
FONTS = {(FAMILY, ""): "DejaVuSans.ttf", (FAMILY, "B"): "DejaVuSans-Bold.ttf",
         (FAMILY, "I"): "DejaVuSans-Oblique.ttf", (FAMILY, "BI"): "DejaVuSans-BoldOblique.ttf",
         (MONO, ""): "DejaVuSansMono.ttf", (MONO, "B"): "DejaVuSansMono-Bold.ttf",
         (MONO, "I"): "DejaVuSansMono-Oblique.ttf",
         (MONO, "BI"): "DejaVuSansMono-BoldOblique.ttf"}
ITALIC = re.compile(r"<(i|em)\b")
CODE = re.compile(r"<(code|pre)\b")
# drawn as pictures; other media (video, audio, documents) stay a name in the text
IMAGE_TYPES = {"image/png", "image/jpeg", "image/gif"}
LINK_COLOUR = (11, 79, 138)
BODY_SIZE = 10.5
TOC_LINE, TOC_NUMBER, TOC_INDENT = 6, 12, 6
HEADING_SIZES = (20, 15, 12.5, 11.5, 11, BODY_SIZE, BODY_SIZE)
MM_PER_PX = 25.4 / 96
# what write_html draws; anything else keeps its text only
KEEP = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "b", "strong",
        "i", "em", "u", "code", "pre", "blockquote", "a", "img", "table", "tr", "th", "td",
        "dl", "dt", "dd", "sup", "sub", "del", "s"}
BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "pre", "blockquote",
          "table", "dl", "dt", "dd", "hr", "img"}
CONTAINERS = {"div", "section", "article", "header", "footer", "nav", "figure", "figcaption",
              "aside", "main", "address", "center"}
ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt", "width", "height"}}
SPACE = re.compile(r"\s+")


def fonts_available():
    """The font files the PDF needs, or BuildError naming the first one missing."""
    for name in FONTS.values():
        path = os.path.join(FONT_DIR, name)
        if not os.path.isfile(path):
            raise BuildError(_("The PDF cannot be built: the font %(file)s is missing on the "
                               "server.", file=path))


# HTML fpdf2 can draw ----------------------------------------------------------------------

def simplify(fragment, images, links_to_text=()):
    """Sanitised HTML reduced to what fpdf2's write_html draws: unknown elements keep their
    text, tables hold text cells of equal count (pictures in them follow the table), lists
    and quotes hold no tables, pictures point to asset files (else become their description),
    links to package files and anchors become text. `images` maps media names to
    (path, width in mm, height in mm)."""
    if not fragment or not fragment.strip():
        return ""
    parser = lxml_html.HTMLParser(encoding="utf-8")
    root = lxml_html.fragment_fromstring(fragment.encode("utf-8"), create_parent="div",
                                         parser=parser)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):        # comments, processing instructions
            remove_keep_tail(element)
            continue
        if element is root:
            continue
        classes = (element.get("class") or "").split()
        if "prompt" in classes or "hint" in classes:   # quizzes' questions and hints
            emphasis = etree.Element("b" if "prompt" in classes else "i")
            emphasis.text, element.text = element.text, None
            for child in list(element):
                emphasis.append(child)
            element.append(emphasis)
        allowed = ATTRIBUTES.get(element.tag, set())
        for name in list(element.attrib):
            if name not in allowed:
                del element.attrib[name]
    for table in list(root.iter("table")):
        flatten_table(table)
    for element in list(root.iter()):
        if element is root or not isinstance(element.tag, str):
            continue
        if element.tag == "img":
            picture(element, images)
        elif element.tag == "a":
            href = (element.get("href") or "").strip()
            if not href or href.startswith("#") or href in links_to_text or \
                    not re.match(r"^(https?|mailto):", href, re.I):
                element.drop_tag()
        elif element.tag not in KEEP:
            if element.tag in CONTAINERS and not any(
                    isinstance(child.tag, str) and child.tag in BLOCKS for child in element):
                element.tag = "p"       # a box of text stays a paragraph
            else:
                element.drop_tag()
    # tables inside lists, quotes or paragraphs break the layout: they move to the top level
    for table in list(root.iter("table")):
        outer = table
        while outer.getparent() is not root:
            outer = outer.getparent()
        if outer is not table:
            move_after(table, outer)
    # a list item's paragraphs become lines, so its number or bullet stays beside the text
    for item in root.iter("li"):
        for paragraph in [child for child in item if child.tag == "p"]:
            if paragraph.getnext() is not None or (paragraph.tail or "").strip():
                paragraph.append(etree.Element("br"))
            paragraph.drop_tag()
    for pre in root.iter("pre"):       # no markup inside pre: its text only
        text = pre.text_content()
        for child in list(pre):
            pre.remove(child)
        pre.text = text
    text = escape(root.text or "")
    return str(text) + "".join(etree.tostring(child, method="html", encoding="unicode")
                               for child in root)


def remove_keep_tail(element):
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def move_after(element, anchor):
    """Take `element` out of where it is (its tail stays) and put it after `anchor`."""
    tail, element.tail = element.tail, None
    parent = element.getparent()
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)
    anchor.addnext(element)


def flatten_table(table):
    """A table of plain-text cells, every row as wide as the widest; pictures in cells go
    after the table; an empty table goes away. Nested tables become their cells' text."""
    if table.getparent() is None or any(True for _ in table.iterancestors("table")):
        return
    rows, pictures = [], []
    for row in table.iter("tr"):
        if next(row.iterancestors("table")) is not table:
            continue
        cells = []
        for cell in row:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            for img in list(cell.iter("img")):
                pictures.append(img)
                remove_keep_tail(img)
            cells.append((cell.tag, SPACE.sub(" ", " ".join(cell.itertext())).strip()))
        if cells:
            rows.append(cells)
    width = max((len(cells) for cells in rows), default=0)
    parent = table.getparent()
    if width:
        new = etree.Element("table")
        new.set("border", "1")
        new.set("cellpadding", "1.2")
        for cells in rows:
            tr = etree.SubElement(new, "tr")
            for tag, text in cells + [("td", "")] * (width - len(cells)):
                etree.SubElement(tr, tag).text = text or " "
        new.tail = table.tail
        parent.replace(table, new)
        anchor = new
    else:
        anchor = table.getprevious()
        remove_keep_tail(table)
    for img in pictures:
        paragraph = etree.Element("p")
        paragraph.append(img)
        img.tail = None
        if anchor is None:
            parent.insert(0, paragraph)
        else:
            anchor.addnext(paragraph)
        anchor = paragraph


def picture(img, images):
    """An <img> of the package drawn at its size (at most the page's width); any other one
    becomes its description in brackets."""
    found = images.get((img.get("src") or "").strip())
    alt = SPACE.sub(" ", img.get("alt") or "").strip()
    if found is None:
        if alt:
            span = etree.Element("i")
            span.text = f"[{alt}]"
            span.tail = img.tail
            img.getparent().replace(img, span)
        else:
            remove_keep_tail(img)
        return
    path, width, height = found
    for name in list(img.attrib):
        del img.attrib[name]
    img.set("src", path)
    # write_html reads width/height in points
    img.set("width", f"{width * 72 / 25.4:.2f}")
    img.set("height", f"{height * 72 / 25.4:.2f}")
    parent = img.getparent()
    if parent is not None and parent.tag not in ("p", "li", "td", "th", "dd", "blockquote"):
        paragraph = etree.Element("p")
        parent.replace(img, paragraph)
        paragraph.append(img)
        paragraph.tail, img.tail = img.tail, None


def image_files(snapshot, max_width, max_height):
    """{media name: (path, width mm, height mm)} for the package's pictures, sized at 96 dpi
    and no larger than `max_width` x `max_height`; a picture that does not decode is left out
    (its description stands for it)."""
    from PIL import Image

    found = {}
    for asset in snapshot.assets:
        if asset.media_type not in IMAGE_TYPES:
            continue
        try:
            with Image.open(asset.source) as image:
                width, height = image.size
                image.load()    # a picture that cannot be decoded would break the page
        except (OSError, ValueError, SyntaxError):
            continue            # not a readable picture: its description stands for it
        width_mm, height_mm = width * MM_PER_PX, height * MM_PER_PX
        if width_mm > max_width:
            height_mm, width_mm = height_mm * max_width / width_mm, max_width
        if height_mm > max_height:
            width_mm, height_mm = width_mm * max_height / height_mm, max_height
        found[asset.name] = (os.path.abspath(asset.source), width_mm, height_mm)
    return found


# Paragraphs set word by word ---------------------------------------------------------------

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


# The document -----------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _fpdf_class():
    from fpdf import FPDF

    class Document(FPDF):
        def footer(self):
            if self.page_no() > 1:
                self.set_y(-15)
                self.set_font(FAMILY, "", 9)
                self.cell(0, 10, str(self.page_no()), align="C")

        def file_id(self):      # from the content and the creation date: reproducible
            return -1
    return Document


@lru_cache(maxsize=1)
def _fast_widths_class():
    """fpdf2's line breaking measures the line so far for every character it adds; with
    its generator-based sum that was most of a long course's build time. The same widths,
    summed by map() (only the method differs: instances keep their data and slots)."""
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


def language_name(code):
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError, AttributeError):
        return code
    return (locale.get_display_name(locale) or code).capitalize()


class Writer:
    def __init__(self, snapshot, context):
        from fpdf.fonts import FontFace, TextStyle

        self.snapshot, self.context = snapshot, context
        pdf = self.pdf = _fpdf_class()(format="A4", unit="mm")
        pdf.set_margins(20, 20, 20)
        pdf.set_auto_page_break(True, margin=22)
        self.use_font(FAMILY, "")
        self.use_font(FAMILY, "B")
        pdf.set_font(FAMILY, "", BODY_SIZE)
        pdf.c_margin = 0
        self.images = image_files(snapshot, pdf.epw, pdf.eph * 0.85)
        self.toc = []           # (title, level, page) of every part and closing section
        self.asset_names = {asset.name for asset in snapshot.assets}
        heading = dict(font_family=FAMILY, font_style="B", color=(0, 0, 0))
        self.tag_styles = {
            "h1": TextStyle(font_size_pt=16, t_margin=5, b_margin=0.4, **heading),
            "h2": TextStyle(font_size_pt=14, t_margin=4, b_margin=0.4, **heading),
            "h3": TextStyle(font_size_pt=12.5, t_margin=4, b_margin=0.4, **heading),
            "h4": TextStyle(font_size_pt=11.5, t_margin=3, b_margin=0.4, **heading),
            "h5": TextStyle(font_size_pt=BODY_SIZE, t_margin=3, b_margin=0.4, **heading),
            "h6": TextStyle(font_size_pt=BODY_SIZE, t_margin=3, b_margin=0.4, **heading),
            "a": FontFace(color=LINK_COLOUR, emphasis="UNDERLINE"),
            "code": FontFace(family=MONO),
            "pre": TextStyle(font_family=MONO, t_margin=2, b_margin=2),
            "blockquote": TextStyle(color=(60, 60, 60), t_margin=2, b_margin=2, l_margin=8),
            "dt": TextStyle(font_family=FAMILY, font_style="B", t_margin=2),
            "dd": TextStyle(l_margin=6),
        }
        self.metadata()

    def heading(self, title, level):
        """A bookmarked heading (write_html's headings cannot be combined with fpdf2's
        section styles, so parts' titles are drawn here); never alone at a page's foot."""
        pdf = self.pdf
        size = HEADING_SIZES[min(level, len(HEADING_SIZES) - 1)]
        if pdf.get_y() + 45 > pdf.page_break_trigger:
            pdf.add_page()
        elif pdf.get_y() > pdf.t_margin + 1:
            pdf.ln(4)
        pdf.start_section(title, level=level, strict=False)
        self.toc.append((title, level, pdf.page))
        pdf.set_font(FAMILY, "B", size)
        pdf.multi_cell(0, size * 0.5, title, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.5)
        pdf.set_font(FAMILY, "", BODY_SIZE)

    def metadata(self):
        from datetime import timezone

        snapshot, pdf = self.snapshot, self.pdf
        pdf.set_title(snapshot.title)
        pdf.set_author(content.names(snapshot.authors + snapshot.organisations))
        pdf.set_subject(content.attribution_sentence(snapshot, self.context))
        pdf.set_keywords(", ".join(snapshot.keywords))
        pdf.set_creator(f"{snapshot.title} — {self.context.landing_url}")
        pdf.set_producer("fpdf2")
        if snapshot.language:
            pdf.set_lang(snapshot.language)
        published = self.context.published_at
        if published.tzinfo is None:
            published = published.replace(tzinfo=timezone.utc)
        pdf.set_creation_date(published)

    def use_font(self, family, style):
        """Load a font the first time it is needed."""
        if f"{family.lower()}{style}" not in self.pdf.fonts:
            self.pdf.add_font(family, style, os.path.join(FONT_DIR, FONTS[family, style]))
            self.pdf.fonts[f"{family.lower()}{style}"].__class__ = _fast_widths_class()

    def html(self, fragment):
        if not fragment:
            return
        if ITALIC.search(fragment):
            self.use_font(FAMILY, "I")
            self.use_font(FAMILY, "BI")
        if CODE.search(fragment):       # code may sit in bold or italic text
            for style in ("", "B", "I", "BI"):
                self.use_font(MONO, style)
        from fpdf.errors import FPDFException
        try:
            self.pdf.write_html(fragment, tag_styles=self.tag_styles, font_family=FAMILY,
                                li_prefix_color=(0, 0, 0), ul_bullet_char="•",
                                table_line_separators=True, warn_on_tags_not_matching=False)
        except (FPDFException, NotImplementedError, ValueError, KeyError, OSError) as error:
            # not expected after simplify(); the reader still gets the text
            current_app.logger.warning("PDF: HTML drawn as plain text (%s)", error)
            # write_html may stop inside a nested graphics state (a link's colour, a list's
            # indent): leave it, or the document cannot be finished
            while self.pdf._is_current_graphics_state_nested():
                self.pdf._pop_local_stack()
            self.pdf.set_font(FAMILY, "", BODY_SIZE)
            self.pdf.set_x(self.pdf.l_margin)
            plain = etree.Element("p")
            plain.text = " ".join(lxml_html.fragment_fromstring(
                fragment.encode("utf-8"), create_parent="div",
                parser=lxml_html.HTMLParser(encoding="utf-8")).itertext())
            self.paragraph(plain)
        self.pdf.set_font(FAMILY, "", BODY_SIZE)

    def part_html(self, fragment):
        """A part's HTML: plain paragraphs and headings (most of a course) are set here,
        anything else (lists, tables, quotes, code, pictures) by write_html."""
        simple = simplify(fragment, self.images, self.asset_names)
        if not simple:
            return
        root = lxml_html.fragment_fromstring(simple.encode("utf-8"), create_parent="div",
                                             parser=lxml_html.HTMLParser(encoding="utf-8"))
        pending = [escape(root.text or "")] if (root.text or "").strip() else []
        for child in root:
            if isinstance(child.tag, str) and child.tag in TEXT_BLOCKS and inline_only(child):
                self.html("".join(map(str, pending)))
                pending = []
                self.paragraph(child)
                if (child.tail or "").strip():
                    pending.append(escape(child.tail))
            else:
                pending.append(etree.tostring(child, method="html", encoding="unicode"))
        self.html("".join(map(str, pending)))

    def paragraph(self, element):
        """A paragraph or heading of text, bold, italic, code and links, broken into lines
        word by word (fpdf2's own line breaking goes character by character, which made
        a 100-lesson course take over a second)."""
        pdf = self.pdf
        heading = element.tag[0] == "h"
        size = PARAGRAPH_SIZES.get(element.tag, BODY_SIZE)
        height = size * 0.3528 * (1.3 if heading else 1.45)
        words = list(words_of(element, "B" if heading else ""))
        if not words:
            return
        if heading:
            if pdf.get_y() + 3 * height + 10 > pdf.page_break_trigger:
                pdf.add_page()
            else:
                pdf.ln(2.5)
        for style in {word.style for word in words}:
            self.use_font(MONO if "M" in style else FAMILY, style.replace("M", ""))
        measure = Measure(pdf, size)
        lines, line, width = [], [], 0.0
        for word in words:
            if word.text == "\n":
                lines.append(line)
                line, width = [], 0.0
                continue
            advance = measure.width(word.text, word.style)
            space = measure.width(" ", word.style) if line and word.space else 0.0
            if line and width + space + advance > pdf.epw:
                lines.append(line)
                line, width, space = [], 0.0, 0.0
            while advance > pdf.epw and len(word.text) > 1:     # a word wider than the page
                cut = len(word.text) - 1
                while cut > 1 and measure.width(word.text[:cut], word.style) > pdf.epw:
                    cut -= 1
                lines.append(line + [(word._replace(text=word.text[:cut]), 0.0,
                                      measure.width(word.text[:cut], word.style))])
                line, width, space = [], 0.0, 0.0
                word = word._replace(text=word.text[cut:])
                advance = measure.width(word.text, word.style)
            line.append((word, space, advance))
            width += space + advance
        lines.append(line)
        for line in lines:
            if pdf.get_y() + height > pdf.page_break_trigger:
                pdf.add_page()
            y, x = pdf.get_y(), pdf.l_margin
            for style, link, text, run_width in runs(line, measure):
                pdf.set_font(MONO if "M" in style else FAMILY,
                             style.replace("M", "") + ("U" if link else ""), size)
                pdf.set_text_color(*(LINK_COLOUR if link else (0, 0, 0)))
                pdf.set_xy(x, y)
                pdf.cell(run_width, height, text, link=link or "")
                x += run_width
            pdf.set_xy(pdf.l_margin, y + height)
        pdf.set_text_color(0, 0, 0)
        pdf.set_font(FAMILY, "", BODY_SIZE)
        pdf.ln(1.5 if heading else 2.2)

    def title_page(self):
        snapshot, context, pdf = self.snapshot, self.context, self.pdf
        pdf.add_page()
        pdf.set_font(FAMILY, "B", 22)
        pdf.multi_cell(0, 10, snapshot.title, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.set_font(FAMILY, "", 12)
        for line in (content.names(snapshot.authors), content.names(snapshot.organisations)):
            if line:
                pdf.multi_cell(0, 6.5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        cover = self.images.get(snapshot.cover or "")
        if cover:
            path, width, height = cover
            if height > 100:
                width, height = width * 100 / height, 100
            pdf.image(path, w=width, h=height, alt_text=snapshot.cover_alt or None)
            pdf.ln(4)
        pdf.set_font(FAMILY, "", BODY_SIZE)
        if snapshot.description:
            pdf.multi_cell(0, 5.5, snapshot.description, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        licence = package_licence(snapshot.licence)
        rows = [(_("Language"), language_name(snapshot.language)),
                (_("Licence"), licence.label),
                (_("This release"), "{0} ({1})".format(
                    context.landing_url, _("version %(number)s of %(date)s",
                                           number=context.release_number,
                                           date=content.release_date(context))))]
        self.html(str(Markup("").join(
            Markup("<p><b>{0}:</b> {1}</p>").format(label, value) for label, value in rows)))

    def contents(self, titles, pages=None):
        """Room for the contents, drawn at the end when the page numbers are known: each
        part's title, indented by level and linked to its page, and the page number.
        `titles` [(title, level)] are the headings to come, to reserve the right number of
        pages (or `pages`, when a first try reserved too few or too many)."""
        pdf = self.pdf
        pdf.add_page()
        heading = _("Contents")
        writer = self

        def render(pdf, outline):
            pdf.set_x(pdf.l_margin)
            start = pdf.page
            pdf.set_font(FAMILY, "B", HEADING_SIZES[0])
            pdf.multi_cell(0, 10, heading, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
            pdf.set_font(FAMILY, "", BODY_SIZE)
            for title, level, page in writer.toc:
                link = pdf.add_link(page=page)
                left = min(level, 6) * TOC_INDENT
                pdf.set_x(pdf.l_margin + left)
                pdf.multi_cell(pdf.epw - left - TOC_NUMBER, TOC_LINE, title, link=link,
                               new_x="RIGHT", new_y="LAST")
                pdf.cell(TOC_NUMBER, TOC_LINE, str(page), align="R", link=link,
                         new_x="LMARGIN", new_y="NEXT")
            writer.toc_pages = pdf.page - start + 1
        if pages is None:
            pages = self.contents_pages(heading, titles)
        pdf.insert_toc_placeholder(render, pages=pages)

    def contents_pages(self, heading, titles):
        """The pages the contents will fill, line by line as render() breaks them."""
        pdf = self.pdf
        pdf.set_font(FAMILY, "B", HEADING_SIZES[0])
        y = pdf.t_margin + 10 * len(pdf.multi_cell(0, 10, heading, dry_run=True,
                                                   output="LINES")) + 3
        pdf.set_font(FAMILY, "", BODY_SIZE)
        pages = 1
        for title, level in titles:
            left = min(level, 6) * TOC_INDENT
            lines = len(pdf.multi_cell(pdf.epw - left - TOC_NUMBER, TOC_LINE, title,
                                       dry_run=True, output="LINES")) or 1
            for _line in range(lines):
                if y + TOC_LINE > pdf.page_break_trigger:
                    pages, y = pages + 1, pdf.t_margin
                y += TOC_LINE
        return pages

    def parts(self, flat):
        pdf = self.pdf
        previous = -1
        for entry in flat:
            part = entry.part
            if entry.depth == 0 and pdf.page_no() and (pdf.get_y() > pdf.t_margin + 1
                                                       or previous >= 0):
                pdf.add_page()
            level = min(entry.depth, previous + 1, 6)
            self.heading(part.title, max(level, 0))
            previous = level
            if part.kind == "discussion":
                self.html(str(content.discussion_note(part)))
            self.part_html(part.html)
            if part.kind == "quiz" and part.questions:
                # without its link to the answers (they are in the contents)
                questions = str(content.questions_html(part, "#answers"))
                cut = questions.rfind('<p><a href="#answers">')
                questions = questions[:cut] if cut >= 0 else questions
                self.html(simplify(questions, self.images))

    def answers(self):
        if not content.quizzes(self.snapshot):
            return
        self.pdf.add_page()
        self.heading(_("Answers and feedback"), 0)
        answers = lxml_html.fragment_fromstring(
            str(content.answers_html(self.snapshot, lambda part, q: "")).encode("utf-8"),
            create_parent="div", parser=lxml_html.HTMLParser(encoding="utf-8"))
        for section in answers:         # one per quiz: its title, then its answers
            title = section[0]
            self.heading(title.text_content(), 1)
            section.remove(title)
            self.html(simplify(etree.tostring(section, method="html", encoding="unicode"),
                               self.images))

    def attribution(self):
        self.pdf.add_page()
        self.heading(_("About this resource"), 0)
        self.html(simplify(str(content.attribution(self.snapshot, self.context,
                                                   heading=False)), self.images))

    def titles(self, flat):
        """Every heading the contents will list, in order, before it is drawn."""
        titles = [(entry.part.title, min(entry.depth, 6)) for entry in flat]
        quizzes = content.quizzes(self.snapshot)
        if quizzes:
            titles += [(_("Answers and feedback"), 0)] + [(part.title, 1) for part in quizzes]
        return titles + [(_("About this resource"), 0)]

    def write(self, contents_pages=None):
        """The PDF's bytes. Raises ContentsMisfit when the contents filled another number of
        pages than reserved (not expected: they are counted line by line)."""
        flat, _top = content.entries(self.snapshot)
        self.title_page()
        self.contents(self.titles(flat), contents_pages)
        self.parts(flat)
        self.answers()
        self.attribution()
        from fpdf.errors import FPDFException
        try:
            return self.pdf.output()
        except FPDFException:
            if getattr(self, "toc_pages", None) and self.toc_pages != contents_pages:
                raise ContentsMisfit(self.toc_pages)
            raise


class ContentsMisfit(Exception):
    def __init__(self, pages):
        super().__init__(pages)
        self.pages = pages


def build(snapshot, fileobj, context):
    check_assets(snapshot)
    fonts_available()
    try:
        data = Writer(snapshot, context).write()
    except ContentsMisfit as misfit:
        data = Writer(snapshot, context).write(misfit.pages)
    fileobj.write(data)
