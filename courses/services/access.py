"""Who may do what with a course: the policies behind the courses.* permissions."""
from sqlalchemy import select

from lms.extensions import db
from lms.permissions import holds_role, site_role

TRAINER = "courses.trainer"


def is_trainer(user, course):
    return holds_role(user, TRAINER, course)


def edit_policy(user, course, permission):
    """The course's trainers and site admins; without a course, the permission's site roles."""
    if site_role(user) == "admin":
        return True
    if course is None:
        return site_role(user) in permission.roles
    return is_trainer(user, course)


def view_course_policy(user, course, permission):
    """A published or archived course is open to all; a draft only to those who edit it."""
    if course is None or course.is_public:
        return True
    return edit_policy(user, course, permission)


def enrolment_of(user, course):
    from courses.models import Enrolment
    if not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(select(Enrolment).where(
        Enrolment.user_id == user.id, Enrolment.course_id == course.id))


def learn_policy(user, course, permission):
    """Enrolled learners of a public course, and the course's trainers (to try it out)."""
    if course is None:
        return site_role(user) in permission.roles
    if edit_policy(user, course, permission):
        return True
    return course.is_public and enrolment_of(user, course) is not None
