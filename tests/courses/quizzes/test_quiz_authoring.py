"""Trainers of a course build its quizzes and read item statistics; nobody else does."""
import pytest
from sqlalchemy import select

from courses.models import Question
from lms.extensions import db
from tests.helpers import text
from tests.helpers.quizzes import answers, enrol, make_quiz, questions, quiz_url


def quiz_lesson(course):
    return course.lesson_ids[-1]


def test_a_trainer_sets_up_a_quiz_and_adds_questions(app, client, auth, make_course):
    course = make_course(quiz=True)
    lesson_id = quiz_lesson(course)
    auth.login(course.trainer)
    assert "No question yet." in text(client.get(quiz_url(course, lesson_id, "edit")))
    response = client.post(quiz_url(course, lesson_id, "edit"), data={
        "intro": "Five questions.", "pass_mark": "80", "max_attempts": "3", "shuffle": "y",
        "opens_at": "2026-01-05T09:00", "closes_at": ""}, follow_redirects=True)
    assert "The quiz settings have been saved." in text(response)
    page = client.get(quiz_url(course, lesson_id, "questions/new?kind=single"))
    assert page.get_data(as_text=True).count('name="options-') == 5 * 3
    response = client.post(quiz_url(course, lesson_id, "questions/new?kind=single"), data={
        "prompt": "Who convenes?", "feedback": "Because trust matters.",
        "options-0-text": "A neutral convenor", "options-0-correct": "y",
        "options-0-feedback": "Yes.", "options-1-text": "The funder", "options-2-text": ""},
        follow_redirects=True)
    assert "The question has been added." in text(response)
    response = client.post(quiz_url(course, lesson_id, "questions/new?kind=true_false"), data={
        "prompt": "Interpreters may be family members.", "options-0-text": "true",
        "options-1-text": "false", "options-1-correct": "y"}, follow_redirects=True)
    response = client.post(quiz_url(course, lesson_id, "questions/new?kind=short"), data={
        "prompt": "Name the role.", "accepted_answers": "Mediator\nMediatorin"},
        follow_redirects=True)
    page = text(response)
    assert "Who convenes? (Single choice)" in page
    assert "Interpreters may be family members. (True or false)" in page
    assert "Name the role. (Short answer)" in page
    with app.app_context():
        found = db.session.scalars(select(Question).order_by(Question.position)).all()
        assert [q.kind for q in found] == ["single", "true_false", "short"]
        assert [(o.text, o.correct) for o in found[0].options] == [
            ("A neutral convenor", True), ("The funder", False)]
        assert [(o.text, o.correct) for o in found[1].options] == [
            ("true", False), ("false", True)]
        assert found[2].accepted == ["Mediator", "Mediatorin"]
        assert found[0].quiz.pass_mark == 80 and found[0].quiz.max_attempts == 3


@pytest.mark.parametrize(("kind", "data", "message"), [
    ("single", {"options-0-text": "A", "options-0-correct": "y", "options-1-text": "B",
                "options-1-correct": "y"}, "Please mark exactly one option as correct."),
    ("multiple", {"options-0-text": "A", "options-1-text": "B"},
     "Please mark at least one option as correct."),
    ("single", {"options-0-text": "A", "options-0-correct": "y"},
     "Please write at least two options."),
    ("short", {"accepted_answers": "  \n "}, "Please give at least one accepted answer."),
    ("matching", {"options-0-text": "A", "options-0-match": "1", "options-1-text": "B"},
     "Please fill in at least two pairs, each with both sides."),
    ("matching", {"options-0-text": "A", "options-0-match": "1", "options-1-text": "B",
                  "options-1-match": "1"}, "Each right-hand side must be different."),
])
def test_a_question_that_cannot_work_is_refused_and_kept(app, client, auth, make_course, kind,
                                                         data, message):
    course = make_course(quiz=True)
    auth.login(course.trainer)
    response = client.post(quiz_url(course, quiz_lesson(course), f"questions/new?kind={kind}"),
                           data={"prompt": "Kept prompt", **data})
    assert response.status_code == 200
    assert message in text(response) and "Kept prompt" in text(response)
    with app.app_context():
        assert db.session.scalar(select(Question.id)) is None


