"""Finding courses: the catalogue of published courses and a learner's own courses."""
from sqlalchemy import and_, or_, select

from courses.models import Completion, Course, Enrolment, Progress, Release
from lms.extensions import db
from lms.paging import paginate

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
    return paginate(statement, page, PAGE_SIZE)


def with_release(course_id_or_slug_clause):
    """(Course, Release of the published version) for one course, in one query."""
    return db.session.execute(
        select(Course, Release).outerjoin(Release, and_(
            Release.course_id == Course.id, Release.number == Course.published_version))
        .where(course_id_or_slug_clause)).first()


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
