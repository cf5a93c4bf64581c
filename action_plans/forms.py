"""Forms of the action plans plugin."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.widgets import HiddenInput
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, \
    ValidationError

from action_plans import VISIBILITY_LABELS
from lms.auth.forms import Normalised
from lms.forms import options
from lms.i18n import LANGUAGE_NAMES
from lms.licences import LICENCES

MAX_TEXT = 50_000


def version_field():
    return IntegerField(widget=HiddenInput(), validators=[
        InputRequired(message=_l("This form is missing its version; please reload the page.")),
        NumberRange(min=1, max=2**31 - 1)])


class PlanForm(FlaskForm):
    network = SelectField(_l("Network"), coerce=int)
    title = StringField(_l("Title"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please give the plan a title.")), Length(max=200)])
    territory = StringField(_l("Territory"), filters=[Normalised.strip],
                            validators=[Optional(), Length(max=200)],
                            description=_l("The city, district or region the plan is for."))
    period_start = DateField(_l("Start of the period"), validators=[
        InputRequired(message=_l("Please enter the date the plan starts."))])
    period_end = DateField(_l("End of the period"), validators=[
        InputRequired(message=_l("Please enter the date the plan ends."))])
    summary = TextAreaField(_l("Summary"), filters=[Normalised.strip],
                            validators=[Optional(), Length(max=5000)])
    language = SelectField(_l("Language of the plan"), choices=options(LANGUAGE_NAMES.items()))
    licence = SelectField(_l("Licence"))
    visibility = SelectField(_l("Who can read it"), choices=options(VISIBILITY_LABELS.items()),
                             default="network")

    def __init__(self, *args, networks=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.network.choices = options((n.id, n.name) for n in networks)
        self.licence.choices = options(LICENCES.items())

    def validate_period_end(self, field):
        if self.period_start.data and field.data and field.data <= self.period_start.data:
            raise ValidationError(_l("The end of the period must come after its start."))


class SectionForm(FlaskForm):
    title = StringField(_l("Title"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please give the section a title.")), Length(max=200)])
    body = TextAreaField(_l("Text"), validators=[Length(max=MAX_TEXT)],
                         description=_l("Markdown: **bold**, *italic*, lists, links, tables."))
    version = version_field()
    # set on the resolution page: the edit revision this save settles
    edit_id = IntegerField(widget=HiddenInput(),
                           validators=[Optional(), NumberRange(min=1, max=2**31 - 1)])


class NewSectionForm(FlaskForm):
    title = StringField(_l("Title of the new section"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please give the section a title.")), Length(max=200)])
