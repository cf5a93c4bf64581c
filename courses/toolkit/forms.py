"""Forms for building self-assessment tools, for filling them in, and for attaching a template
or checklist to a course."""
from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from courses.toolkit import RESOURCE_KIND_LABELS, SCALE
from courses.toolkit.services.authoring import statement_lines
from courses.toolkit.services.files import RefusedFile, sniff
from lms.auth.forms import Normalised
from lms.forms import options
from lms.i18n import LANGUAGE_NAMES

MAX_STATEMENTS = 30


class ToolForm(FlaskForm):
    title = StringField(_l("Title"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please give the tool a title.")), Length(max=200)])
    summary = TextAreaField(_l("What the tool helps with"), validators=[
        Optional(), Length(max=2000)],
        description=_l("Shown before people start. Say who it is for and how long it takes."))
    language = SelectField(_l("Language"))
    course = SelectField(_l("Course"), default="", description=_l(
        "The tool is shown on the course's page, and the course's trainers may edit it."))
    low_threshold = IntegerField(_l("First band ends at (%)"), default=40, validators=[
        DataRequired(message=_l("Please enter a number from 1 to 99.")),
        NumberRange(min=1, max=99, message=_l("Please enter a number from 1 to 99."))],
        description=_l("Scores below this show the advice for \"getting started\"."))
    high_threshold = IntegerField(_l("Third band starts at (%)"), default=75, validators=[
        DataRequired(message=_l("Please enter a number from 2 to 100.")),
        NumberRange(min=2, max=100, message=_l("Please enter a number from 2 to 100."))],
        description=_l("Scores from this on show the advice for \"well established\"."))

    def __init__(self, *args, courses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = options(
            (code, LANGUAGE_NAMES[code]) for code in current_app.config["LANGUAGES"])
        self.course.choices = options([("", _l("No course"))]
                                      + [(str(course.id), course.title) for course in courses])

    def validate_high_threshold(self, field):
        low = self.low_threshold.data
        if field.data is not None and low is not None and field.data <= low:
            raise ValidationError(_l("The third band must start above the end of the first."))


class DimensionForm(FlaskForm):
    title = StringField(_l("Dimension"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please name the dimension.")), Length(max=200)])
    description = TextAreaField(_l("What this dimension is about"),
                                validators=[Optional(), Length(max=2000)])
    statements = TextAreaField(
        _l("Statements"), validators=[DataRequired(message=_l("Please write at least one "
                                                              "statement."))],
        description=_l("One statement per line, written so that \"fully\" is the best answer."))
    advice_low = TextAreaField(_l("Advice for \"getting started\""), validators=[
        DataRequired(message=_l("Please write the advice for this band.")), Length(max=5000)],
        description=_l("Markdown: **bold**, lists with -, links."))
    advice_middle = TextAreaField(_l("Advice for \"on the way\""), validators=[
        DataRequired(message=_l("Please write the advice for this band.")), Length(max=5000)])
    advice_high = TextAreaField(_l("Advice for \"well established\""), validators=[
        DataRequired(message=_l("Please write the advice for this band.")), Length(max=5000)])

    def validate_statements(self, field):
        lines = statement_lines(field.data)
        if len(lines) > MAX_STATEMENTS:
            raise ValidationError(_l("Please keep to %(count)d statements per dimension.",
                                     count=MAX_STATEMENTS))
        if any(len(line) > 500 for line in lines):
            raise ValidationError(_l("Each statement can have at most 500 characters."))


def statement_field(statement):
    return f"statement-{statement.id}"


def answer_form(tool, memberships):
    """A form with one scale question per statement and the choice of organisation."""
    class AnswerForm(FlaskForm):
        organisation = SelectField(
            _l("I answer for"),
            choices=options([("", _l("My own practice"))]
                            + [(str(m.organisation_id), m.organisation.name)
                               for m in memberships]),
            description=_l("Results for an organisation count in its summary for its admins, "
                           "without your name and only when at least five people answered."))

    for dimension in tool.dimensions:
        for statement in dimension.statements:
            setattr(AnswerForm, statement_field(statement), RadioField(
                statement.text, choices=options((str(value), label) for value, label in SCALE),
                validators=[DataRequired(message=_l("Please choose an answer."))]))
    return AnswerForm()


class ResourceForm(FlaskForm):
    title = StringField(_l("Title"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please give the file a title.")), Length(max=200)])
    kind = SelectField(_l("Kind"), choices=options(RESOURCE_KIND_LABELS.items()),
                       default="template")
    description = TextAreaField(_l("What it is for"), validators=[Optional(), Length(max=1000)])
    file = FileField(_l("File"), validators=[FileRequired(message=_l("Please choose a file."))])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.file.description = _l(
            "Markdown, CSV or plain text, PDF, Word, Excel or OpenDocument; at most %(size)d MB.",
            size=current_app.config["COURSES_RESOURCE_MAX_BYTES"] // (1024 * 1024))

    def validate_file(self, field):
        """Reads the upload once: keeps its bytes and type for the view, or refuses it."""
        limit = current_app.config["COURSES_RESOURCE_MAX_BYTES"]
        data = field.data.read(limit + 1)
        if len(data) > limit:
            raise ValidationError(_l("The file is larger than %(size)d MB.",
                                     size=limit // (1024 * 1024)))
        if not data:
            raise ValidationError(_l("The file is empty."))
        try:
            self.content_type, self.extension = sniff(data, field.data.filename or "")
        except RefusedFile as exc:
            raise ValidationError(_l("This kind of file cannot be offered here. Please upload "
                                     "Markdown, CSV or plain text, PDF, Word, Excel or "
                                     "OpenDocument.")) from exc
        self.content = data
