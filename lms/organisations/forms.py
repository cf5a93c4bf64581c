"""Forms for describing an organisation and inviting people into it."""
import re

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField, URLField
from wtforms.validators import URL, DataRequired, Length, Optional, ValidationError

from lms.auth.forms import Normalised, email_field
from lms.forms import options
from lms.organisations import KIND_LABELS, ROLE_LABELS


def country_choices():
    names = get_locale().territories
    codes = [code for code in names
             if re.fullmatch(r"[A-Z]{2}", code) and code not in ("ZZ", "XA", "XB")]
    return options(sorted(((code, names[code]) for code in codes), key=lambda c: c[1]))


class OrganisationForm(FlaskForm):
    name = StringField(_l("Name"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please enter the organisation's name.")), Length(max=200)])
    kind = SelectField(_l("Type"), choices=options(KIND_LABELS.items()))
    country = SelectField(_l("Country"))
    region = StringField(_l("Region or city"), filters=[Normalised.strip],
                         validators=[Optional(), Length(max=120)])
    website = URLField(_l("Website"), filters=[Normalised.strip], validators=[
        Optional(), Length(max=300),
        URL(message=_l("Please enter a full web address, like https://example.org."))])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=5000)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.country.choices = country_choices()

    def validate_website(self, field):
        # the URL validator has already said the same words when it refused the address
        if field.errors:
            return
        if field.data and not field.data.lower().startswith(("http://", "https://")):
            raise ValidationError(_l("Please enter a full web address, like https://example.org."))


class InviteForm(FlaskForm):
    email = email_field(_l("Email address of the person to invite"))
    role = SelectField(_l("Role"), choices=options(ROLE_LABELS.items()), default="member")


class MemberRoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=options(ROLE_LABELS.items()))
