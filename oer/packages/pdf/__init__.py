"""The PDF document, drawn with the core's PDF engine (fpdf2, `lms.pdf`): title page, contents
with page numbers, every part in reading order (sections as headings, pages' HTML, quizzes'
questions, discussions' prompts), the answers and the attribution last, with bookmarks for
every part.

fpdf2's `write_html()` knows basic HTML only, so each part's sanitised HTML is first reduced to
what it draws well (`simplify`). Pictures come from the snapshot's image files alone:
`media/...` names map to `Asset.source`; any other image becomes its text description, so
nothing is fetched from the network or the disk.
The text is set in the core's DejaVu Sans, which covers German, Italian and Turkish; the same
snapshot and context give the same bytes (fixed dates, file id from the content).

The package's modules: `html` (simplify), `lines` (paragraphs set word by word), `fonts`,
`writer` (the document); `build` is the format's entry point.
"""
from oer.packages.archive import check_assets
from oer.packages.pdf.fonts import fonts_available
from oer.packages.pdf.writer import ContentsMisfit, Writer

__all__ = ["ContentsMisfit", "Writer", "build", "fonts_available"]


def build(snapshot, fileobj, context):
    check_assets(snapshot)
    fonts_available()
    try:
        data = Writer(snapshot, context).write()
    except ContentsMisfit as misfit:
        data = Writer(snapshot, context).write(misfit.pages)
    fileobj.write(data)