def test_questions_are_reordered_edited_and_deleted(app, client, auth, make_course):
    course = make_course(quiz=True)
    lesson_id = make_quiz(app, course)
    found = questions(app, lesson_id)
    auth.login(course.trainer)
    client.post(quiz_url(course, lesson_id, f"questions/{found['multiple'][0]}/move/up"))
    page = text(client.get(quiz_url(course, lesson_id, "edit")))
    assert page.index("Which belong in a data-sharing") < page.index("Who should chair")
    single, options = found["single"]
    client.post(quiz_url(course, lesson_id, f"questions/{single}"), data={
        "prompt": "Who should chair it?", "options-0-text": "A neutral convenor",
        "options-0-correct": "y", "options-1-text": "The biggest funder"})
    after = questions(app, lesson_id)["single"][1]
    assert [o[0] for o in after] == [o[0] for o in options]
    assert after[1][1] == "The biggest funder"
    response = client.post(quiz_url(course, lesson_id, f"questions/{single}/delete"),
                           follow_redirects=True)
    assert "The question has been deleted." in text(response)
    assert "single" not in questions(app, lesson_id)


@pytest.mark.parametrize("path", ["edit", "questions/new?kind=single", "statistics"])
@pytest.mark.parametrize(("who", "status"), [("anonymous", 302), ("learner", 403),
                                             ("other trainer", 404), ("course trainer", 200),
                                             ("admin", 200)])
def test_only_the_courses_editors_author_its_quizzes(app, client, auth, make_user, make_course,
                                                     path, who, status):
    course = make_course(quiz=True)
    lesson_id = make_quiz(app, course)
    person = {"learner": lambda: make_user(), "other trainer": lambda: make_user(role="trainer"),
              "course trainer": lambda: course.trainer, "admin": lambda: make_user(role="admin"),
              "anonymous": lambda: None}[who]()
    if person is not None:
        auth.login(person)
    assert client.get(quiz_url(course, lesson_id, path)).status_code == status


def test_item_statistics_count_choices_with_a_fixed_number_of_queries(
        app, client, auth, make_user, make_course, client_for, count_queries):
    course = make_course(quiz=True)
    lesson_id = make_quiz(app, course)
    learners = [make_user() for _ in range(3)]
    for learner in learners:
        enrol(app, learner, course)
    client_for(learners[0]).post(quiz_url(course, lesson_id), data=answers(app, lesson_id))
    trainer = client_for(course.trainer)
    trainer.get(quiz_url(course, lesson_id, "statistics"))
    with count_queries() as one:
        trainer.get(quiz_url(course, lesson_id, "statistics"))
    for learner in learners[1:]:
        client_for(learner).post(quiz_url(course, lesson_id),
                                 data=answers(app, lesson_id, right=False))
    with count_queries() as three:
        response = trainer.get(quiz_url(course, lesson_id, "statistics"))
    assert one.count == three.count
    page = text(response)
    assert "3 attempts so far." in page
    # one of three got the single choice right
    assert "Answered 3 Facility 33 %" in page
    assert "A neutral convenor agreed by the partners (right answer) 1 The largest funder 2" \
        in page
    assert "Job centre → Access to work placements 1" in page
    assert "a lawyer 2" in page


def test_quiz_times_are_entered_and_shown_in_each_persons_time_zone(app, client, auth,
                                                                    client_for, make_user,
                                                                    make_course):
    from courses.models import Quiz
    from datetime import datetime
    course = make_course(quiz=True)
    lesson_id = quiz_lesson(course)
    with app.app_context():
        from lms.models import User
        db.session.get(User, course.trainer.id).timezone = "Europe/Rome"
        db.session.commit()
    auth.login(course.trainer)
    form = text(client.get(quiz_url(course, lesson_id, "edit")))
    assert "Opens at (Europe/Rome)" in form
    client.post(quiz_url(course, lesson_id, "edit"), data={
        "intro": "", "pass_mark": "70", "opens_at": "2030-07-01T10:00", "closes_at": ""})
    with app.app_context():
        stored = db.session.scalar(select(Quiz).where(Quiz.lesson_id == lesson_id))
        assert stored.opens_at == datetime(2030, 7, 1, 8, 0)          # Rome is UTC+2 in July
    again = client.get(quiz_url(course, lesson_id, "edit")).get_data(as_text=True)
    assert 'value="2030-07-01T10:00"' in again
    client.post(f"/courses/{course.slug}/publish")
    learner = make_user(timezone="Europe/Istanbul")
    enrol(app, learner, course)
    page = text(client_for(learner).get(quiz_url(course, lesson_id)))
    assert "Jul 1, 2030, 11:00:00 AM (Europe/Istanbul)" in page, page
