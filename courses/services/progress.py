"""Progress: lessons done, the completion rule, and what completing a course brings."""
import secrets

from flask import current_app, url_for
from sqlalchemy import and_, select

from courses.models import Completion, Course, Enrolment, Module, Progress, Release
from courses.services import access
from lms import activity
from lms.extensions import db
from lms.models import Membership, User
from lms.timeutil import utcnow


def current_release(course):
    if not course.published_version:
        return None
    return db.session.scalar(select(Release).where(
        Release.course_id == course.id, Release.number == course.published_version))


def done_lesson_ids(user, course):
    return access.done_lesson_ids(user, course)


def ensure_enrolment(user, course, cohort_id=None):
    enrolment = access.enrolment_of(user, course)
    if enrolment is None:
        enrolment = Enrolment(user_id=user.id, course_id=course.id, cohort_id=cohort_id)
        db.session.add(enrolment)
        db.session.flush()
        access.forget_learning_state(user, course)
    elif cohort_id is not None:
        enrolment.cohort_id = cohort_id
    return enrolment


def mark_lesson_done(user, lesson):
    """Record that `user` has done `lesson` (a Lesson; for a quiz: passed it). Idempotent.

    Completes the course when the completion rule is then met, and returns the Completion
    when this call completed it, else None.
    """
    course = db.session.get(Course, db.session.scalar(
        select(Module.course_id).where(Module.id == lesson.module_id)))
    return record_done(user, course, lesson.id)


def record_done(user, course, lesson_id):
    """mark_lesson_done by the lesson's identity (it may be gone from the draft)."""
    enrolment = ensure_enrolment(user, course)
    enrolment.last_activity_at = utcnow()
    exists = db.session.scalar(select(Progress.id).where(
        Progress.user_id == user.id, Progress.lesson_id == lesson_id))
    if exists is None:
        db.session.add(Progress(user_id=user.id, course_id=course.id, lesson_id=lesson_id))
        db.session.flush()
        access.forget_learning_state(user, course)
    return complete_if_rule_met(user, course)


def rule_met(release, done_ids):
    """The completion rule: every lesson of the published version done (a quiz: passed)."""
    wanted = set(release.lesson_ids)
    return bool(wanted) and wanted <= done_ids


def complete_if_rule_met(user, course, release=None):
    release = release or current_release(course)
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


def completion_of(user, course):
    return db.session.scalar(select(Completion).where(
        Completion.user_id == user.id, Completion.course_id == course.id))


def where_to_continue(release, last_lesson_id, done):
    """The lesson to open next: the last one opened if not yet done, else the next not done."""
    ids = release.lesson_ids if release else []
    if last_lesson_id in ids:
        start = ids.index(last_lesson_id)
        if last_lesson_id not in done:
            return last_lesson_id
        ids = ids[start + 1:] + ids[:start]
    return next((lesson_id for lesson_id in ids if lesson_id not in done), None)


def complete_those_who_are_done(course, release):
    """After a new version: learners who have already done all of it complete the course."""
    learners = db.session.scalars(select(User).join(Enrolment, Enrolment.user_id == User.id)
                                  .outerjoin(Completion, and_(
                                      Completion.user_id == User.id,
                                      Completion.course_id == course.id))
                                  .where(Enrolment.course_id == course.id,
                                         Completion.id.is_(None))).all()
    return [user for user in learners if complete_if_rule_met(user, course, release)]
