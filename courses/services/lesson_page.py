"""What a lesson page reads: one statement for what may change, and what never does kept.

A published release never changes, so the text of its lessons is kept per process (least
recently used dropped first, within LESSON_CACHE_BYTES), as its outline is
(`courses.services.outline`). Each view then reads, in one statement of plain columns, only
what may have changed since: the course and its current version, whether a translated lesson
is up to date, and the learner's enrolment and lessons done. The statement runs on the
request's connection without building ORM objects, which cost more than the reading itself.
"""
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, bindparam, select, update
from sqlalchemy.orm import aliased

from courses.models import Course, Enrolment, Lesson, Progress, Release, ReleasedLesson
from courses.services import access
from courses.services.outline import lesson_ids_of
from lms.database import id_list, read_id_list
from lms.extensions import db
from lms.memo import LRU
from lms.timeutil import utcnow

LESSON_CACHE_BYTES = 16 * 1024 * 1024   # per process; a long lesson is about 10 kB
_ENTRY_OVERHEAD = 400                   # the entry, its key and its strings' headers


@dataclass(frozen=True, slots=True)
class CourseOfLesson:
    """What a lesson page shows and checks of its course. The permission policies read it as
    they read a Course: `holds_role` scopes roles by the table's name and the id."""
    __tablename__ = Course.__tablename__

    id: int
    slug: str
    title: str
    language: str
    status: str
    published_version: int
    translation_of_id: int | None

    @property
    def is_public(self):
        return self.status in ("published", "archived") and self.published_version > 0


@dataclass(frozen=True, slots=True)
class PublishedRelease:
    """The published version a lesson is read from, by the key its outline is kept under."""
    id: int
    published_at: datetime

    @property
    def outline(self):
        """Read only when this process has not kept the outline yet."""
        return db.session.scalar(select(Release.outline).where(Release.id == self.id))


@dataclass(frozen=True, slots=True)
class PublishedLesson:
    """A lesson as the release published it: its body is sanitised HTML made at publication."""
    lesson_id: int
    title: str
    module_title: str
    kind: str
    body_html: str


@dataclass(frozen=True, slots=True)
class LessonPage:
    course: CourseOfLesson
    release: PublishedRelease
    lesson: PublishedLesson
    # None for an original; for a language version "up_to_date", "outdated" (the original
    # lesson changed after it was translated) or "untranslated" (still in the original's words)
    translation_state: str | None
    enrolment_id: int | None
    last_lesson_id: int | None
    done: frozenset

    @property
    def enrolled(self):
        return self.enrolment_id is not None


def _weight(lesson):
    """About the bytes a kept lesson takes."""
    return _ENTRY_OVERHEAD + len(lesson.body_html) + len(lesson.title) + len(lesson.module_title)


_LESSONS = LRU(LESSON_CACHE_BYTES, _weight)
_STATEMENT = None


def _statement():
    """Built once: every lesson page runs it."""
    global _STATEMENT
    if _STATEMENT is None:
        draft, source = aliased(Lesson), aliased(Lesson)
        done = (select(id_list(Progress.lesson_id))
                .where(Progress.user_id == bindparam("user_id"),
                       Progress.course_id == Course.id)
                .correlate(Course).scalar_subquery())
        _STATEMENT = (
            select(Course.id, Course.slug, Course.title, Course.language, Course.status,
                   Course.published_version, Course.translation_of_id,
                   Release.id, Release.published_at,
                   draft.translated_at, source.content_changed_at,
                   Enrolment.id, Enrolment.last_lesson_id, done)
            .join(Release, and_(Release.course_id == Course.id,
                                Release.number == Course.published_version))
            # the lesson's draft, for a translation's state (it may be gone since)
            .outerjoin(draft, draft.id == bindparam("lesson_id"))
            .outerjoin(source, source.id == draft.source_lesson_id)
            .outerjoin(Enrolment, and_(Enrolment.course_id == Course.id,
                                       Enrolment.user_id == bindparam("user_id")))
            .where(Course.slug == bindparam("slug")))
    return _STATEMENT


def read(slug, lesson_id, user=None):
    """The LessonPage of lesson `lesson_id` in the published version of course `slug`, as
    `user` sees it, or None when there is no such lesson there. The permission to read it is
    the caller's to check (`courses.learn` on `page.course`)."""
    known = user is not None and getattr(user, "is_authenticated", False)
    row = db.session.connection().execute(_statement(), {
        "slug": slug, "lesson_id": lesson_id, "user_id": user.id if known else 0}).first()
    if row is None:
        return None
    (course_id, course_slug, title, language, status, published_version, translation_of_id,
     release_id, published_at, translated_at, source_changed_at, enrolment_id,
     last_lesson_id, done) = row
    course = CourseOfLesson(course_id, course_slug, title, language, status, published_version,
                            translation_of_id)
    release = PublishedRelease(release_id, published_at)
    if lesson_id not in lesson_ids_of(release):
        return None
    lesson = _published_lesson(release, lesson_id)
    if lesson is None:
        return None
    done = frozenset(read_id_list(done))
    if known:
        access.remember_learning_state(user, course, enrolment_id, done)
    state = None
    if translation_of_id is not None and source_changed_at is not None:
        if translated_at is None:
            state = "untranslated"
        elif source_changed_at > translated_at:
            state = "outdated"
        else:
            state = "up_to_date"
    return LessonPage(course, release, lesson, state, enrolment_id, last_lesson_id, done)


def _published_lesson(release, lesson_id):
    key = (release.id, release.published_at, lesson_id)
    found = _LESSONS.get(key)
    if found is None:
        row = db.session.connection().execute(
            select(ReleasedLesson.title, ReleasedLesson.module_title, ReleasedLesson.kind,
                   ReleasedLesson.body_html)
            .where(ReleasedLesson.release_id == release.id,
                   ReleasedLesson.lesson_id == lesson_id)).first()
        if row is None:
            return None
        found = PublishedLesson(lesson_id, *row)
        _LESSONS.put(key, found)
    return found


def note_position(page):
    """Remember the lesson the learner has open, for "continue where you left off"."""
    if page.enrolled and page.last_lesson_id != page.lesson.lesson_id:
        db.session.execute(update(Enrolment).where(Enrolment.id == page.enrolment_id)
                           .values(last_lesson_id=page.lesson.lesson_id,
                                   last_activity_at=utcnow()))
