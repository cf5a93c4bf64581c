"""Indicators (written or picked from the library), their measurements, and reviewing them."""
from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (DateField, HiddenField, RadioField, SelectField, SelectMultipleField,
                     StringField, TextAreaField)
from wtforms.validators import (DataRequired, InputRequired, Length, Optional, StopValidation,
                                ValidationError)
from wtforms.widgets import CheckboxInput, ListWidget

from action_plans.forms import MAX_TEXT, edit_id_field, version_field
from action_plans.indicator_terms import (DIRECTION_LABELS, DISAGGREGATION_CATEGORIES,
                                          DISAGGREGATION_LABELS, FREQUENCY_LABELS, KIND_LABELS,
                                          LEVEL_LABELS, UNIT_LABELS)
from action_plans.services.measurements import evidence_type
from lms.auth.forms import Normalised
from lms.forms import options

LARGEST = 1e15


class NumberField(StringField):
    """A number typed as text ("12.5" or "12,5"); anything else is refused with a clear message
    and kept in the field as typed."""

    def process_formdata(self, valuelist):
        self.raw_data = valuelist
        typed = (valuelist[0] if valuelist else "").strip()
        self.typed, self.data, self.invalid = typed, None, False
        if typed:
            try:
                number = float(typed.replace(",", ".").replace(" ", ""))
            except ValueError:
                self.invalid = True
                return
            if number != number or abs(number) > LARGEST:
                self.invalid = True
            else:
                self.data = number

    def pre_validate(self, form):
        if getattr(self, "invalid", False):
            raise StopValidation(_l("Please enter a number, for example 12 or 12.5."))

    def _value(self):
        if getattr(self, "typed", None) is not None:
            return self.typed
        return "" if self.data is None else f"{self.data:.6f}".rstrip("0").rstrip(".")


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def _text(label, maximum=200, **kwargs):
    return StringField(label, filters=[Normalised.strip],
                       validators=[Optional(), Length(max=maximum)], **kwargs)


