"""The open educational resources plugin's contract with the core."""
from flask_babel import lazy_gettext as _l

from lms.nav import HomeSection, NavItem
from lms.permissions import EVERYONE, Permission
from lms.plugins import Plugin


class OerPlugin(Plugin):
    name = "oer"
    requires = ()
    default_config = {
        "OAI_PAGE_SIZE": 100,            # records per OAI-PMH list response
        "OAI_REPOSITORY_NAME": None,     # Identify's repositoryName; None: SITE_NAME
        "OAI_ADMIN_EMAIL": None,         # Identify's adminEmail; None: MAIL_DEFAULT_SENDER's
    }

    def import_models(self):
        import oer.models  # noqa: F401

    def blueprints(self):
        from oer.blueprint import load_views
        from oer.oai import bp as oai
        return [load_views(), oai]

    def permissions(self):
        return [Permission("oer.view", _l("Browse the catalogue of open educational resources"), EVERYONE)]

    def nav_items(self):
        return [NavItem(_l("Open resources"), "oer.index", "oer.view", order=400)]

    def home_sections(self):
        return [HomeSection(
            _l("Open educational resources"),
            _l("Finished courses, good-practice blueprints and adopted plans, free to download in the formats other platforms import."),
            "oer.index", "oer.view", _l("Browse the catalogue"), order=400)]
