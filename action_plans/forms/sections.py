"""Editing a plan's narrative sections."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from action_plans.forms import MAX_TEXT, edit_id_field, version_field
from lms.auth.forms import Normalised


class SectionForm(FlaskForm):
    title = StringField(_l("Title"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please give the section a title.")), Length(max=200)])
    body = TextAreaField(_l("Text"), validators=[Length(max=MAX_TEXT)],
                         description=_l("Markdown: **bold**, *italic*, lists, links, tables."))
    version = version_field()
    edit_id = edit_id_field()


class NewSectionForm(FlaskForm):
    title = StringField(_l("Title of the new section"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please give the section a title.")), Length(max=200)])
