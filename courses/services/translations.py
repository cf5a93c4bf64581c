"""Language versions: a translation copies a course's structure and tracks each lesson's source."""
from sqlalchemy import select

from courses.models import Course, Lesson, Module
from courses.services import authoring
from courses.services.access import TRAINER
from lms.extensions import db
from lms.models import User
from lms.roles import assign_role, holders
from lms.timeutil import utcnow


def original_of(course):
    return db.session.get(Course, course.translation_of_id) if course.translation_of_id \
        else course


def versions(course):
    """Every language version of `course`'s family (the original first), as Course rows."""
    original = original_of(course)
    family = db.session.scalars(select(Course).where(Course.translation_of_id == original.id)
                                .order_by(Course.language)).all()
    return [original, *family]


def published_in(course, language):
    """The published language version of `course` in `language`, or None."""
    return next((each for each in versions(course)
                 if each.language == language and each.status == "published"
                 and each.published_version), None)


def start_translation(original, language, by):
    """A draft copy of `original` in `language`: same modules and lessons, texts to translate."""
    translation = authoring.create_course(
        by, title=original.title, slug=f"{original.slug}-{language}", summary=original.summary,
        language=language, topic=original.topic, licence=original.licence,
        cover_id=original.cover_id, cover_alt=original.cover_alt, outcomes=original.outcomes,
        audience=original.audience, estimated_hours=original.estimated_hours,
        enrolment=original.enrolment, enrolment_key=original.enrolment_key)
    translation.translation_of_id = original.id
    for user_id in holders(TRAINER, original):
        assign_role(db.session.get(User, user_id), TRAINER, translation)
    for module in original.modules:
        copy = authoring.add_module(translation, module.title)
        for lesson in module.lessons:
            added = authoring.add_lesson(copy, lesson.title, lesson.kind, lesson.body_source)
            added.source_lesson_id = lesson.id
            added.translated_at = None
    db.session.flush()
    return translation


def mark_translated(lesson):
    """The trainer has brought this translated lesson up to date with its original."""
    if lesson.source_lesson_id is not None:
        lesson.translated_at = utcnow()
        db.session.flush()


def lesson_states(course):
    """{lesson id: "up_to_date" | "outdated" | "untranslated"} for a translation's lessons."""
    if course.translation_of_id is None:
        return {}
    rows = db.session.execute(
        select(Lesson.id, Lesson.translated_at, Module.id, Lesson.source_lesson_id)
        .join(Module, Module.id == Lesson.module_id).where(Module.course_id == course.id)).all()
    sources = {lesson_id: changed for lesson_id, changed in db.session.execute(
        select(Lesson.id, Lesson.content_changed_at).where(
            Lesson.id.in_([row[3] for row in rows if row[3] is not None])))}
    states = {}
    for lesson_id, translated_at, _module_id, source_id in rows:
        if source_id is None or source_id not in sources:
            continue
        if translated_at is None:
            states[lesson_id] = "untranslated"
        elif sources[source_id] > translated_at:
            states[lesson_id] = "outdated"
        else:
            states[lesson_id] = "up_to_date"
    return states
