"""CSV files: exports that spreadsheets open safely, and imports that take all rows or none."""
import csv
import io
import re
from dataclasses import dataclass, field

from flask import Response
from flask_babel import gettext as _, lazy_gettext as _l

# Text starting with one of these is run as a formula by spreadsheets (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel reads a UTF-8 file as its local code page unless it starts with this mark.
BOM = "\ufeff"
MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_ROWS = 5000


def safe_cell(value):
    """`value` as text a spreadsheet shows as it is: a leading ' keeps a formula as text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(header, rows):
    """The header and rows as CSV text, every cell guarded by safe_cell()."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([safe_cell(c) for c in header])
    writer.writerows([safe_cell(c) for c in row] for row in rows)
    return out.getvalue()


def csv_response(filename, header, rows):
    """A download of the rows as `filename`: UTF-8 with the byte-order mark Excel needs."""
    name = re.sub(r'[^\w.-]', "-", filename)
    return Response(BOM + csv_text(header, rows), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@dataclass
class Column:
    """A column an import reads: `header` as people see it in the file (in any of the
    interface languages, see `aliases`), `parse` turns the cell's text into a value or raises
    ValueError with a message for the person, `required` refuses an empty cell."""
    key: str
    header: str
    parse: object = str
    required: bool = False
    aliases: tuple = ()


@dataclass
class RowError:
    row: int           # the line in the file, as a spreadsheet numbers it (the header is 1)
    column: str        # the column's header, or "" for the row as a whole
    message: str


@dataclass
class ImportResult:
    """Either `rows` (a dict per line, by column key) and no errors, or errors and no rows."""
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


REQUIRED = _l("This column needs a value.")


def read_csv(data, columns, max_rows=MAX_IMPORT_ROWS):
    """Read CSV bytes against `columns`. All rows or none: one error anywhere and `rows` is
    empty, so the caller stores nothing; `errors` lists every problem found, row by row, in
    the language of the request. Comma or semicolon separated (spreadsheets in German and
    Italian write semicolons), UTF-8 with or without the byte-order mark, or Windows-1252."""
    if len(data) > MAX_IMPORT_BYTES:
        return _refused(_("The file is larger than %(size)s MB.",
                          size=MAX_IMPORT_BYTES // (1024 * 1024)))
    text = _decode(data)
    if not text.strip():
        return _refused(_("The file is empty."))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        lines = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as exc:
        return _refused(_("The file is not a CSV table (%(reason)s).", reason=str(exc)))
    header, body = [cell.strip().lower() for cell in lines[0]], lines[1:]
    positions, errors = {}, []
    for column in columns:
        names = {column.header.lower(), column.key.lower(), *(a.lower() for a in column.aliases)}
        found = [i for i, name in enumerate(header) if name in names]
        if found:
            positions[column.key] = found[0]
        elif column.required:
            errors.append(RowError(1, str(column.header), _("This column is missing.")))
    if errors:
        return ImportResult(errors=errors)
    if len(body) > max_rows:
        return _refused(_("The file has more than %(count)s rows.", count=max_rows))
    rows = []
    for number, line in enumerate(body, start=2):
        if not any(cell.strip() for cell in line):
            continue
        row = {}
        for column in columns:
            position = positions.get(column.key)
            cell = line[position].strip() if position is not None and position < len(line) \
                else ""
            if not cell:
                if column.required:
                    errors.append(RowError(number, str(column.header), str(REQUIRED)))
                row[column.key] = None
                continue
            try:
                row[column.key] = column.parse(cell)
            except ValueError as exc:
                errors.append(RowError(number, str(column.header), str(exc)))
        rows.append(row)
    return ImportResult(errors=errors) if errors else ImportResult(rows=rows)


def _decode(data):
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _refused(message):
    return ImportResult(errors=[RowError(0, "", message)])
