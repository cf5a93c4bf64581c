"""The forms of blueprints: writing one, submitting it, reviewing it."""
import re

from flask_babel import gettext as _, lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, SelectMultipleField, StringField, \
    TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from lms.auth.forms import Normalised
from lms.forms import options
from lms.i18n import LANGUAGE_NAMES
from lms.licences import LICENCES
from lms.organisations import KIND_LABELS
from oer.services.practices import accounts_by_email
from oer.vocabulary import INTEGRATION_AREAS, LEVELS, country_choices

MARKDOWN_HINT = _l("Markdown: blank lines between paragraphs, * for lists, [text](address) "
                   "for links.")
LONG_TEXT = 20000


def drop_nul(value):
    """NUL characters have no place in text, and PostgreSQL refuses them in text columns."""
    return value.replace("\x00", "") if isinstance(value, str) else value


class PracticesForm(FlaskForm):
    class Meta:
        def bind_field(self, form, unbound_field, options):
            filters = [*unbound_field.kwargs.get("filters", ()), drop_nul]
            return unbound_field.bind(form=form, filters=filters, **options)


def long_text(label, description=MARKDOWN_HINT):
    return TextAreaField(label, description=description, validators=[
        Length(max=LONG_TEXT, message=_l("Please keep this under %(max)d characters."))],
        render_kw={"rows": 6})


def choice(label, pairs, empty):
    return SelectField(label, choices=options([("", empty), *pairs]), default="")


class PracticeForm(PracticesForm):
    version = HiddenField()
    title = StringField(_l("Title"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please give the blueprint a title.")),
        Length(max=200, message=_l("Please keep the title under %(max)d characters."))])
    summary = TextAreaField(
        _l("Summary"), filters=[Normalised.strip],
        description=_l("Two or three sentences for the catalogue, in plain text."),
        validators=[Length(max=1000, message=_l("Please keep the summary under %(max)d "
                                                 "characters."))], render_kw={"rows": 3})
    language = SelectField(_l("Language of the text"), choices=options(LANGUAGE_NAMES.items()),
                           default="en")
    integration_area = choice(_l("Integration area"), INTEGRATION_AREAS.items(),
                              _l("Choose an area"))
    level = choice(_l("Level"), LEVELS.items(), _l("Choose a level"))
    country = SelectField(_l("Country"), default="")
    context = long_text(_l("Context"))
    problem = long_text(_l("The problem addressed"))
    actor_types = SelectMultipleField(_l("Kinds of organisation involved"),
                                      choices=options(KIND_LABELS.items()),
                                      widget=ListWidget(prefix_label=False),
                                      option_widget=CheckboxInput())
    actors = long_text(_l("Who does what"))
    steps = long_text(_l("Steps"), _l("One step per paragraph: leave a blank line between "
                                      "steps. Markdown works inside a step."))
    resources = long_text(_l("Resources needed"))
    success_factors = long_text(_l("Success factors"))
    challenges = long_text(_l("Challenges"))
    evidence = long_text(_l("Evidence and evaluation"))
    transferability = long_text(_l("Transferring it elsewhere"))
    contact = StringField(_l("Contact"), filters=[Normalised.strip],
                          description=_l("Who readers can ask about the practice: a name, an "
                                         "office, an address."),
                          validators=[Length(max=300, message=_l(
                              "Please keep the contact under %(max)d characters."))])
    licence = SelectField(_l("Licence"), choices=options(LICENCES.items()),
                          default="CC-BY-SA-4.0")
    organisation_id = SelectField(_l("Organisation"), default="")
    coauthors = TextAreaField(
        _l("Co-authors"), description=_l("Email addresses of people with an account here who "
                                         "wrote it with you, one per line. Delete a line to "
                                         "take that person off the blueprint."),
        render_kw={"rows": 2})

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.country.choices = options([("", _l("Choose a country")), *country_choices()])
        self.organisation_id.choices = options(
            [("", _l("None")), *((str(o.id), o.name) for o in organisations)])
        self.found_coauthors = []

    def validate_coauthors(self, field):
        addresses = [line.strip().lower() for line in re.split(r"[\s,;]+", field.data or "")
                     if line.strip()]
        if len(addresses) > 20:
            raise ValidationError(_l("Please name at most 20 co-authors."))
        found = accounts_by_email(addresses)
        unknown = [address for address in addresses if address not in found]
        if unknown:
            # gettext, not lazy_gettext: a lazy message counts as HTML, and this one holds
            # what was typed
            raise ValidationError(_("No account uses %(addresses)s.",
                                    addresses=", ".join(unknown)))
        self.found_coauthors = list(found.values())

    def values(self):
        data = {name: getattr(self, name).data for name in (
            "title", "summary", "language", "integration_area", "level", "country", "context",
            "problem", "actor_types", "actors", "steps", "resources", "success_factors",
            "challenges", "evidence", "transferability", "contact", "licence")}
        data["organisation_id"] = int(self.organisation_id.data) \
            if self.organisation_id.data else None
        return data


class SubmitForm(PracticesForm):
    note = TextAreaField(_l("A note for the reviewer (optional)"), filters=[Normalised.strip],
                         validators=[Length(max=4000)], render_kw={"rows": 3})


class ReviewForm(PracticesForm):
    comments = TextAreaField(
        _l("Comments for the authors"), filters=[Normalised.strip],
        description=_l("Needed when you return the blueprint; shown to its authors."),
        validators=[Length(max=8000, message=_l("Please keep the comments under %(max)d "
                                                 "characters."))], render_kw={"rows": 6})
    decision = SelectField(_l("Decision"), choices=options([
        ("return", _l("Return it to the authors")), ("publish", _l("Publish it"))]))

    def validate_comments(self, field):
        if self.decision.data == "return" and not field.data:
            raise ValidationError(_l("Please tell the authors what to change."))

