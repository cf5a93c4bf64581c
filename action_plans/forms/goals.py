"""Goals: general objectives and the specific objectives under them."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from action_plans import AREA_LABELS
from action_plans.forms import MAX_TEXT, edit_id_field, version_field
from lms.auth.forms import Normalised
from lms.forms import options

MARKDOWN = _l("Markdown: **bold**, *italic*, lists, links, tables.")


def optional_int(value):
    """A select's value: a number, or None for the empty choice."""
    if value in (None, "", "None"):
        return None
    return int(value)


class GoalFields(FlaskForm):
    parent_id = SelectField(_l("Where"), coerce=optional_int, validators=[Optional()])
    code = StringField(_l("Code"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please give the goal a code, like G1 or G1.2.")),
        Length(max=20)])
    title = StringField(_l("Title"), filters=[Normalised.strip], validators=[
        DataRequired(message=_l("Please give the goal a title.")), Length(max=200)])
    description = TextAreaField(_l("Description"), validators=[Length(max=MAX_TEXT)],
                                description=MARKDOWN)
    thematic_area = SelectField(_l("Thematic area"), choices=options(
        [("", _l("None"))] + list(AREA_LABELS.items())))
    target_groups = TextAreaField(_l("Target groups"), validators=[Length(max=MAX_TEXT)])
    assumptions = TextAreaField(_l("Assumptions"), validators=[Length(max=MAX_TEXT)])
    risks = TextAreaField(_l("Risks"), validators=[Length(max=MAX_TEXT)])

    def __init__(self, *args, general=(), **kwargs):
        super().__init__(*args, **kwargs)
        if "parent_id" in self:
            self.parent_id.choices = options(
                [(None, _l("A general objective"))]
                + [(goal.id, _("A specific objective under %(goal)s",
                                goal=goal.code + " " + goal.title)) for goal in general])

    def values(self):
        return {name: self[name].data or "" for name in
                ("code", "title", "description", "thematic_area", "target_groups",
                 "assumptions", "risks")}


class NewGoalForm(GoalFields):
    """Adding a goal: its fields only (a new record has no version to save from)."""


class GoalForm(GoalFields):
    parent_id = None
    version = version_field()
    edit_id = edit_id_field()
