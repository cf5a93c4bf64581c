"""The form for attaching a template or checklist to a course."""
from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from courses.toolkit import RESOURCE_KIND_LABELS
from courses.toolkit.files import RefusedFile, sniff
from lms.auth.forms import Normalised
from lms.forms import options


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
