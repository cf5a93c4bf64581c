"""The action plans plugin's contract with the core."""
from flask_babel import lazy_gettext as _l

from action_plans import AUDIT_LABELS
from lms.jobs import Job, crontab
from lms.nav import HomeSection, NavItem
from lms.permissions import EVERYONE, SIGNED_IN, Permission
from lms.plugins import Plugin
from lms.signals import demo_seeding


class ActionPlansPlugin(Plugin):
    name = "action_plans"
    requires = ('networks',)
    default_config = {"ACTION_PLANS_EVIDENCE_MAX_BYTES": 10 * 1024 * 1024}

    def import_models(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        import action_plans.models  # noqa: F401

    def blueprints(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from action_plans.blueprint import bp
        return [bp]

    def permissions(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from action_plans.services import access
        return [
            Permission("action_plans.view", _l("Browse regional action plans"), EVERYONE),
            (Permission("action_plans.view_plan",
                        _l("Read an action plan (its network's members; everyone once it is "
                           "adopted and public)"), EVERYONE), access.view_plan_policy),
            (Permission("action_plans.create", _l("Start an action plan for a network"),
                        SIGNED_IN), access.create_policy),
            (Permission("action_plans.edit_plan",
                        _l("Edit a whole action plan (coordinators and editors)"), SIGNED_IN),
             access.edit_plan_policy),
            (Permission("action_plans.sign",
                        _l("Sign an action plan's adoption for a partner organisation (its "
                           "admins, or the person it names)"), SIGNED_IN), access.sign_policy),
            (Permission("action_plans.edit_action",
                        _l("Edit an action, its partners, milestones and progress (coordinators "
                           "and editors; contributors for their organisation's actions)"),
                        SIGNED_IN), access.edit_action_policy),
            (Permission("action_plans.submit_measurement",
                        _l("Enter measurements of an indicator (coordinators, editors, and "
                           "contributors of its responsible organisation)"), SIGNED_IN),
             access.submit_measurement_policy),
            (Permission("action_plans.approve_measurement",
                        _l("Approve or return measurements of an indicator (its approver, else "
                           "the network's coordinators)"), SIGNED_IN),
             access.approve_measurement_policy),
            (Permission("action_plans.comment",
                        _l("Comment on a plan's sections, goals, actions and indicators, and "
                           "reply (its network's contributors, editors and coordinators)"),
                        SIGNED_IN), access.comment_policy),
            (Permission("action_plans.resolve_comment",
                        _l("Resolve or reopen a comment (its author, and the plan's "
                           "coordinators and editors)"), SIGNED_IN),
             access.resolve_comment_policy),
            (Permission("action_plans.edit_comment",
                        _l("Change the text of one's own comment on an action plan"),
                        SIGNED_IN), access.edit_comment_policy),
        ]

    def publishable_kinds(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from action_plans.publishing_kind import PlanKind
        return [PlanKind()]

    def cli_commands(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from action_plans.cli import commands
        return [commands]

    def jobs(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from action_plans.services.comments import mail_mentions
        from action_plans.services.reminders import send_reminders
        return [Job("action_plans.remind", send_reminders, schedule=crontab(hour="6", minute="0")),
                Job("action_plans.mail_mentions", mail_mentions, retries=3, retry_delay=60)]

    def audit_events(self):
        return AUDIT_LABELS

    def nav_items(self):
        return [NavItem(_l("Action plans"), "action_plans.index", "action_plans.view", order=300)]

    def home_sections(self):
        return [HomeSection(
            _l("Regional action plans"),
            _l("Networks draft a regional action plan together, adopt it with every partner's sign-off and track it with measurements."),
            "action_plans.index", "action_plans.view", _l("Browse action plans"), order=300)]

    def init_app(self, app):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from action_plans.demo import seed
        from action_plans.services import generation
        from action_plans.views import fragments
        demo_seeding.connect(seed, app, weak=False)
        generation.listen()
        fragments.init_app(app)
