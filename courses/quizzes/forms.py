"""Forms for a quiz's settings and its questions."""
from flask_babel import gettext, lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (BooleanField, DateTimeLocalField, FieldList, Form, FormField, IntegerField,
                     StringField, TextAreaField)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from lms.auth.forms import Normalised
from lms.timeutil import local_to_utc, utc_to_local, zone_label


OPTION_ROWS = 5


class QuizSettingsForm(FlaskForm):
    intro = TextAreaField(_l("Introduction"), validators=[Optional(), Length(max=2000)],
                          description=_l("Shown above the questions."))
    pass_mark = IntegerField(_l("Pass mark (%)"), default=70, validators=[
        DataRequired(message=_l("Please enter a number from 1 to 100.")),
        NumberRange(min=1, max=100, message=_l("Please enter a number from 1 to 100."))])
    max_attempts = IntegerField(_l("Attempts allowed"), validators=[
        Optional(), NumberRange(min=1, max=100, message=_l("Please enter a number from 1 to "
                                                           "100."))],
        description=_l("Leave empty for no limit."))
    shuffle = BooleanField(_l("Shuffle questions and options for each learner"), default=True)
    opens_at = DateTimeLocalField(_l("Opens at"), validators=[Optional()],
                                  format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
                                  description=_l("Leave empty to open it at once."))
    closes_at = DateTimeLocalField(_l("Closes at"), validators=[Optional()],
                                   format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
                                   description=_l("Leave empty to keep it open."))

    def __init__(self, *args, **kwargs):
        """Times are entered and shown in the trainer's time zone and stored in UTC."""
        super().__init__(*args, **kwargs)
        zone = zone_label()
        self.opens_at.label.text = gettext("Opens at (%(zone)s)", zone=zone)
        self.closes_at.label.text = gettext("Closes at (%(zone)s)", zone=zone)
        if not self.is_submitted():
            self.opens_at.data = utc_to_local(self.opens_at.data)
            self.closes_at.data = utc_to_local(self.closes_at.data)

    def utc(self, name):
        return local_to_utc(self[name].data)

    def validate_closes_at(self, field):
        if field.data and self.opens_at.data and field.data <= self.opens_at.data:
            raise ValidationError(_l("The quiz must close after it opens."))


class OptionForm(Form):
    text = StringField(_l("Option"), filters=[Normalised.strip], validators=[Length(max=500)])
    correct = BooleanField(_l("Correct"))
    match = StringField(_l("Matches"), filters=[Normalised.strip], validators=[Length(max=500)])
    feedback = StringField(_l("Feedback when chosen"), filters=[Normalised.strip],
                           validators=[Length(max=1000)])


class QuestionForm(FlaskForm):
    prompt = TextAreaField(_l("Question"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please write the question.")), Length(max=2000)])
    accepted_answers = TextAreaField(
        _l("Accepted answers"), validators=[Optional(), Length(max=2000)],
        description=_l("One per line. Case, spaces, accents and end punctuation do not count."))
    options = FieldList(FormField(OptionForm), min_entries=0, max_entries=12)
    feedback = TextAreaField(_l("Feedback on the question"), validators=[
        Optional(), Length(max=2000)],
        description=_l("Shown with the results: why the answer is what it is."))

    def __init__(self, *args, kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind

    def filled_options(self):
        return [entry.data for entry in self.options
                if entry.data["text"] or (self.kind == "matching" and entry.data["match"])]

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        problem = self.option_problem()
        if problem:
            self.form_errors.append(problem)
            return False
        return valid

    def option_problem(self):
        """The words saying what is wrong with the options for this kind, or None."""
        if self.kind == "short":
            if not [line for line in (self.accepted_answers.data or "").splitlines()
                    if line.strip()]:
                return _l("Please give at least one accepted answer.")
            return None
        options = self.filled_options()
        if self.kind == "matching":
            if len(options) < 2 or any(not o["text"] or not o["match"] for o in options):
                return _l("Please fill in at least two pairs, each with both sides.")
            if len({o["match"] for o in options}) != len(options):
                return _l("Each right-hand side must be different.")
            return None
        correct = sum(1 for o in options if o["correct"])
        if len(options) < 2:
            return _l("Please write at least two options.")
        if self.kind in ("single", "true_false") and correct != 1:
            return _l("Please mark exactly one option as correct.")
        if self.kind == "multiple" and correct < 1:
            return _l("Please mark at least one option as correct.")
        return None
