"""Helpers shared by the forms of the core and the plugins."""
from flask_wtf import FlaskForm
from wtforms.fields import SelectChoice


def options(pairs):
    """SelectField choices from (value, label) pairs; labels may be lazy translations."""
    return [SelectChoice(value, label) for value, label in pairs]


class ConfirmForm(FlaskForm):
    """A button that changes something (or a quiz submission): the form only carries the CSRF
    token, so a forged request from another site is refused."""
