"""Forms of the networks plugin."""
from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (BooleanField, RadioField, SelectField, SelectMultipleField, StringField,
                     TextAreaField)
from wtforms.validators import DataRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from lms.auth.forms import Normalised, email_field
from lms.forms import options
from lms.i18n import LANGUAGE_NAMES
from lms.organisations import KIND_LABELS
from lms.organisations.forms import country_choices
from networks import ROLE_LABELS, THEME_LABELS, VISIBILITY_LABELS
from networks.services import logos


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def themes_field(label):
    return CheckboxesField(label, choices=options(THEME_LABELS.items()), default=[])


class NetworkForm(FlaskForm):
    name = StringField(_l("Name"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please enter the network's name.")), Length(max=200)])
    organisation = SelectField(_l("Your organisation in this network"), coerce=int)
    region = StringField(_l("Region or city"), filters=[Normalised.strip],
                         validators=[Optional(), Length(max=120)])
    country = SelectField(_l("Country"))
    description = TextAreaField(
        _l("Description"), validators=[Optional(), Length(max=10000)],
        description=_l("What the network does and for whom. You can use Markdown: *italic*, "
                       "**bold**, lists and links."))
    themes = themes_field(_l("Themes"))
    visibility = RadioField(_l("Who can see the network"), default="public",
                            choices=options(VISIBILITY_LABELS.items()))
    logo = FileField(_l("Logo"), description=_l("A PNG, JPEG or WebP image of at most "
                                                "%(size)d KB.", size=1024))
    # not Optional(): that would skip validate_logo_alt when it is empty
    logo_alt = StringField(_l("Text alternative for the logo"), filters=[Normalised.strip],
                           validators=[Length(max=200)],
                           description=_l("What the logo shows, for people who cannot see it, "
                                          "for example: the network's name."))
    remove_logo = BooleanField(_l("Remove the logo"))

    def __init__(self, *args, organisations=None, has_logo=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.country.choices = country_choices()
        self.has_logo = has_logo
        self.logo_bytes, self.logo_type = b"", ""
        if organisations is None:
            del self.organisation
        else:
            self.organisation.choices = options((o.id, o.name) for o in organisations)
        if not has_logo:
            del self.remove_logo

    def validate_logo(self, field):
        upload = field.data
        if not upload or not getattr(upload, "filename", ""):
            return
        limit = current_app.config["NETWORKS_LOGO_MAX_BYTES"]
        data = upload.read(limit + 1)
        if len(data) > limit:
            raise ValidationError(_l("The logo is too large: at most %(size)d KB, please.",
                                     size=limit // 1024))
        kind = logos.image_type(data)
        if kind is None:
            raise ValidationError(_l("Please choose a PNG, JPEG or WebP image. Other files, "
                                     "SVG included, are not accepted."))
        self.logo_bytes, self.logo_type = data, kind

    def validate_logo_alt(self, field):
        keeps_logo = self.has_logo and not (self.remove_logo and self.remove_logo.data)
        if (self.logo_bytes or keeps_logo) and not field.data:
            raise ValidationError(_l("Please describe the logo for people who cannot see it."))

    def profile(self):
        """The fields the services take, as a dict."""
        return {"name": self.name.data, "region": self.region.data or "",
                "country": self.country.data, "description": self.description.data or "",
                "visibility": self.visibility.data, "themes": self.themes.data or [],
                "logo": self.logo_bytes, "logo_type": self.logo_type,
                "logo_alt": self.logo_alt.data or "",
                "remove_logo": bool(self.remove_logo and self.remove_logo.data)}


NEW_ORGANISATION = 0


class InviteForm(FlaskForm):
    email = email_field(_l("Email address of the person to invite"))
    role = SelectField(_l("Role in the network"), choices=options(ROLE_LABELS.items()),
                       default="contributor")
    locale = SelectField(_l("Language of the invitation"),
                         choices=options(LANGUAGE_NAMES.items()), default="en",
                         description=_l("When they already have an account, it comes in the "
                                        "language they chose."))
    organisation = SelectField(_l("Organisation they act for"), coerce=int,
                               default=NEW_ORGANISATION)
    organisation_name = StringField(
        _l("Name of the new organisation"), filters=[Normalised.strip],
        validators=[Length(max=200)],
        description=_l("Only when their organisation is not listed above."))
    organisation_kind = SelectField(_l("Type of the new organisation"),
                                    choices=options(KIND_LABELS.items()))

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation.choices = options(
            [(NEW_ORGANISATION, _l("A new organisation (name it below)"))]
            + [(o.id, o.name) for o in organisations])

    def validate_organisation_name(self, field):
        if self.organisation.data == NEW_ORGANISATION and not field.data:
            raise ValidationError(_l("Please choose an organisation above or name a new one."))


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=options(ROLE_LABELS.items()))


class ContactForm(FlaskForm):
    is_contact = BooleanField(_l("Contact person"))


class ThemesForm(FlaskForm):
    themes = themes_field(_l("Themes this organisation works on in the network"))


class JoinRequestForm(FlaskForm):
    organisation = SelectField(_l("Organisation"), coerce=int)
    message = TextAreaField(_l("Message to the coordinators"),
                            validators=[Optional(), Length(max=2000)])

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation.choices = options((o.id, o.name) for o in organisations)


class DecisionForm(FlaskForm):
    role = SelectField(_l("Role of the person who asked"), choices=options(ROLE_LABELS.items()),
                       default="contributor")
    reply = TextAreaField(_l("Message to the organisation"),
                          validators=[Optional(), Length(max=2000)])
    decision = RadioField(_l("Decision"), choices=options(
        (("approve", _l("Accept")), ("decline", _l("Decline")))),
        validators=[DataRequired(message=_l("Please accept or decline."))])
