"""The whole plan for printing and for word processors: PDF (fpdf2, the core's one PDF engine)
and DOCX (python-docx). The same Document gives the same bytes: the files' dates come from the
caller (an adopted version's date), never from the clock."""
import io
import zipfile
from datetime import datetime, timezone

from docx import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.shared import Pt

from lms.pdf import FAMILY, document_class

FIXED_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def docx_bytes(document, stamp: datetime):
    word = WordDocument()
    properties = word.core_properties
    properties.title, properties.language = document.title, document.language
    properties.author = properties.last_modified_by = ""
    properties.created = properties.modified = stamp.replace(tzinfo=None)
    properties.revision = 1
    style = word.styles["Normal"]
    style.font.size = Pt(10.5)
    word.add_heading(document.title, level=0)
    table = word.add_table(rows=0, cols=2)
    for label, value in document.facts:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    if document.summary:
        word.add_paragraph(document.summary)
    word.add_heading(document.labels["sections"], level=1)
    for title, blocks in document.sections:
        word.add_heading(title, level=2)
        _blocks(word, blocks)
    if document.goals:
        word.add_heading(document.labels["goals"], level=1)
    for goal in document.goals:
        word.add_heading(goal["heading"], level=2 if goal["general"] else 3)
        if goal["area"]:
            word.add_paragraph(f'{document.labels["area"]}: {goal["area"]}')
        _blocks(word, goal["text"])
        if goal["actions"]:
            _table(word, document.action_headings, goal["actions"])
    if document.indicators:
        word.add_heading(document.labels["indicators"], level=1)
        _table(word, document.indicator_headings, document.indicators)
    out = io.BytesIO()
    word.save(out)
    return _stable_zip(out.getvalue())


def _blocks(word, blocks):
    for block in blocks:
        if block.kind == "h":
            paragraph = word.add_heading(level=4)
        elif block.kind == "li":
            paragraph = word.add_paragraph(
                style="List Number" if block.numbered else "List Bullet")
        else:
            paragraph = word.add_paragraph()
        for text, bold, italic in block.runs:
            run = paragraph.add_run(text)
            run.bold, run.italic = bold or None, italic or None


def _table(word, headings, rows):
    table = word.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, headings):
        cell.text = heading
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        for cell, value in zip(table.add_row().cells, row):
            cell.text = value
    word.add_paragraph().add_run().add_break(WD_BREAK.LINE)


def _stable_zip(data):
    """The same archive with every entry dated 1980-01-01: python-docx stamps them with the
    current time, which would make each export of one version differ."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, FIXED_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()


def pdf_bytes(document, stamp: datetime):
    pdf = document_class()(format="A4", unit="mm")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    for style in ("", "B", "I", "BI"):
        pdf.use_font(FAMILY, style)
    pdf.set_title(document.title)
    pdf.set_lang(document.language)
    pdf.set_creator("Inclusion LMS")
    pdf.set_producer("fpdf2")
    pdf.set_creation_date(stamp.replace(tzinfo=timezone.utc) if stamp.tzinfo is None
                          else stamp)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font(FAMILY, "B", 18)
    pdf.multi_cell(width, 9, document.title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(FAMILY, "", 10)
    for label, value in document.facts:
        pdf.set_font(FAMILY, "B", 10)
        pdf.cell(40, 6, label)
        pdf.set_font(FAMILY, "", 10)
        pdf.multi_cell(width - 40, 6, value, new_x="LMARGIN", new_y="NEXT")
    if document.summary:
        pdf.ln(2)
        pdf.multi_cell(width, 5.5, document.summary, new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, width, document.labels["sections"], 15)
    for title, blocks in document.sections:
        _heading(pdf, width, title, 12.5)
        _pdf_blocks(pdf, width, blocks)
    if document.goals:
        _heading(pdf, width, document.labels["goals"], 15)
    for goal in document.goals:
        _heading(pdf, width, goal["heading"], 12.5 if goal["general"] else 11)
        if goal["area"]:
            pdf.set_font(FAMILY, "I", 9.5)
            pdf.multi_cell(width, 5, f'{document.labels["area"]}: {goal["area"]}',
                           new_x="LMARGIN", new_y="NEXT")
        _pdf_blocks(pdf, width, goal["text"])
        if goal["actions"]:
            _pdf_table(pdf, document.action_headings, goal["actions"],
                       (14, 52, 34, 34, 20, 16))
    if document.indicators:
        _heading(pdf, width, document.labels["indicators"], 15)
        _pdf_table(pdf, document.indicator_headings, document.indicators,
                   (14, 62, 18, 18, 18, 40))
    return bytes(pdf.output())


def _heading(pdf, width, text, size):
    pdf.ln(3)
    pdf.set_font(FAMILY, "B", size)
    pdf.start_section(text, level=0 if size >= 15 else 1)
    pdf.multi_cell(width, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _pdf_blocks(pdf, width, blocks):
    """Each block's runs written one after the other (write() wraps them), bold and italic
    from the runs: the text itself is never read as markup."""
    margin = pdf.l_margin
    for block in blocks:
        if block.kind == "li":
            pdf.set_left_margin(margin + 5)
            pdf.set_x(margin + 1)
            pdf.set_font(FAMILY, "", 10)
            pdf.write(5.5, "•  ")
        for text, bold, italic in block.runs:
            style = "B" if bold or block.kind == "h" else ""
            pdf.set_font(FAMILY, style + ("I" if italic else ""), 10)
            pdf.write(5.5, text)
        pdf.set_left_margin(margin)
        pdf.ln(5.5)
        pdf.ln(1.5)


def _pdf_table(pdf, headings, rows, widths):
    pdf.set_font(FAMILY, "", 8.5)
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=4.5,
                   first_row_as_headings=True) as table:
        for values in [headings] + rows:
            row = table.row()
            for value in values:
                row.cell(value)
    pdf.ln(3)
