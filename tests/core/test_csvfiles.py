"""The core's CSV files: safe exports and imports that take all rows or none."""
import csv
import io
from datetime import date

import pytest

from lms.csvfiles import Column, csv_response, read_csv

pytestmark = pytest.mark.database_independent


def test_a_download_opens_in_a_spreadsheet_with_its_letters_and_no_formulas(app):
    with app.test_request_context("/"):
        response = csv_response("plan 2027/ä.csv", ["Name", "Note"],
                                [["Şule Çelik", "=HYPERLINK(\"http://x\")"], ["Jürgen", "-1+2"]])
    body = response.data.decode("utf-8")
    assert body.startswith("\ufeff") and response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == 'attachment; filename="plan-2027-ä.csv"'
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows == [["Name", "Note"], ["Şule Çelik", "'=HYPERLINK(\"http://x\")"],
                    ["Jürgen", "'-1+2"]]


def number(text):
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"“{text}” is not a whole number.") from None


COLUMNS = [Column("title", "Title", required=True, aliases=("Titel",)),
           Column("target", "Target", parse=number),
           Column("due", "Due", parse=date.fromisoformat)]


@pytest.mark.parametrize("data", [
    b"Title,Target,Due\nJobs fair,40,2027-03-01\n\nLanguage caf\xc3\xa9,,\n",
    b"\xef\xbb\xbfTitel;Target;Due\nJobs fair;40;2027-03-01\nLanguage caf\xc3\xa9;;\n",
    b"title;target;due\r\nJobs fair;40;2027-03-01\r\nLanguage caf\xe9;;\r\n",   # Windows-1252
])
def test_an_import_reads_every_row_from_any_spreadsheets_csv(app, data):
    with app.test_request_context("/"):
        result = read_csv(data, COLUMNS)
    assert result.ok
    assert result.rows == [{"title": "Jobs fair", "target": 40, "due": date(2027, 3, 1)},
                           {"title": "Language café", "target": None, "due": None}]


def test_an_import_with_bad_rows_takes_none_and_says_which_line_and_column(app):
    data = b"Title,Target,Due\nJobs fair,forty,2027-03-01\n,5,2027-02-30\nFine,1,\n"
    with app.test_request_context("/"):
        result = read_csv(data, COLUMNS)
    assert result.rows == []
    assert [(e.row, e.column) for e in result.errors] == [
        (2, "Target"), (3, "Title"), (3, "Due")]
    assert result.errors[0].message == "“forty” is not a whole number."
    assert result.errors[1].message == "This column needs a value."


def test_an_import_speaks_the_persons_language(app):
    with app.test_request_context("/", headers={"Accept-Language": "de"}):
        missing = read_csv(b"Target\n1\n", COLUMNS)
        empty = read_csv(b"", COLUMNS)
    assert [(e.row, e.column) for e in missing.errors] == [(1, "Title")]
    assert missing.errors[0].message == "Diese Spalte fehlt."
    assert empty.errors[0].message == "Die Datei ist leer."


def test_an_import_refuses_a_file_too_long_at_once(app):
    data = b"Title\n" + b"row\n" * 11
    with app.test_request_context("/"):
        result = read_csv(data, COLUMNS, max_rows=10)
    assert result.rows == [] and "more than 10 rows" in result.errors[0].message
