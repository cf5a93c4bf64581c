"""Who may build, fill in and read the summaries of self-assessment tools."""
from flask_babel import lazy_gettext as _l

from lms.organisations import services as organisations
from lms.permissions import SIGNED_IN, STAFF, Permission, can, site_role


def edit_tool_policy(user, tool, permission):
    """Trainers and admins may start tools; a tool is edited by admins, the trainer who made it
    and, when it belongs to a course, those who edit the course."""
    role = site_role(user)
    if tool is None or role == "admin":
        return role in permission.roles
    if tool.course is not None and can(user, "courses.edit", tool.course):
        return True
    return role in permission.roles and tool.created_by_id == user.id


def organisation_summary_policy(user, organisation, permission):
    """The admins of an organisation read its summary; nobody else does."""
    if organisation is None:
        return site_role(user) in permission.roles
    return organisations.is_admin(user, organisation)


PERMISSIONS = [
    (Permission("courses.edit_assessment", _l("Build and edit self-assessment tools"), STAFF),
     edit_tool_policy),
    Permission("courses.take_assessment", _l("Fill in self-assessment tools and read one's "
                                             "own results"), SIGNED_IN),
    (Permission("courses.view_assessment_summary",
                _l("Read an organisation's summary of a self-assessment tool"), SIGNED_IN),
     organisation_summary_policy),
]
