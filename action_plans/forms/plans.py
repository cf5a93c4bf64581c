"""Starting a plan."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from action_plans import VISIBILITY_LABELS
from lms.auth.forms import Normalised
from lms.forms import options
from lms.i18n import LANGUAGE_NAMES
from lms.licences import LICENCES


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
