"""Trainers invite learners by email; accepting enrols them (and creates the account if needed:
the core's invitation page does that)."""
from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from courses.models import Cohort, Course
from courses.services.progress import ensure_enrolment
from lms.extensions import db
from lms.invitations import InvitationKind, Welcome, services as invitations
from lms.security import audit

split_addresses = invitations.split_addresses


def invite(course, emails, cohort, inviter):
    for email in emails:
        invitations.send(KIND, course, email, inviter,
                         _l("You are invited to the course %(title)s", title=course.title),
                         "course_invitation", details={"cohort_id": cohort.id} if cohort else {},
                         course=course)
    audit("course_invitations_sent", course=course.slug, count=len(emails))


def accept(invitation, course, user):
    cohort_id = invitation.details.get("cohort_id")
    if cohort_id is not None and db.session.get(Cohort, cohort_id) is None:
        cohort_id = None   # the cohort was deleted after the invitation was sent
    ensure_enrolment(user, course, cohort_id)
    audit("course_invitation_accepted", subject=user, course=course.slug)
    return Welcome(_l("Welcome to the course %(title)s.", title=course.title),
                   url_for("courses.show", slug=course.slug))


def _title(course):
    return _("Invitation to %(title)s", title=course.title)


def _course(course_id):
    return db.session.get(Course, course_id)


KIND = InvitationKind(
    "courses.course", purpose="course_invitation", days_setting="COURSES_INVITATION_DAYS",
    endpoint="courses.accept_invitation", target=_course, title=_title, accept=accept,
    lead="courses/_invitation.html", accept_label=_l("Accept and enrol"),
    create_label=_l("Create the account and enrol"))
