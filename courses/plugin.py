"""The courses plugin's contract with the core."""
from flask_babel import lazy_gettext as _l

from lms.nav import HomeSection, NavItem
from lms.permissions import EVERYONE, Permission
from lms.plugins import Plugin


class CoursesPlugin(Plugin):
    name = "courses"
    requires = ()

    def blueprints(self):
        from courses.views import bp
        return [bp]

    def permissions(self):
        return [Permission("courses.view", _l("Browse published courses"), EVERYONE)]

    def nav_items(self):
        return [NavItem(_l("Courses"), "courses.index", "courses.view", order=100)]

    def home_sections(self):
        return [HomeSection(
            _l("Courses and toolkit"),
            _l("Short practical modules for staff of inclusion organisations, with quizzes, self-assessment tools and certificates."),
            "courses.index", "courses.view", _l("Browse courses"), order=100)]
