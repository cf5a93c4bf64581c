"""Progress: lessons done, the completion rule, and what completing a course brings."""
import secrets

from flask import current_app, url_for
from sqlalchemy import func, select

from courses.models import Completion, Course, Enrolment, Module, Progress, Release
from lms import activity
from lms.extensions import db
from lms.models import Membership
from lms.timeutil import utcnow


def current_release(course):
    if not course.published_version:
        return None
    return db.session.scalar(select(Release).where(
        Release.course_id == course.id, Release.number == course.published_version))


def done_lesson_ids(user, course):
    return set(db.session.scalars(select(Progress.lesson_id).where(
        Progress.user_id == user.id, Progress.course_id == course.id)))


def ensure_enrolment(user, course):
    enrolment = db.session.scalar(select(Enrolment).where(
        Enrolment.user_id == user.id, Enrolment.course_id == course.id))
    if enrolment is None:
        enrolment = Enrolment(user_id=user.id, course_id=course.id)
        db.session.add(enrolment)
        db.session.flush()
    return enrolment


def mark_lesson_done(user, lesson):
    """Record that `user` has done `lesson` (a Lesson; for a quiz: passed it). Idempotent.

    Completes the course when the completion rule is then met, and returns the Completion
    when this call completed it, else None.
    """
    course = db.session.get(Course, db.session.scalar(
        select(Module.course_id).where(Module.id == lesson.module_id)))
    enrolment = ensure_enrolment(user, course)
    enrolment.last_activity_at = utcnow()
    exists = db.session.scalar(select(Progress.id).where(
        Progress.user_id == user.id, Progress.lesson_id == lesson.id))
    if exists is None:
        db.session.add(Progress(user_id=user.id, course_id=course.id, lesson_id=lesson.id))
        db.session.flush()
    return complete_if_rule_met(user, course)


def rule_met(release, done_ids):
    """The completion rule: every lesson of the published version done (a quiz: passed)."""
    wanted = set(release.lesson_ids)
    return bool(wanted) and wanted <= done_ids


def complete_if_rule_met(user, course):
    release = current_release(course)
    if release is None or not rule_met(release, done_lesson_ids(user, course)):
        return None
    if db.session.scalar(select(Completion.id).where(
            Completion.user_id == user.id, Completion.course_id == course.id)) is not None:
        return None
    completion = Completion(user_id=user.id, course_id=course.id, code=new_code(),
                            release_number=release.number)
    db.session.add(completion)
    db.session.flush()
    organisation_ids = db.session.scalars(select(Membership.organisation_id).where(
        Membership.user_id == user.id, Membership.status == "active")).all()
    activity.record("courses.completed", actor=user, organisation_ids=organisation_ids,
                    title=course.title,
                    url=url_for("courses.show", slug=course.slug, _external=True),
                    public=False)
    current_app.logger.info("course %s completed by user %s", course.slug, user.id)
    return completion


def new_code():
    """A certificate code that is easy to read aloud and type: 12 characters, no look-alikes."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def share_done(release, done_ids):
    """(lessons done, lessons in the version) for a progress bar."""
    ids = release.lesson_ids if release else []
    return sum(1 for lesson_id in ids if lesson_id in done_ids), len(ids)


def learner_count(course):
    return db.session.scalar(select(func.count(Enrolment.id)).where(
        Enrolment.course_id == course.id))
