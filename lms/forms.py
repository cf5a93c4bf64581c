"""Helpers shared by the forms of the core and the plugins."""
from wtforms.fields import SelectChoice


def options(pairs):
    """SelectField choices from (value, label) pairs; labels may be lazy translations."""
    return [SelectChoice(value, label) for value, label in pairs]
