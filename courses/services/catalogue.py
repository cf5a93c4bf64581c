"""Finding courses: the catalogue of published courses and a learner's own courses."""
from sqlalchemy import and_, bindparam, or_, select
from sqlalchemy.orm import aliased, defer

from courses.models import Completion, Course, Enrolment, Lesson, Progress, Release, \
    ReleasedLesson
from courses.services import access
from lms.database import id_list, read_id_list
from lms.extensions import db

PAGE_SIZE = 24


def published():
    return and_(Course.status == "published", Course.published_version > 0)


def search(words="", language="", topic="", page=1):
    statement = select(Course).where(published()).order_by(Course.title)
    for word in words.split()[:8]:
        statement = statement.where(or_(
            Course.title.icontains(word, autoescape=True),
            Course.summary.icontains(word, autoescape=True),
            Course.outcomes.icontains(word, autoescape=True),
            Course.audience.icontains(word, autoescape=True)))
    if language:
        statement = statement.where(Course.language == language)
    if topic:
        statement = statement.where(Course.topic == topic)
    rows = db.session.scalars(statement.limit(PAGE_SIZE + 1)
                              .offset((page - 1) * PAGE_SIZE)).all()
    return rows[:PAGE_SIZE], len(rows) > PAGE_SIZE


def with_release(course_id_or_slug_clause):
    """(Course, Release of the published version) for one course, in one query."""
    return db.session.execute(
        select(Course, Release).outerjoin(Release, and_(
            Release.course_id == Course.id, Release.number == Course.published_version))
        .where(course_id_or_slug_clause)).first()


_LESSON_IN_RELEASE = None


def lesson_in_release(slug, lesson_id, user=None):
    """(Course, Release, ReleasedLesson, translation state) for a published lesson, in one
    query, or None. The state is None for an original; for a language version it is
    "up_to_date", "outdated" (the original lesson changed after it was translated) or
    "untranslated" (still in the original's words).

    The same statement reads `user`'s enrolment in the course and the lessons they have done,
    and leaves them where `access.enrolment_of` and `access.done_lesson_ids` find them for the
    rest of the request: a lesson page needs no statement of its own for them."""
    global _LESSON_IN_RELEASE
    if _LESSON_IN_RELEASE is None:   # built once: every lesson page runs it
        draft, source = aliased(Lesson), aliased(Lesson)
        done = (select(id_list(Progress.lesson_id))
                .where(Progress.user_id == bindparam("user_id"),
                       Progress.course_id == Course.id)
                .correlate(Course).scalar_subquery())
        _LESSON_IN_RELEASE = (
            select(Course, Release, ReleasedLesson, draft.translated_at,
                   source.content_changed_at, Enrolment, done)
            .join(Release, and_(Release.course_id == Course.id,
                                Release.number == Course.published_version))
            .join(ReleasedLesson, and_(ReleasedLesson.release_id == Release.id,
                                       ReleasedLesson.lesson_id == bindparam("lesson_id")))
            .outerjoin(draft, draft.id == ReleasedLesson.lesson_id)
            .outerjoin(source, source.id == draft.source_lesson_id)
            .outerjoin(Enrolment, and_(Enrolment.course_id == Course.id,
                                       Enrolment.user_id == bindparam("user_id")))
            .where(Course.slug == bindparam("slug"))
            # the outline (hundreds of lessons in a long course) is read once per process
            # and release by courses.services.outline, not on every page; nor does the page
            # show the course's longer texts
            .options(defer(Release.outline), defer(Course.summary), defer(Course.outcomes),
                     defer(Course.audience), defer(Course.cover_alt),
                     defer(Course.enrolment_key), defer(Course.created_at),
                     defer(Course.changed_at), defer(Enrolment.enrolled_at)))
    known = user is not None and getattr(user, "is_authenticated", False)
    row = db.session.execute(_LESSON_IN_RELEASE, {
        "slug": slug, "lesson_id": lesson_id, "user_id": user.id if known else 0}).first()
    if row is None:
        return None
    course, release, lesson, translated_at, source_changed_at, enrolment, done = row
    if known:
        access.remember_learning_state(user, course, enrolment, read_id_list(done))
    state = None
    if course.translation_of_id is not None and source_changed_at is not None:
        if translated_at is None:
            state = "untranslated"
        elif source_changed_at > translated_at:
            state = "outdated"
        else:
            state = "up_to_date"
    return course, release, lesson, state


def my_courses(user):
    """[(Enrolment, Course, Release, lessons done, Completion or None)] for a learner."""
    rows = db.session.execute(
        select(Enrolment, Course, Release).join(Course, Course.id == Enrolment.course_id)
        .outerjoin(Release, and_(Release.course_id == Course.id,
                                 Release.number == Course.published_version))
        .where(Enrolment.user_id == user.id)
        .order_by(Enrolment.last_activity_at.desc())).all()
    done = {}
    for course_id, lesson_id in db.session.execute(
            select(Progress.course_id, Progress.lesson_id).where(Progress.user_id == user.id)):
        done.setdefault(course_id, set()).add(lesson_id)
    completions = {c.course_id: c for c in db.session.scalars(
        select(Completion).where(Completion.user_id == user.id))}
    return [(enrolment, course, release, done.get(course.id, set()),
             completions.get(course.id)) for enrolment, course, release in rows]
