"""The networks plugin's contract with the core."""
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from lms.nav import HomeSection, NavItem, OrganisationSection
from lms.permissions import EVERYONE, SIGNED_IN, Permission
from lms.plugins import Plugin
from lms.signals import activity, demo_seeding, organisation_member_removed
from networks import AUDIT_LABELS


class NetworksPlugin(Plugin):
    # The hooks import the plugin's modules when called: the core imports the plugin.py of every
    # installed plugin, and a disabled one's models must not join the metadata.
    name = "networks"
    requires = ()
    default_config = {"NETWORKS_LOGO_MAX_BYTES": 1024 * 1024}

    def import_models(self):
        import networks.models  # noqa: F401

    def blueprints(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from networks.blueprint import bp
        return [bp]

    def permissions(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from networks.services.access import member_themes_policy, role_policy, view_policy
        return [
            (Permission("networks.view", _l("See public networks, and those one belongs to"),
                        EVERYONE), view_policy),
            Permission("networks.create", _l("Start a network"), SIGNED_IN),
            (Permission("networks.view_people", _l("See a network's people, contacts and "
                                                   "members-only activity"), SIGNED_IN),
             role_policy("viewer")),
            (Permission("networks.contribute", _l("Contribute to a network's work, such as "
                                                  "its action plan"), SIGNED_IN),
             role_policy("contributor")),
            (Permission("networks.edit", _l("Edit a network's profile and shared content"),
                        SIGNED_IN), role_policy("editor")),
            (Permission("networks.manage_members", _l("Invite, accept, remove and give roles "
                                                      "to a network's members"), SIGNED_IN),
             role_policy("coordinator")),
            (Permission("networks.edit_member_themes", _l("Say which themes a member "
                                                          "organisation works on"), SIGNED_IN),
             member_themes_policy),
            (Permission("networks.request_join", _l("Ask for one's organisation to join a "
                                                    "network"), SIGNED_IN), view_policy),
            Permission("networks.accept_invitation", _l("Accept an invitation into a network"),
                       EVERYONE),
            Permission("networks.leave", _l("Leave a network"), SIGNED_IN),
        ]

    def audit_events(self):
        return AUDIT_LABELS

    def activity_kinds(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from networks.services.feed import ACTIVITY_KINDS
        return ACTIVITY_KINDS

    def invitation_kinds(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from networks.services.invitations import KIND
        return [KIND]

    def nav_items(self):
        return [NavItem(_l("Networks"), "networks.index", "networks.view", order=200)]

    def home_sections(self):
        return [HomeSection(
            _l("Interagency networks"),
            _l("Municipalities, NGOs, schools, universities, employers and volunteer groups of one region working together."),
            "networks.index", "networks.view", _l("Browse networks"), order=200)]

    def organisation_sections(self):
        return [OrganisationSection("networks/_organisation.html", "networks.view",
                                    networks_of_organisation, order=200)]

    def init_app(self, app):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from networks import demo
        from networks.services import feed, membership
        activity.connect(feed.store, sender=app)
        demo_seeding.connect(demo.seed, sender=app)
        organisation_member_removed.connect(membership.organisation_member_removed, sender=app)


def networks_of_organisation(organisation):
    """The organisation page's section: the networks it belongs to that the viewer may see."""
    # imported on call: plugin.py must not load a disabled plugin's modules
    from networks.services.network import networks_of
    networks = networks_of(organisation, current_user)
    return {"networks": networks} if networks else None
