"""The courses plugin's contract with the core."""
from flask_babel import lazy_gettext as _l

from lms.nav import HomeSection, NavItem
from lms.permissions import EVERYONE, Permission
from lms.plugins import Plugin


class CoursesPlugin(Plugin):
    name = "courses"
    requires = ()
    # An organisation's summary of a self-assessment tool needs this many people who answered.
    default_config = {"COURSES_ASSESSMENT_MIN_GROUP": 5}

    def import_models(self):
        import courses.models.assessment  # noqa: F401

    def blueprints(self):
        from courses.toolkit.blueprint import load_blueprint
        from courses.views import bp
        return [bp, load_blueprint()]

    def permissions(self):
        from courses.toolkit.permissions import PERMISSIONS as TOOLKIT_PERMISSIONS
        return [Permission("courses.view", _l("Browse published courses"), EVERYONE),
                *TOOLKIT_PERMISSIONS]

    def nav_items(self):
        return [NavItem(_l("Courses"), "courses.index", "courses.view", order=100),
                NavItem(_l("Toolkit"), "courses_toolkit.index", "courses.view", order=110)]

    def home_sections(self):
        return [HomeSection(
            _l("Courses and toolkit"),
            _l("Short practical modules for staff of inclusion organisations, with quizzes, self-assessment tools and certificates."),
            "courses.index", "courses.view", _l("Browse courses"), order=100)]
