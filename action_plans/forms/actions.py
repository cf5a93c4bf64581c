"""Actions and what hangs on them: partners, milestones, dependencies, progress updates."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (DateField, DecimalField, IntegerField, SelectField, SelectMultipleField,
                     StringField, TextAreaField)
from wtforms.validators import (DataRequired, InputRequired, Length, NumberRange, Optional,
                                ValidationError)
from wtforms.widgets import CheckboxInput, ListWidget

from action_plans import (ACTION_STATUS_LABELS, PARTNER_ROLE_LABELS, PRIORITY_LABELS,
                          PROGRESS_FROM_LABELS)
from action_plans.forms import MAX_TEXT, edit_id_field, version_field
from action_plans.forms.goals import MARKDOWN, optional_int
from lms.auth.forms import Normalised
from lms.forms import options

PLAIN_FIELDS = ("code", "title", "description", "lead_organisation_id", "contact_person",
                "planned_start", "planned_end", "actual_start", "actual_end", "status",
                "progress", "progress_from", "weight", "priority", "budget", "funding_source",
                "target_group", "planned_beneficiaries", "expected_outputs")
TEXTS = {"description", "contact_person", "funding_source", "target_group", "expected_outputs"}


def _in_period(form, field):
    if field.data and form.period and not form.period[0] <= field.data <= form.period[1]:
        raise ValidationError(_("Please choose a date within the plan's period (%(start)s to "
                                "%(end)s).", start=form.period[0].isoformat(),
                                end=form.period[1].isoformat()))


class ActionFields(FlaskForm):
    """`code_taken(code)` says whether another action of the plan has the code; `period` is the
    plan's (start, end); `organisations` the network's member organisations."""
    code = StringField(_l("Code"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please give the action a code, like A1.")), Length(max=20)])
    title = StringField(_l("Title"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please give the action a title.")), Length(max=200)])
    description = TextAreaField(_l("Description"), validators=[Length(max=MAX_TEXT)],
                                description=MARKDOWN)
    lead_organisation_id = SelectField(_l("Lead organisation"), coerce=optional_int,
                                       validators=[Optional()])
    contact_person = StringField(_l("Contact person"), filters=[Normalised.strip],
                                 validators=[Length(max=200)])
    planned_start = DateField(_l("Planned start"), validators=[Optional(), _in_period])
    planned_end = DateField(_l("Planned end"), validators=[Optional(), _in_period])
    actual_start = DateField(_l("Actual start"), validators=[Optional()])
    actual_end = DateField(_l("Actual end"), validators=[Optional()])
    status = SelectField(_l("Status"), choices=options(ACTION_STATUS_LABELS.items()),
                         default="planned")
    progress = IntegerField(_l("Progress (%)"), default=0, description=_l(
        "When progress comes from milestones, it is the share of milestones done."), validators=[
        InputRequired(message=_l("Please enter the progress, from 0 to 100.")),
        NumberRange(min=0, max=100, message=_l("Please enter the progress, from 0 to 100."))])
    progress_from = SelectField(_l("Progress comes from"),
                                choices=options(PROGRESS_FROM_LABELS.items()), default="entered")
    weight = IntegerField(_l("Weight in the plan's progress"), default=1, validators=[
        InputRequired(message=_l("Please enter a weight from 1 to 10.")),
        NumberRange(min=1, max=10, message=_l("Please enter a weight from 1 to 10."))])
    priority = SelectField(_l("Priority"), choices=options(PRIORITY_LABELS.items()),
                           default="medium")
    budget = DecimalField(_l("Budget"), places=2, validators=[
        Optional(), NumberRange(min=0, max=10**11, message=_l(
            "Please enter the budget as a number of 0 or more, like 12500.50."))])
    funding_source = StringField(_l("Funding source"), filters=[Normalised.strip],
                                 validators=[Length(max=200)])
    target_group = StringField(_l("Target group"), filters=[Normalised.strip],
                               validators=[Length(max=200)])
    planned_beneficiaries = IntegerField(_l("Planned beneficiaries"), validators=[
        Optional(), NumberRange(min=0, max=2**31 - 1, message=_l(
            "Please enter the number of people, 0 or more."))])
    expected_outputs = TextAreaField(_l("Expected outputs"), validators=[Length(max=MAX_TEXT)])

    def __init__(self, *args, code_taken=None, period=None, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.code_taken, self.period = code_taken, period
        self.lead_organisation_id.choices = options(
            [(None, _l("None yet"))] + [(o.id, o.name) for o in organisations])

    def validate_code(self, field):
        if field.data and self.code_taken and self.code_taken(field.data):
            raise ValidationError(_("Another action of this plan has the code %(code)s; please "
                                    "choose another.", code=field.data))

    def validate_planned_end(self, field):
        if field.data and self.planned_start.data and field.data < self.planned_start.data:
            raise ValidationError(_l("The planned end cannot come before the planned start."))

    def validate_actual_end(self, field):
        if field.data and self.actual_start.data and field.data < self.actual_start.data:
            raise ValidationError(_l("The actual end cannot come before the actual start."))

    def values(self):
        return {name: (self[name].data or "") if name in TEXTS else self[name].data
                for name in PLAIN_FIELDS}


class NewActionForm(ActionFields):
    """Adding an action: its fields only (a new record has no version to save from)."""


class ActionForm(ActionFields):
    version = version_field()
    edit_id = edit_id_field()


class PartnerForm(FlaskForm):
    organisation = SelectField(_l("Partner organisation"), coerce=optional_int, validators=[
        InputRequired(message=_l("Please choose an organisation."))])
    role = SelectField(_l("Role"), choices=options(PARTNER_ROLE_LABELS.items()),
                       default="support")

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation.choices = options((o.id, o.name) for o in organisations)


class MilestoneForm(FlaskForm):
    title = StringField(_l("Milestone"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please give the milestone a title.")), Length(max=200)])
    due_date = DateField(_l("Due date"), validators=[
        InputRequired(message=_l("Please enter the date it is due.")), _in_period])

    def __init__(self, *args, period=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.period = period


class DependenciesForm(FlaskForm):
    depends_on = SelectMultipleField(_l("This action depends on"), coerce=int,
                                     widget=ListWidget(prefix_label=False),
                                     option_widget=CheckboxInput())

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.depends_on.choices = options((a.id, f"{a.code} {a.title}") for a in actions)


class ProgressUpdateForm(FlaskForm):
    status = SelectField(_l("Status now"), choices=options(ACTION_STATUS_LABELS.items()))
    progress = IntegerField(_l("Progress now (%)"), validators=[
        InputRequired(message=_l("Please enter the progress, from 0 to 100.")),
        NumberRange(min=0, max=100, message=_l("Please enter the progress, from 0 to 100."))])
    done_text = TextAreaField(_l("What was done"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please say what was done.")), Length(max=MAX_TEXT)])
    blockers = TextAreaField(_l("Blockers"), filters=[Normalised.strip],
                             validators=[Length(max=MAX_TEXT)])
    next_steps = TextAreaField(_l("Next steps"), filters=[Normalised.strip],
                               validators=[Length(max=MAX_TEXT)])
