"""Forms for a person's own profile and password."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from lms.auth.forms import Normalised, language_field, new_password_fields


class ProfileForm(FlaskForm):
    display_name = StringField(_l("Your name"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please tell us your name.")), Length(max=120)])
    locale = language_field()


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(_l("Current password"), validators=[
        DataRequired(message=_l("Please enter your current password."))],
        render_kw={"autocomplete": "current-password"})
    password, confirm = new_password_fields()
