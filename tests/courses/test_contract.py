"""The interface other parts rely on: trainers' rights, mark_lesson_done and completion."""
from sqlalchemy import func, select

from courses.models import Completion, Course, Lesson, Progress
from courses.services import authoring, progress, publishing
from lms.extensions import db
from lms.models import User
from lms.permissions import can


def test_trainers_and_admins_edit_a_course_others_do_not(app, make_user, make_course):
    made = make_course()
    other_trainer, learner, admin = (make_user(role=r) for r in ("trainer", "learner", "admin"))
    with app.test_request_context():
        course = db.session.get(Course, made.id)
        get = lambda u: db.session.get(User, u.id)  # noqa: E731
        assert can(get(made.trainer), "courses.edit", course)
        assert can(get(admin), "courses.edit", course)
        assert not can(get(other_trainer), "courses.edit", course)
        assert not can(get(learner), "courses.edit", course)
        authoring.add_trainer(course, get(other_trainer))
        assert can(get(other_trainer), "courses.edit", course)


def test_mark_lesson_done_is_idempotent_and_completes_the_course(app, make_user, make_course):
    course = make_course(modules=1, lessons=2)
    learner = make_user()
    with app.test_request_context():
        user = db.session.get(User, learner.id)
        first, second = (db.session.get(Lesson, i) for i in course.lesson_ids)
        assert progress.mark_lesson_done(user, first) is None
        assert progress.mark_lesson_done(user, first) is None
        assert db.session.scalar(select(func.count(Progress.id))) == 1
        completion = progress.mark_lesson_done(user, second)
        assert completion is not None and completion.code
        assert progress.mark_lesson_done(user, second) is None
        assert db.session.scalar(select(func.count(Completion.id))) == 1


def test_a_quiz_counts_only_once_marked_done(app, make_user, make_course):
    course = make_course(modules=1, lessons=2, quiz=True)
    learner = make_user()
    with app.test_request_context():
        user = db.session.get(User, learner.id)
        page, quiz = (db.session.get(Lesson, i) for i in course.lesson_ids)
        assert quiz.kind == "quiz"
        progress.mark_lesson_done(user, page)
        assert db.session.scalar(select(Completion.id)) is None
        assert progress.mark_lesson_done(user, quiz) is not None


def test_progress_survives_a_new_version(app, make_user, make_course):
    made = make_course(modules=1, lessons=2)
    learner = make_user()
    with app.test_request_context():
        user = db.session.get(User, learner.id)
        course = db.session.get(Course, made.id)
        first = db.session.get(Lesson, made.lesson_ids[0])
        progress.mark_lesson_done(user, first)
        authoring.update_lesson(first, "Renamed", "New text")
        module = course.modules[0]
        added = authoring.add_lesson(module, "A new lesson", "page", "More")
        publishing.publish(course, user)
        release = progress.current_release(course)
        assert release.number == 2
        done = progress.done_lesson_ids(user, course)
        assert len(release.lesson_ids) == 3
        assert [i for i in release.lesson_ids if i in done] == [first.id]
        assert added.id in release.lesson_ids
