"""Moving a plan between phases, signing a version, naming an organisation's signatory."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, TextAreaField
from wtforms.validators import InputRequired, Length, ValidationError

from action_plans import DECISION_LABELS, PHASE_LABELS, VISIBILITY_LABELS
from action_plans.forms import MAX_TEXT
from lms.auth.forms import Normalised
from lms.forms import options


class PhaseForm(FlaskForm):
    phase = SelectField(_l("Phase"), choices=options(
        (key, PHASE_LABELS[key]) for key in ("drafting", "consultation")))


class VisibilityForm(FlaskForm):
    visibility = SelectField(_l("Who can read it"), choices=options(VISIBILITY_LABELS.items()),
                             description=_l("A public plan can be read by everyone, without "
                                            "an account, once a version is adopted; only its "
                                            "network's members can change it."))


class SignOffForm(FlaskForm):
    organisation = SelectField(_l("Signing for"), coerce=int)
    decision = RadioField(_l("Decision"), choices=options(DECISION_LABELS.items()), validators=[
        InputRequired(message=_l("Please choose your organisation's decision."))])
    comment = TextAreaField(_l("Comment"), filters=[Normalised.strip],
                            validators=[Length(max=MAX_TEXT)],
                            description=_l("Required with reservations or a rejection: the "
                                           "coordinators and partners read it."))

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation.choices = options((o.id, o.name) for o in organisations)

    def validate_comment(self, field):
        if self.decision.data in ("approved_with_reservations", "rejected") and not field.data:
            raise ValidationError(_l("Please say why: a comment is required with reservations "
                                     "or a rejection."))


class SignatoryForm(FlaskForm):
    organisation = SelectField(_l("Organisation"), coerce=int)
    person = SelectField(_l("Signatory"), coerce=int,
                         description=_l("A person of the organisation who is in the network."))

    def __init__(self, *args, organisations=(), people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation.choices = options((o.id, o.name) for o in organisations)
        self.person.choices = options((user.id, user.display_name) for _org, user in people)
        self._people = {(org_id, user.id) for org_id, user in people}

    def validate_person(self, field):
        if (self.organisation.data, field.data) not in self._people:
            raise ValidationError(_l("Please choose a person of this organisation who is in "
                                     "the network."))
