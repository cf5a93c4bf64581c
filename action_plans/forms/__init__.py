"""Forms of the action plans plugin, one module per area; what they share here."""
from flask_babel import lazy_gettext as _l
from wtforms import IntegerField
from wtforms.validators import InputRequired, NumberRange, Optional
from wtforms.widgets import HiddenInput

MAX_TEXT = 50_000


def version_field():
    return IntegerField(widget=HiddenInput(), validators=[
        InputRequired(message=_l("This form is missing its version; please reload the page.")),
        NumberRange(min=1, max=2**31 - 1)])


def edit_id_field():
    """Set on the resolution page: the edit revision the save settles."""
    return IntegerField(widget=HiddenInput(),
                        validators=[Optional(), NumberRange(min=1, max=2**31 - 1)])
