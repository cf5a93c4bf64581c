"""Starting a plan."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from action_plans import ORIGIN_LABELS, VISIBILITY_LABELS
from lms.auth.forms import Normalised
from lms.forms import options
from lms.i18n import LANGUAGE_NAMES
from lms.licences import LICENCES


class PlanForm(FlaskForm):
    """A new plan's fields and where it starts from: empty, a good-practice blueprint (its
    steps become planned actions) or a copy of a plan the person may read."""
    network = SelectField(_l("Network"), coerce=int)
    origin = RadioField(_l("Start from"), default="empty")
    # not validate_choice: an unknown choice gets a message of its own next to the field
    template = SelectField(_l("Good-practice blueprint"), validate_choice=False, description=_l(
        "Its steps become planned actions under a goal named after it; the kinds of "
        "organisation it involves are suggested as partners."))
    source_plan = SelectField(_l("Plan to copy"), validate_choice=False, description=_l(
        "Its sections, goals, actions with their milestones, partners and dependencies, and "
        "its indicators are copied, without measurements and without what was done."))
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

    def __init__(self, *args, networks=(), templates=(), plans=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.network.choices = options((n.id, n.name) for n in networks)
        self.licence.choices = options(LICENCES.items())
        origins = ["empty"] + (["template"] if templates else []) + (["copy"] if plans else [])
        self.origin.choices = options((key, ORIGIN_LABELS[key]) for key in origins)
        self.template.choices = options([("", _l("Choose a blueprint"))] + [
            (template.identifier, template.title) for template in templates])
        self.source_plan.choices = options([("", _l("Choose a plan"))] + [
            (str(plan.id), f"{plan.title} ({plan.network.name})") for plan in plans])

    def validate_template(self, field):
        if self.origin.data != "template":
            return
        if not field.data:
            raise ValidationError(_l("Please choose the blueprint the plan starts from."))
        if field.data not in {choice.value for choice in self.template.choices}:
            raise ValidationError(_l("This blueprint is not published (any more). Please "
                                     "choose one from the list."))

    def validate_source_plan(self, field):
        if self.origin.data != "copy":
            return
        if not field.data:
            raise ValidationError(_l("Please choose the plan to copy."))
        if field.data not in {choice.value for choice in self.source_plan.choices}:
            raise ValidationError(_l("You cannot copy this plan: it does not exist or you may "
                                     "not read it. Please choose one from the list."))

    def validate_period_end(self, field):
        if self.period_start.data and field.data and field.data <= self.period_start.data:
            raise ValidationError(_l("The end of the period must come after its start."))


class TemplateForm(FlaskForm):
    """A published good-practice blueprint whose steps join a plan as planned actions."""
    template = SelectField(_l("Good-practice blueprint"), validate_choice=False)
    goal = SelectField(_l("Under which goal"), validate_choice=False, description=_l(
        "Its steps become planned actions under this goal; the kinds of organisation it "
        "involves are suggested as partners."))

    def __init__(self, *args, templates=(), goals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.template.choices = options([("", _l("Choose a blueprint"))] + [
            (template.identifier, template.title) for template in templates])
        self.goal.choices = options([("", _l("A new goal named after the blueprint"))] + [
            (str(goal.id), f"{goal.code} {goal.title}") for goal in goals])

    def validate_template(self, field):
        if not field.data:
            raise ValidationError(_l("Please choose a blueprint."))
        if field.data not in {choice.value for choice in self.template.choices}:
            raise ValidationError(_l("This blueprint is not published (any more). Please "
                                     "choose one from the list."))

    def validate_goal(self, field):
        if field.data and field.data not in {choice.value for choice in self.goal.choices}:
            raise ValidationError(_l("Please choose a goal of this plan."))
