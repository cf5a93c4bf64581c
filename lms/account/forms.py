"""Forms for a person's own profile and password."""
from flask import current_app
from flask_babel import get_locale, lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Length

from lms.auth.forms import Normalised, language_field, new_password_fields
from lms.timeutil import zone_choices


class ProfileForm(FlaskForm):
    display_name = StringField(_l("Your name"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please tell us your name.")), Length(max=120)])
    locale = language_field()
    timezone = SelectField(_l("Your time zone"), default="", description=_l(
        "Dates and times, such as a quiz's opening hours, are shown in this time zone."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        site = current_app.config["DEFAULT_TIMEZONE"]
        self.timezone.choices = [("", _l("The site's time zone (%(zone)s)", zone=site))] + \
            zone_choices(get_locale())


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(_l("Current password"), validators=[
        DataRequired(message=_l("Please enter your current password."))],
        render_kw={"autocomplete": "current-password"})
    password, confirm = new_password_fields()