class IndicatorForm(FlaskForm):
    code = StringField(_l("Code"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please give the indicator a code, for example I1.")),
        Length(max=20)])
    name = StringField(_l("Name"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please give the indicator a name.")), Length(max=200)])
    definition = TextAreaField(_l("Definition"), validators=[Length(max=MAX_TEXT)],
                               description=_l("What is counted, and how the value is formed."))
    level = SelectField(_l("Level"), choices=options(LEVEL_LABELS.items()), default="outcome")
    kind = SelectField(_l("Type"), choices=options(KIND_LABELS.items()), default="quantitative")
    unit = SelectField(_l("Unit"), choices=options(UNIT_LABELS.items()), default="number")
    direction = SelectField(_l("Direction"), choices=options(DIRECTION_LABELS.items()),
                            default="higher")
    baseline_value = NumberField(_l("Baseline value"))
    baseline_date = DateField(_l("Baseline date"), validators=[Optional()])
    baseline_source = _text(_l("Source of the baseline"))
    target_value = NumberField(_l("Target value"))
    target_date = DateField(_l("Target date"), validators=[Optional()])
    data_source = _text(_l("Data source"))
    method = TextAreaField(_l("Method of collection"), validators=[Length(max=MAX_TEXT)])
    frequency = SelectField(_l("Frequency"), choices=options(FREQUENCY_LABELS.items()),
                            default="annual")
    disaggregation = CheckboxesField(_l("Broken down by"),
                                     choices=options(DISAGGREGATION_LABELS.items()), default=[])
    responsible_organisation_id = SelectField(_l("Responsible organisation"), coerce=int,
                                              default=0)
    approver_id = SelectField(
        _l("Who approves measurements"), coerce=int, default=0,
        description=_l("The network's coordinators, unless you name a member of the network."))
    framework_reference = _text(_l("Reference in an external framework"))
    version = version_field()
    edit_id = edit_id_field()

    def __init__(self, *args, organisations=(), people=(), codes_taken=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.responsible_organisation_id.choices = options(
            [(0, _l("None named"))] + [(o.id, o.name) for o in organisations])
        self.approver_id.choices = options(
            [(0, _l("The network's coordinators"))] + [(u.id, u.display_name) for u in people])
        self.codes_taken = codes_taken

    def validate_code(self, field):
        if self.codes_taken is not None and field.data and self.codes_taken(field.data):
            raise ValidationError(_l("Another indicator of this plan has this code."))

    def validate_target_date(self, field):
        if field.data and self.baseline_date.data and field.data <= self.baseline_date.data:
            raise ValidationError(_l("The target date must come after the baseline date."))

    def values(self):
        """The fields as the indicator stores them (no organisation or approver: None)."""
        values = {name: self[name].data for name in (
            "code", "name", "definition", "level", "kind", "unit", "direction",
            "baseline_value", "baseline_date", "baseline_source", "target_value", "target_date",
            "data_source", "method", "frequency", "framework_reference")}
        for name in ("definition", "method", "baseline_source", "data_source",
                     "framework_reference"):
            values[name] = values[name] or ""
        values["disaggregation"] = [d for d in DISAGGREGATION_LABELS
                                    if d in (self.disaggregation.data or [])]
        values["responsible_organisation_id"] = self.responsible_organisation_id.data or None
        values["approver_id"] = self.approver_id.data or None
        return values


class NewIndicatorForm(IndicatorForm):
    attached_to = SelectField(_l("Indicator of"), validators=[
        DataRequired(message=_l("Please choose the goal or action the indicator measures."))])
    library_code = HiddenField(validators=[Optional(), Length(max=16)])

    def __init__(self, *args, attachments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.attached_to.choices = options(attachments)
        # a new record has no version yet
        del self.version
        del self.edit_id


class LibraryPickForm(FlaskForm):
    """A GET form: the library indicator whose texts pre-fill the new indicator."""
    class Meta:
        csrf = False
    library = SelectField(_l("Indicator from the library"), validate_choice=False)


def _dimension_field(name):
    return f"by_{name}"


class MeasurementForm(FlaskForm):
    value = NumberField(_l("Value"))
    numerator = NumberField(_l("Numerator"), description=_l(
        "Instead of the value: the count, out of the denominator."))
    denominator = NumberField(_l("Denominator"))
    measured_on = DateField(_l("Date of the measurement"), validators=[
        InputRequired(message=_l("Please enter the date the value was measured."))])
    narrative = TextAreaField(_l("Narrative"), filters=[Normalised.strip],
                              validators=[Length(max=MAX_TEXT)],
                              description=_l("What the figure means, and what lies behind it."))
    evidence = FileField(_l("Evidence file"), description=_l(
        "Optional: a PDF, PNG, JPEG, ODT, DOCX, XLSX, ODS or CSV file."))
    intent = RadioField(_l("What to do"), default="save", choices=options(
        [("save", _l("Save as a draft")), ("submit", _l("Submit for approval"))]))

    def __init__(self, *args, indicator=None, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator, self.plan = indicator, plan
        self.evidence_file = None

    def dimension_fields(self):
        """(dimension, its label, [(category field, label)]) for the indicator's breakdowns."""
        return [(dimension, DISAGGREGATION_LABELS[dimension],
                 [self[f"{_dimension_field(dimension)}_{category}"]
                  for category in DISAGGREGATION_CATEGORIES[dimension]])
                for dimension in self.indicator.disaggregation
                if dimension in DISAGGREGATION_CATEGORIES]

    def validate_denominator(self, field):
        if self.numerator.data is not None and field.data is None:
            raise ValidationError(_l("Please enter the denominator too, or only the value."))
        if field.data is not None and self.numerator.data is None:
            raise ValidationError(_l("Please enter the numerator too, or only the value."))
        if field.data == 0:
            raise ValidationError(_l("The denominator cannot be zero."))

    def validate_value(self, field):
        if self.indicator.kind == "qualitative" or field.data is not None:
            return
        if self.numerator.data is None and self.denominator.data is None:
            raise ValidationError(_l("Please enter the value, or its numerator and denominator."))

    def validate_measured_on(self, field):
        if field.data and not (self.plan.period_start <= field.data <= self.plan.period_end):
            raise ValidationError(_l(
                "The date must lie within the plan's period, %(start)s to %(end)s.",
                start=self.plan.period_start.isoformat(), end=self.plan.period_end.isoformat()))

    def validate_narrative(self, field):
        if self.indicator.kind == "qualitative" and not field.data:
            raise ValidationError(_l("Please describe what was observed: this indicator is "
                                     "qualitative."))

    def validate_evidence(self, field):
        upload = field.data
        if not upload or not getattr(upload, "filename", ""):
            return
        limit = current_app.config["ACTION_PLANS_EVIDENCE_MAX_BYTES"]
        data = upload.read(limit + 1)
        if len(data) > limit:
            raise ValidationError(_l("The file is too large: at most %(size)d MB, please.",
                                     size=limit // (1024 * 1024)))
        kind = evidence_type(data, upload.filename)
        if kind is None:
            raise ValidationError(_l("Please choose a PDF, PNG, JPEG, ODT, DOCX, XLSX, ODS or "
                                     "CSV file. This file is not one of them."))
        self.evidence_file = (data, upload.filename, kind)

    def values(self):
        """The measurement's fields; the value is the numerator over the denominator when both
        are given (times 100 for a percentage)."""
        value = self.value.data
        if self.numerator.data is not None and self.denominator.data:
            value = self.numerator.data / self.denominator.data
            if self.indicator.unit == "percent":
                value *= 100
            value = round(value, 4)
        breakdown = {}
        for dimension, _label, _fields in self.dimension_fields():
            figures = {category: self[f"{_dimension_field(dimension)}_{category}"].data
                       for category in DISAGGREGATION_CATEGORIES[dimension]}
            figures = {category: figure for category, figure in figures.items()
                       if figure is not None}
            if figures:
                breakdown[dimension] = figures
        return {"value": value, "numerator": self.numerator.data,
                "denominator": self.denominator.data, "measured_on": self.measured_on.data,
                "disaggregated": breakdown, "narrative": self.narrative.data or ""}


def measurement_form(indicator, plan, **kwargs):
    """The measurement form for `indicator`: one number per category of each breakdown."""
    fields = {}
    for dimension in indicator.disaggregation or ():
        for category, label in DISAGGREGATION_CATEGORIES.get(dimension, {}).items():
            fields[f"{_dimension_field(dimension)}_{category}"] = NumberField(label)
    form_class = type("IndicatorMeasurementForm", (MeasurementForm,), fields)
    return form_class(indicator=indicator, plan=plan, **kwargs)


class ReviewForm(FlaskForm):
    decision = RadioField(_l("Decision"), choices=options(
        [("approve", _l("Approve")), ("return", _l("Return with a comment"))]),
        validators=[InputRequired(message=_l("Please choose to approve or return it."))])
    comment = TextAreaField(_l("Comment"), filters=[Normalised.strip],
                            validators=[Length(max=5000)])

    def validate_comment(self, field):
        if self.decision.data == "return" and not field.data:
            raise ValidationError(_l("Please say why you return it, so it can be corrected."))
