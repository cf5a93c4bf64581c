"""A certificate of completion as a PDF: landscape A4 in a double frame, in the learner's
language, drawn with the core's PDF engine (lms.pdf)."""
from datetime import timezone

from flask_babel import format_date, get_locale
from flask_babel import gettext as _

from lms.pdf import FAMILY, document_class

INK, GREY = (27, 31, 36), (74, 83, 96)
MARGIN, PADDING_TOP, PADDING_SIDE = 18, 24, 16     # mm, as the page had when it was HTML


def draw_certificate(completion, verify_url, issuer):
    """The PDF's bytes for `completion` (its learner, course, date and code), with the address
    where anyone can check it and the name of the platform that issued it."""
    pdf = document_class()(orientation="landscape", format="A4", unit="mm")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(False)
    pdf.c_margin = 0
    pdf.use_font(FAMILY, "")
    pdf.use_font(FAMILY, "B")
    metadata(pdf, completion, issuer)
    pdf.add_page()
    frame(pdf)
    width = pdf.w - 2 * (MARGIN + PADDING_SIDE)
    pdf.set_y(MARGIN + PADDING_TOP)
    for text, style, size, colour, above in lines(completion, verify_url, issuer):
        pdf.set_y(pdf.get_y() + above)
        pdf.set_x(MARGIN + PADDING_SIDE)
        pdf.set_font(FAMILY, style, size)
        pdf.set_text_color(*colour)
        pdf.multi_cell(width, size * 0.3528 * 1.25, text, align="C",
                       new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def lines(completion, verify_url, issuer):
    """(text, font style, size in pt, colour, space above in mm) of each line."""
    return (
        (_("Certificate of completion"), "", 12, INK, 0),
        (completion.user.display_name, "B", 28, INK, 8),
        (_("has completed the course"), "", 12, INK, 8),
        (completion.course.title, "", 20, INK, 6),
        (_("on %(date)s", date=format_date(completion.completed_at, "long")), "", 12, INK, 6),
        (_("Certificate code: %(code)s", code=completion.code), "", 10, GREY, 8),
        (_("Check it at %(url)s", url=verify_url), "", 10, GREY, 3),
        (issuer, "", 10, GREY, 3),
    )


def frame(pdf):
    """A double rule around the page's text."""
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.53)
    for inset in (0, 1.06):
        pdf.rect(MARGIN + inset, MARGIN + inset, pdf.w - 2 * (MARGIN + inset),
                 pdf.h - 2 * (MARGIN + inset))


def metadata(pdf, completion, issuer):
    completed = completion.completed_at
    if completed.tzinfo is None:
        completed = completed.replace(tzinfo=timezone.utc)
    pdf.set_title(f"{_('Certificate')} – {completion.course.title}")
    pdf.set_author(issuer)
    pdf.set_producer("fpdf2")
    pdf.set_lang(str(get_locale() or "en").replace("_", "-"))
    pdf.set_creation_date(completed)     # the same certificate, the same bytes
