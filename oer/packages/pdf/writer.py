"""The document drawn with fpdf2: title page, contents with page numbers, every part in
reading order, the answers and the attribution last, with bookmarks for every part."""
import re
from datetime import timezone
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from flask import current_app
from flask_babel import gettext as _
from lxml import etree
from lxml import html as lxml_html
from markupsafe import Markup, escape

from lms.pdf import FAMILY, MONO, document_class
from oer.packages import content
from oer.packages.licences import package_licence
from oer.packages.pdf.fonts import BODY_SIZE
from oer.packages.pdf.html import image_files, simplify
from oer.packages.pdf.lines import (PARAGRAPH_SIZES, TEXT_BLOCKS, Measure, _fast_widths_class,
                                    inline_only, runs, words_of)

ITALIC = re.compile(r"<(i|em)\b")
CODE = re.compile(r"<(code|pre)\b")
LINK_COLOUR = (11, 79, 138)
TOC_LINE, TOC_NUMBER, TOC_INDENT = 6, 12, 6
HEADING_SIZES = (20, 15, 12.5, 11.5, 11, BODY_SIZE, BODY_SIZE)


@lru_cache(maxsize=1)
def _fpdf_class():
    class Package(document_class()):
        def footer(self):
            if self.page_no() > 1:
                self.set_y(-15)
                self.set_font(FAMILY, "", 9)
                self.cell(0, 10, str(self.page_no()), align="C")
    return Package


def language_name(code):
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError, AttributeError):
        return code
    return (locale.get_display_name(locale) or code).capitalize()


class Writer:
    def __init__(self, snapshot, context):
        # imported on first use: fpdf2 (with fontTools, Pillow) takes ~0.4 s to import
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
            self.pdf.use_font(family, style).__class__ = _fast_widths_class()

    def html(self, fragment):
        if not fragment:
            return
        if ITALIC.search(fragment):
            self.use_font(FAMILY, "I")
            self.use_font(FAMILY, "BI")
        if CODE.search(fragment):       # code may sit in bold or italic text
            for style in ("", "B", "I", "BI"):
                self.use_font(MONO, style)
        # imported on first use: fpdf2 (with fontTools, Pillow) takes ~0.4 s to import
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
        # imported on first use: fpdf2 (with fontTools, Pillow) takes ~0.4 s to import
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

