"""Enrolling in a course: open, with a key, or by invitation."""
import hmac

from courses.services.progress import ensure_enrolment
from lms.security import audit


class EnrolmentRefused(Exception):
    """The learner may not enrol; the message says why."""


def can_self_enrol(course):
    return course.status == "published" and course.enrolment in ("open", "key")


def enrol(user, course, key=""):
    if not can_self_enrol(course):
        raise EnrolmentRefused("closed")
    if course.enrolment == "key" and not hmac.compare_digest(
            (key or "").strip().encode(), course.enrolment_key.encode()):
        raise EnrolmentRefused("key")
    enrolment = ensure_enrolment(user, course)
    audit("course_enrolled", subject=user, course=course.slug)
    return enrolment
