"""The action plans plugin's contract with the core."""
from flask_babel import lazy_gettext as _l

from lms.nav import HomeSection, NavItem
from lms.permissions import EVERYONE, Permission
from lms.plugins import Plugin


class ActionPlansPlugin(Plugin):
    name = "action_plans"
    requires = ('networks',)

    def blueprints(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from action_plans.blueprint import bp
        return [bp]

    def permissions(self):
        return [Permission("action_plans.view", _l("Browse regional action plans"), EVERYONE)]

    def nav_items(self):
        return [NavItem(_l("Action plans"), "action_plans.index", "action_plans.view", order=300)]

    def home_sections(self):
        return [HomeSection(
            _l("Regional action plans"),
            _l("Networks draft a regional action plan together, adopt it with every partner's sign-off and track it with measurements."),
            "action_plans.index", "action_plans.view", _l("Browse action plans"), order=300)]
