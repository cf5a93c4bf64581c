"""The open educational resources plugin's contract with the core."""
from flask import url_for
from flask_babel import lazy_gettext as _l

from lms.jobs import Job, crontab
from lms.nav import HomeSection, NavItem
from lms.permissions import ADMIN, EVERYONE, SIGNED_IN, STAFF, Permission
from lms.plugins import Plugin
from lms.publishing import set_publisher
from lms.signals import app_ready, demo_seeded, demo_seeding


class OerPlugin(Plugin):
    name = "oer"
    requires = ()
    default_config = {
        "OAI_PAGE_SIZE": 100,            # records per OAI-PMH list response
        "OAI_REPOSITORY_NAME": None,     # Identify's repositoryName; None: SITE_NAME
        # Identify's adminEmail; None: the first active site admin's (see oer/services/oai_contact.py)
        "OAI_ADMIN_EMAIL": None,
    }
    # the catalogue's full-text index (oer/models/search.py): SQLite FTS5 or a PostgreSQL table
    unmanaged_tables = ("oer_search",)

    def import_models(self):
        import oer.models  # noqa: F401  (every module of the package, the index tables' too)

    def blueprints(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from oer.blueprint import bp, oai_bp
        return [bp, oai_bp]

    def permissions(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from oer.services import access
        return [
            Permission("oer.view", _l("Browse the catalogue of open educational resources"), EVERYONE),
            (Permission("oer.publish", _l("Publish and withdraw releases of one's own content"),
                        SIGNED_IN), access.publish_policy),
            (Permission("oer.draft_blueprint", _l("Write good-practice blueprints"), STAFF),
             access.draft_policy),
            (Permission("oer.edit_blueprint", _l("Edit a good-practice blueprint"), STAFF),
             access.edit_policy),
            (Permission("oer.review_blueprint",
                        _l("Review and publish good-practice blueprints"), ADMIN),
             access.review_policy),
        ]

    def publishable_kinds(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from oer.services.practice_kind import PracticeKind
        return [PracticeKind()]

    def plan_templates(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from oer.services.practice_templates import PracticeTemplates
        return [PracticeTemplates()]

    def cli_commands(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from oer.cli import reindex_command
        return [reindex_command]

    def jobs(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from oer.services.publishing import run_build, sweep_builds
        from oer.services.search import reindex_all
        return [Job("oer.build_release", run_build),
                Job("oer.sweep_builds", sweep_builds, schedule=crontab(minute="*")),
                Job("oer.reindex", reindex_all)]

    def audit_events(self):
        return {"oer_published": _l("Open educational resource published"),
                "oer_withdrawn": _l("Release of an open educational resource withdrawn")}

    def sitemap_urls(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from oer.views.feeds import sitemap_urls
        return sitemap_urls()

    def nav_items(self):
        # no nav item for blueprints: deciding who may write one costs a query on every page;
        # the catalogue links to them instead
        return [NavItem(_l("Open resources"), "oer.index", "oer.view", order=400)]

    def home_sections(self):
        return [HomeSection(
            _l("Open educational resources"),
            _l("Finished courses, good-practice blueprints and adopted plans, free to download in the formats other platforms import."),
            "oer.index", "oer.view", _l("Browse the catalogue"), order=400)]

    def init_app(self, app):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from oer.demo import publish_demo
        from oer.demo.practices import seed
        from oer.services.oai_contact import check_admin_email
        set_publisher(app, lambda kind, key: url_for("oer.publish", kind_name=kind, key=key))
        demo_seeding.connect(seed, app, weak=False)
        demo_seeded.connect(publish_demo, app, weak=False)
        app_ready.connect(check_admin_email, app, weak=False)
