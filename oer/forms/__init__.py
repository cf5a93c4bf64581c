"""The OER plugin's forms (the good-practice blueprints' own are in oer/forms/practices.py)."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length


class WithdrawForm(FlaskForm):
    reason = TextAreaField(_l("Why is this release withdrawn?"), validators=[
        DataRequired(message=_l("Please say why: the release's page will show it.")),
        Length(max=2000)])
