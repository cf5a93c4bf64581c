"""Publishing: the draft becomes a new numbered version that learners then see."""
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from courses.models import Question, Quiz, Release, ReleasedLesson
from courses.services import progress
from courses.services.quiz_snapshot import snapshot
from lms.extensions import db
from lms.security import audit


def publish(course, by):
    """Snapshot the draft's outline, lesson texts and quizzes as the next version and show it."""
    number = (db.session.scalar(select(Release.number).where(Release.course_id == course.id)
                                .order_by(Release.number.desc()).limit(1)) or 0) + 1
    outline = [{"id": module.id, "title": module.title, "discussion": module.discussion_html,
                "lessons": [{"id": lesson.id, "title": lesson.title, "kind": lesson.kind}
                            for lesson in module.lessons]}
               for module in course.modules]
    release = Release(course_id=course.id, number=number, outline=outline,
                      published_by_id=by.id if by else None,
                      lesson_count=sum(len(m["lessons"]) for m in outline))
    db.session.add(release)
    db.session.flush()
    quiz_lessons = [lesson.id for module in course.modules for lesson in module.lessons
                    if lesson.kind == "quiz"]
    quizzes = {quiz.lesson_id: quiz for quiz in db.session.scalars(
        select(Quiz).where(Quiz.lesson_id.in_(quiz_lessons))
        .options(selectinload(Quiz.questions).selectinload(Question.options)))} \
        if quiz_lessons else {}
    for module in course.modules:
        for lesson in module.lessons:
            db.session.add(ReleasedLesson(
                release_id=release.id, lesson_id=lesson.id, module_title=module.title,
                title=lesson.title, kind=lesson.kind, body_html=lesson.body_html,
                quiz=snapshot(quizzes.get(lesson.id)) if lesson.kind == "quiz" else None))
    course.published_version = number
    course.status = "published"
    db.session.flush()
    audit("course_published", course=course.slug, version=number)
    progress.complete_those_who_are_done(course, release)
    return release


def has_unpublished_changes(course, release):
    return release is None or course.changed_at > release.published_at
