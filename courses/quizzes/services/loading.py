"""Finding the course, quiz lesson, question or attempt a URL names, or answering 404; and the
versions of a quiz: the draft trainers edit and the snapshot each release keeps.

Learners only ever see a released quiz: `released_quiz(release, lesson_id)` is the dict
stored with the lesson in that release (`snapshot(quiz)` at publishing time), and `as_quiz`
turns it into the read-only objects the pages, scoring and the review use. Question and option
ids in the snapshot are the ids of the draft rows: the identity of a question or option across
versions, which attempts refer to.
"""
from dataclasses import dataclass, field
from datetime import datetime

from flask import abort
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from courses.models import (Course, Lesson, Module, Question, Quiz, QuizAttempt, Release,
                            ReleasedLesson)
from courses.services import progress
from courses.services.quiz_snapshot import DEFAULTS, snapshot
from lms.extensions import db
from lms.permissions import can, require_object


def quiz_lesson(slug, lesson_id):
    """(course, lesson) when the lesson is a quiz of the course; 404 otherwise."""
    found = db.session.execute(
        select(Course, Lesson).join(Module, Module.course_id == Course.id)
        .join(Lesson, Lesson.module_id == Module.id)
        .where(Course.slug == slug, Lesson.id == lesson_id, Lesson.kind == "quiz")
    ).first()
    if found is None:
        abort(404)
    return found


def for_learner(slug, lesson_id):
    """(course, lesson, current release or None) for someone who learns in the course;
    learners only reach quizzes of the published version, the course's editors any quiz
    lesson (they see its published version, or the draft through the preview)."""
    course, lesson = quiz_lesson(slug, lesson_id)
    require_object(course)
    release = progress.current_release(course)
    if not can(current_user, "courses.edit", course):
        if release is None or lesson.id not in release.lesson_ids:
            abort(404)
    return course, lesson, release


def for_editor(slug, lesson_id):
    course, lesson = quiz_lesson(slug, lesson_id)
    require_object(course)
    return course, lesson


def quiz_with_questions(lesson):
    """The draft Quiz row with every question and option, retired ones included."""
    lesson_id = lesson if isinstance(lesson, int) else lesson.id
    return db.session.scalar(select(Quiz).where(Quiz.lesson_id == lesson_id).options(
        selectinload(Quiz.questions).selectinload(Question.options)))


def question_of(quiz, question_id):
    """A question of the draft (not retired) of `quiz`, or 404."""
    question = db.session.get(Question, question_id)
    if quiz is None or question is None or question.quiz_id != quiz.id or question.retired:
        abort(404)
    return question


def own_attempt(lesson, attempt_id):
    """The current user's attempt at the quiz of `lesson`, or 404."""
    found = db.session.execute(
        select(QuizAttempt).join(Quiz, Quiz.id == QuizAttempt.quiz_id)
        .where(QuizAttempt.id == attempt_id, Quiz.lesson_id == lesson.id,
               QuizAttempt.user_id == current_user.id)
    ).scalar()
    if found is None:
        abort(404)
    return found


# --- versions ----------------------------------------------------------------------------

def released_quiz(release, lesson_id):
    """The quiz of lesson `lesson_id` as published in `release` (a Release or its id), as the
    dict `snapshot` describes, or None when the release has no such quiz lesson.

    A quiz published before quizzes had versions has no snapshot: its draft stands in.
    """
    if release is None:
        return None
    release_id = release if isinstance(release, int) else release.id
    row = db.session.execute(select(ReleasedLesson.kind, ReleasedLesson.quiz).where(
        ReleasedLesson.release_id == release_id,
        ReleasedLesson.lesson_id == lesson_id)).first()
    if row is None or row.kind != "quiz":
        return None
    if row.quiz is None:
        return snapshot(quiz_with_questions(lesson_id))
    return row.quiz


def released_quizzes(release_ids, lesson_id):
    """{release id: snapshot} for the lesson's quiz in each of `release_ids`, in one query."""
    if not release_ids:
        return {}
    return {release_id: quiz for release_id, quiz in db.session.execute(
        select(ReleasedLesson.release_id, ReleasedLesson.quiz).where(
            ReleasedLesson.release_id.in_(release_ids), ReleasedLesson.lesson_id == lesson_id))
        if quiz is not None}


def released_ids(lesson_id):
    """(question ids, option ids) that some release of the lesson's quiz holds."""
    questions, options = set(), set()
    for (quiz,) in db.session.execute(select(ReleasedLesson.quiz).where(
            ReleasedLesson.lesson_id == lesson_id, ReleasedLesson.quiz.is_not(None))):
        for question in quiz.get("questions", []):
            questions.add(question["id"])
            options.update(option["id"] for option in question["options"])
    return questions, options


@dataclass(frozen=True)
class ShownOption:
    id: int
    text: str
    correct: bool
    match: str
    feedback: str


@dataclass(frozen=True)
class ShownQuestion:
    id: int
    kind: str
    prompt: str
    feedback: str
    accepted: list
    options: list


@dataclass(frozen=True)
class ShownQuiz:
    """One version of a quiz, read-only: what learners take and are scored on."""
    id: int | None
    intro: str
    pass_mark: int
    max_attempts: int | None
    shuffle: bool
    opens_at: datetime | None
    closes_at: datetime | None
    questions: list = field(default_factory=list)
    release_id: int | None = None          # None: the draft (a trainer's preview)


def as_quiz(data, release_id=None):
    """The ShownQuiz for a snapshot dict, or None for None."""
    if data is None:
        return None
    data = dict(DEFAULTS, **data)
    return ShownQuiz(
        id=data["id"], intro=data["intro"], pass_mark=data["pass_mark"],
        max_attempts=data["max_attempts"], shuffle=data["shuffle"],
        opens_at=datetime.fromisoformat(data["opens_at"]) if data["opens_at"] else None,
        closes_at=datetime.fromisoformat(data["closes_at"]) if data["closes_at"] else None,
        questions=[ShownQuestion(
            id=q["id"], kind=q["kind"], prompt=q["prompt"], feedback=q["feedback"],
            accepted=list(q["accepted_answers"]),
            options=[ShownOption(**option) for option in q["options"]])
            for q in data["questions"]],
        release_id=release_id)


def learners_quiz(release, lesson):
    """The quiz of `lesson` in the course's current release, as learners take it, or None."""
    if release is None or lesson.id not in release.lesson_ids:
        return None
    return as_quiz(released_quiz(release, lesson.id), release.id)


def attempt_quiz(attempt, release, lesson):
    """The version of the quiz `attempt` answered (the current one for attempts made before
    versions were kept, or when that version is gone)."""
    if attempt.release_id is not None and (release is None or attempt.release_id != release.id):
        data = released_quizzes([attempt.release_id], lesson.id).get(attempt.release_id)
        if data is not None:
            return as_quiz(data, attempt.release_id)
    return learners_quiz(release, lesson)


def draft_quiz(lesson):
    """The draft of `lesson`'s quiz as a ShownQuiz: what a trainer's preview shows."""
    return as_quiz(snapshot(quiz_with_questions(lesson)))


def release_numbers(release_ids):
    return dict(db.session.execute(select(Release.id, Release.number).where(
        Release.id.in_(list(release_ids))))) if release_ids else {}


