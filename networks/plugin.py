"""The networks plugin's contract with the core."""
from flask_babel import lazy_gettext as _l

from lms.nav import HomeSection, NavItem
from lms.permissions import EVERYONE, Permission
from lms.plugins import Plugin


class NetworksPlugin(Plugin):
    name = "networks"
    requires = ()

    def blueprints(self):
        from networks.views import bp
        return [bp]

    def permissions(self):
        return [Permission("networks.view", _l("Browse regional networks"), EVERYONE)]

    def nav_items(self):
        return [NavItem(_l("Networks"), "networks.index", "networks.view", order=200)]

    def home_sections(self):
        return [HomeSection(
            _l("Interagency networks"),
            _l("Municipalities, NGOs, schools, universities, employers and volunteer groups of one region working together."),
            "networks.index", "networks.view", _l("Browse networks"), order=200)]
