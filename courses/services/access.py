"""Who may do what with a course: the policies behind the courses.* permissions."""
from flask import g, has_request_context
from sqlalchemy import and_, bindparam, select

from courses.models import Enrolment, Progress
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


_LEARNING_STATE = None


class _LearningState:
    """A learner's enrolment in one course (its id; the Enrolment itself once asked for) and
    the ids of the lessons they have done, kept for the request."""
    __slots__ = ("enrolment_id", "enrolment", "done")

    def __init__(self, enrolment_id, enrolment, done):
        self.enrolment_id = enrolment_id
        self.enrolment = enrolment
        self.done = done


def _learning_state(user, course):
    """The _LearningState of `user` in `course`, in one query the first time a request asks."""
    global _LEARNING_STATE
    cache = g.setdefault("courses_learning", {}) if has_request_context() else {}
    key = (user.id, course.id)
    if key not in cache:
        if _LEARNING_STATE is None:   # built once: every lesson page runs it
            _LEARNING_STATE = (
                select(Enrolment, Progress.lesson_id).outerjoin(Progress, and_(
                    Progress.user_id == Enrolment.user_id,
                    Progress.course_id == Enrolment.course_id))
                .where(Enrolment.user_id == bindparam("user_id"),
                       Enrolment.course_id == bindparam("course_id")))
        rows = db.session.execute(_LEARNING_STATE,
                                  {"user_id": user.id, "course_id": course.id}).all()
        enrolment = rows[0][0] if rows else None
        cache[key] = _LearningState(
            enrolment.id if enrolment is not None else None, enrolment,
            {lesson_id for _e, lesson_id in rows if lesson_id is not None})
    return cache[key]


def remember_learning_state(user, course, enrolment_id, done):
    """Keep for the request what a query that read them anyway found: the id of `user`'s
    enrolment in `course` (or None) and the ids of the lessons they have done."""
    if has_request_context():
        g.setdefault("courses_learning", {})[(user.id, course.id)] = \
            _LearningState(enrolment_id, None, done)


def is_enrolled(user, course):
    """True when the learner is enrolled in `course`."""
    if not getattr(user, "is_authenticated", False):
        return False
    return _learning_state(user, course).enrolment_id is not None


def enrolment_of(user, course):
    """The learner's enrolment in `course`, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    state = _learning_state(user, course)
    if state.enrolment is None and state.enrolment_id is not None:
        state.enrolment = db.session.get(Enrolment, state.enrolment_id)
    return state.enrolment


def done_lesson_ids(user, course):
    """The lesson identities `user` has done in `course` (a quiz: passed)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    state = _learning_state(user, course)
    if state.enrolment_id is not None:
        return state.done
    return set(db.session.scalars(select(Progress.lesson_id).where(
        Progress.user_id == user.id, Progress.course_id == course.id)))


def forget_learning_state(user, course):
    if has_request_context():
        g.setdefault("courses_learning", {}).pop((user.id, course.id), None)


def learn_policy(user, course, permission):
    """Enrolled learners of a public course, and the course's trainers (to try it out)."""
    if course is None:
        return site_role(user) in permission.roles
    if course.is_public and is_enrolled(user, course):
        return True
    return edit_policy(user, course, permission)
