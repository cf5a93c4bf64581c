"""Finding the course, quiz lesson, question or attempt a URL names, or answering 404."""
from flask import abort
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from courses.models import Course, Lesson, Module, Question, Quiz, QuizAttempt
from courses.services import progress
from lms.extensions import db
from lms.permissions import can, require_object

LARGEST_ID = 2 ** 31 - 1


def quiz_lesson(slug, lesson_id):
    """(course, lesson) when the lesson is a quiz of the course; 404 otherwise."""
    found = db.session.execute(
        select(Course, Lesson).join(Module, Module.course_id == Course.id)
        .join(Lesson, Lesson.module_id == Module.id)
        .where(Course.slug == slug, Lesson.id == lesson_id, Lesson.kind == "quiz")
    ).first() if lesson_id <= LARGEST_ID else None
    if found is None:
        abort(404)
    return found


def for_learner(slug, lesson_id):
    """(course, lesson) for someone who learns in the course; learners only reach quizzes of
    the published version, the course's editors any quiz lesson."""
    course, lesson = quiz_lesson(slug, lesson_id)
    require_object("courses.learn", course)
    if not can(current_user, "courses.edit", course):
        release = progress.current_release(course)
        if release is None or lesson.id not in release.lesson_ids:
            abort(404)
    return course, lesson


def for_editor(slug, lesson_id):
    course, lesson = quiz_lesson(slug, lesson_id)
    require_object("courses.edit", course)
    return course, lesson


def quiz_with_questions(lesson):
    return db.session.scalar(select(Quiz).where(Quiz.lesson_id == lesson.id).options(
        selectinload(Quiz.questions).selectinload(Question.options)))


def question_of(quiz, question_id):
    question = db.session.get(Question, question_id) if question_id <= LARGEST_ID else None
    if quiz is None or question is None or question.quiz_id != quiz.id:
        abort(404)
    return question


def own_attempt(quiz, attempt_id):
    attempt = db.session.get(QuizAttempt, attempt_id) if attempt_id <= LARGEST_ID else None
    if quiz is None or attempt is None or attempt.quiz_id != quiz.id \
            or attempt.user_id != current_user.id:
        abort(404)
    return attempt
