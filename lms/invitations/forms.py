"""The account form of an invitation's page (for an address without an account)."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from lms.auth.forms import Normalised, language_field, new_password_fields


class AccountForm(FlaskForm):
    """Accepting an invitation for an address without an account creates one; the address is
    the invitation's (following the mailed link proved it)."""
    display_name = StringField(_l("Your name"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please tell us your name.")), Length(max=120)],
        render_kw={"autocomplete": "name"})
    password, confirm = new_password_fields()
    locale = language_field()

    def __init__(self, *args, email="", **kwargs):
        super().__init__(*args, **kwargs)
        self.personal_words = (email,)
