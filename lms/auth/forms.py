"""Forms for signing up, logging in and resetting a password."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from lms.auth.passwords import StrongPassword
from lms.forms import options
from lms.i18n import LANGUAGE_NAMES


class Normalised:
    """Filters: trim whitespace, lower-case email addresses."""

    @staticmethod
    def strip(value):
        return value.strip() if isinstance(value, str) else value

    @staticmethod
    def email(value):
        return value.strip().lower() if isinstance(value, str) else value


def email_field(label=_l("Email address")):
    return EmailField(label, filters=[Normalised.email], validators=[
        DataRequired(message=_l("Please enter your email address.")),
        Email(message=_l("Please enter a valid email address, like name@example.org."),
              check_deliverability=False),
        Length(max=254)], render_kw={"autocomplete": "email"})


def new_password_fields():
    password = PasswordField(_l("Password"), validators=[
        DataRequired(message=_l("Please choose a password.")), StrongPassword("email", "display_name")],
        render_kw={"autocomplete": "new-password"})
    confirm = PasswordField(_l("Repeat the password"), validators=[
        DataRequired(message=_l("Please repeat the password.")),
        EqualTo("password", message=_l("The two passwords are not the same."))],
        render_kw={"autocomplete": "new-password"})
    return password, confirm


def language_field():
    return SelectField(_l("Preferred language"),
                       choices=options(LANGUAGE_NAMES.items()), default="en")


class SignupForm(FlaskForm):
    email = email_field()
    display_name = StringField(_l("Your name"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please tell us your name.")), Length(max=120)],
        render_kw={"autocomplete": "name"})
    password, confirm = new_password_fields()
    locale = language_field()
    organisation = SelectField(_l("Organisation (optional)"), coerce=int, default=0,
                               description=_l("Ask to join your organisation; one of its "
                                              "admins will confirm."))


class LoginForm(FlaskForm):
    email = email_field()
    password = PasswordField(_l("Password"), validators=[
        DataRequired(message=_l("Please enter your password."))],
        render_kw={"autocomplete": "current-password"})
    remember = BooleanField(_l("Keep me logged in on this device"))


class EmailForm(FlaskForm):
    email = email_field()


class ResetPasswordForm(FlaskForm):
    password, confirm = new_password_fields()
