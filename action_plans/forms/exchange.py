"""Importing a plan's actions or indicators from a CSV file."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import RadioField

from lms.forms import options

TABLES = {"actions": _l("Actions"), "indicators": _l("Indicators with measurements")}


class ImportForm(FlaskForm):
    table = RadioField(_l("What the file holds"), choices=options(TABLES.items()),
                       default="actions")
    file = FileField(_l("CSV file"), validators=[FileRequired(message=_l(
        "Please choose a CSV file."))], description=_l(
        "The columns of the export (comma or semicolon separated). Rows are matched by code: "
        "existing ones are updated, new ones added. If any row has a problem, nothing is "
        "stored and every problem is listed."))
