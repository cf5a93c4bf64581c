"""The courses plugin's contract with the core."""
from flask_babel import lazy_gettext as _l

from lms.activity import ActivityKind
from lms.nav import HomeSection, NavItem
from lms.permissions import EVERYONE, SIGNED_IN, STAFF, Permission, ScopedRole
from lms.plugins import Plugin
from lms.signals import demo_seeding


class CoursesPlugin(Plugin):
    name = "courses"
    requires = ()
    default_config = {
        "COURSES_MEDIA_MAX_BYTES": {"image": 5 * 1024 * 1024, "pdf": 20 * 1024 * 1024,
                                    "audio": 50 * 1024 * 1024, "video": 100 * 1024 * 1024},
        "COURSES_INVITATION_DAYS": 30,
        # An organisation's summary of a self-assessment tool needs this many people who answered.
        "COURSES_ASSESSMENT_MIN_GROUP": 5,
        "COURSES_RESOURCE_MAX_BYTES": 10 * 1024 * 1024,
    }

    def import_models(self):
        import courses.models  # noqa: F401

    def blueprints(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from courses.blueprint import bp
        from courses.quizzes.blueprint import bp as quizzes
        from courses.toolkit.blueprint import bp as toolkit
        return [bp, toolkit, quizzes]

    def permissions(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from courses.services import access
        from courses.toolkit.services.access import PERMISSIONS as TOOLKIT_PERMISSIONS
        return [
            Permission("courses.view", _l("Browse published courses"), EVERYONE),
            Permission("courses.create", _l("Create courses"), STAFF),
            (Permission("courses.view_course", _l("Open a course's page"), EVERYONE),
             access.view_course_policy),
            (Permission("courses.edit", _l("Edit a course, its lessons and its trainers"),
                        STAFF), access.edit_policy),
            (Permission("courses.learn", _l("Read a course's lessons and record progress"),
                        SIGNED_IN), access.learn_policy),
            Permission("courses.enrol", _l("Enrol in courses"), SIGNED_IN),
            Permission("courses.upload_media", _l("Upload files to the media store"), STAFF),
            Permission("courses.verify", _l("Verify certificates and badges"), EVERYONE),
            *TOOLKIT_PERMISSIONS,
        ]

    def scoped_roles(self):
        return [ScopedRole("courses.trainer", _l("Trainer of a course"), "courses_course")]

    def activity_kinds(self):
        return [ActivityKind("courses.completed", _l("%(actor)s completed the course %(title)s"))]

    def publishable_kinds(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from courses.publishing_kind import CourseKind
        return [CourseKind()]

    def invitation_kinds(self):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from courses.services.invitations import KIND
        return [KIND]

    def nav_items(self):
        return [NavItem(_l("Courses"), "courses.index", "courses.view", order=100),
                NavItem(_l("My learning"), "courses.dashboard", "courses.enrol", order=110),
                NavItem(_l("Toolkit"), "courses_toolkit.index", "courses.view", order=120)]

    def home_sections(self):
        return [HomeSection(
            _l("Courses and toolkit"),
            _l("Short practical modules for staff of inclusion organisations, with quizzes, self-assessment tools and certificates."),
            "courses.index", "courses.view", _l("Browse courses"), order=100)]

    def init_app(self, app):
        # imported on call: plugin.py must not load a disabled plugin's modules
        from courses import demo
        from courses.toolkit import demo as toolkit_demo

        def seed_demo(sender, **kwargs):
            # one receiver, so that the toolkit's demo finds the demo course made before it
            demo.seed(sender, **kwargs)
            toolkit_demo.seed(sender, **kwargs)
        demo_seeding.connect(seed_demo, app, weak=False)
