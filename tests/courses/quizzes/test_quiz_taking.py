"""Learners take quizzes scored on the server; the answers stay there until they may be shown."""
from datetime import datetime

import pytest
from sqlalchemy import func, select

from courses.models import Progress, QuizAttempt
from lms.extensions import db
from tests.helpers import text
from tests.helpers.quizzes import (ACCEPTED, QUESTIONS, answers, enrol, make_quiz, questions,
                                   quiz_url)


@pytest.fixture
def setting(app, make_course, make_user):
    course = make_course(quiz=True)
    learner = make_user()
    enrol(app, learner, course)
    return course, learner


def attempts_stored(app):
    with app.app_context():
        return db.session.scalar(select(func.count(QuizAttempt.id)))


def progress_of(app, learner, lesson_id):
    with app.app_context():
        return db.session.scalar(select(Progress.id).where(
            Progress.user_id == learner.id, Progress.lesson_id == lesson_id)) is not None


def test_the_served_page_holds_no_right_answers(app, client, auth, setting):
    course, learner = setting
    lesson_id = make_quiz(app, course)
    auth.login(learner)
    page = client.get(quiz_url(course, lesson_id)).get_data(as_text=True)
    for kind, prompt, options in QUESTIONS:
        assert prompt in page
        assert f"QUESTION-FEEDBACK-{kind}" not in page
        for option in options:
            if option["feedback"]:
                assert option["feedback"] not in page
    assert "FEEDBACK" not in page and "correct" not in page.lower()
    for accepted in ACCEPTED.splitlines():
        assert accepted not in page
    qid, pairs = questions(app, lesson_id)["matching"]
    for option_id, _text, _correct, token in pairs:
        assert f'name="q-{qid}-{option_id}"' in page
        assert f'value="{token}"' in page
        assert f'value="{option_id}"' not in page


def test_all_right_passes_and_marks_the_lesson_done(app, client, auth, setting):
    course, learner = setting
    lesson_id = make_quiz(app, course)
    auth.login(learner)
    response = client.post(quiz_url(course, lesson_id), data=answers(app, lesson_id))
    assert response.status_code == 302
    page = text(client.get(response.headers["Location"]))
    assert "You passed with 100 %." in page
    assert page.count("✓ Right") == 5
    assert "FEEDBACK-NEUTRAL" in page and "QUESTION-FEEDBACK-single" in page
    assert "Accepted: Mediator · Intercultural mediator" in page
    assert progress_of(app, learner, lesson_id)


def test_all_wrong_fails_and_keeps_the_answers_hidden(app, client, auth, setting):
    course, learner = setting
    lesson_id = make_quiz(app, course)
    auth.login(learner)
    response = client.post(quiz_url(course, lesson_id), data=answers(app, lesson_id, False),
                           follow_redirects=True)
    page = text(response)
    assert "You scored 0 %; 70 % is needed to pass." in page
    assert page.count("✗ Not right") == 5
    # the feedback of the options chosen helps; the right answers are not given away
    assert "FEEDBACK-FUNDER" in page and "FEEDBACK-TRUE-WRONG" in page
    assert "✓ right answer" not in page and "Accepted:" not in page
    assert "QUESTION-FEEDBACK" not in page
    assert not progress_of(app, learner, lesson_id)
    page = text(client.get(quiz_url(course, lesson_id)))
    assert "Your attempts" in page and "0 % ✗ Not passed" in page


def test_partly_right_matching_earns_part_of_the_mark(app, client, auth, setting):
    course, learner = setting
    lesson_id = make_quiz(app, course)
    data = answers(app, lesson_id)
    qid, pairs = questions(app, lesson_id)["matching"]
    data[f"q-{qid}-{pairs[0][0]}"] = pairs[1][3]
    data[f"q-{qid}-{pairs[1][0]}"] = pairs[0][3]
    auth.login(learner)
    page = text(client.post(quiz_url(course, lesson_id), data=data, follow_redirects=True))
    # four questions right and a third of the matching: 4.33 of 5
    assert "You passed with 87 %." in page and "◐ Partly right" in page


@pytest.mark.parametrize("foreign", ["other question", "other quiz", "not a number",
                                     "two answers to a single choice", "unknown pair"])
def test_a_foreign_option_is_refused_with_400(app, client, auth, setting, make_course, foreign):
    course, learner = setting
    lesson_id = make_quiz(app, course)
    found = questions(app, lesson_id)
    data = answers(app, lesson_id)
    single, single_options = found["single"]
    if foreign == "other question":
        data[f"q-{single}"] = str(found["multiple"][1][0][0])
    elif foreign == "other quiz":
        other = make_course(quiz=True)
        other_lesson = make_quiz(app, other)
        data[f"q-{single}"] = str(questions(app, other_lesson)["single"][1][0][0])
    elif foreign == "not a number":
        data[f"q-{single}"] = "1 OR 1=1"
    elif foreign == "two answers to a single choice":
        data[f"q-{single}"] = [str(o[0]) for o in single_options]
    else:
        qid, pairs = found["matching"]
        data[f"q-{qid}-{pairs[0][0]}"] = "0123456789abcdef"
    auth.login(learner)
    assert client.post(quiz_url(course, lesson_id), data=data).status_code == 400
    assert attempts_stored(app) == 0


def test_the_attempt_limit_is_kept_with_a_clear_message(app, client, auth, setting):
    course, learner = setting
    lesson_id = make_quiz(app, course, max_attempts=1)
    auth.login(learner)
    client.post(quiz_url(course, lesson_id), data=answers(app, lesson_id, False))
    page = text(client.get(quiz_url(course, lesson_id)))
    assert "You have used all 1 attempts at this quiz." in page
    assert "Submit my answers" not in page
    response = client.post(quiz_url(course, lesson_id), data=answers(app, lesson_id))
    assert response.status_code == 403
    assert "You have used all 1 attempts at this quiz." in text(response)
    assert attempts_stored(app) == 1
    # with no attempt left the review may show the right answers
    with app.app_context():
        attempt = db.session.scalar(select(QuizAttempt.id))
    review = text(client.get(quiz_url(course, lesson_id, f"attempts/{attempt}")))
    assert "✓ right answer" in review and "Try again" not in review


@pytest.mark.parametrize(("window", "message"), [
    ({"opens_at": datetime(2999, 1, 1, 9, 0)}, "This quiz opens on Jan 1, 2999, 9:00:00 AM (UTC)."),
    ({"closes_at": datetime(2020, 1, 1, 17, 30)},
     "This quiz closed on Jan 1, 2020, 5:30:00 PM (UTC). It no longer takes answers."),
])
def test_outside_the_time_window_answers_are_refused(app, client, auth, setting, window,
                                                     message):
    course, learner = setting
    lesson_id = make_quiz(app, course, **window)
    auth.login(learner)
    assert message in text(client.get(quiz_url(course, lesson_id)))
    response = client.post(quiz_url(course, lesson_id), data=answers(app, lesson_id))
    assert response.status_code == 403 and message in text(response)
    assert attempts_stored(app) == 0


def test_inside_the_time_window_answers_are_taken(app, client, auth, setting):
    course, learner = setting
    lesson_id = make_quiz(app, course, opens_at=datetime(2000, 1, 1),
                          closes_at=datetime(2999, 1, 1))
    auth.login(learner)
    assert client.post(quiz_url(course, lesson_id), data=answers(app, lesson_id)).status_code \
        == 302


@pytest.mark.parametrize("who", ["anonymous", "not enrolled", "other course's trainer"])
def test_only_learners_of_the_course_reach_its_quiz(app, client, auth, make_user, setting, who):
    course, _learner = setting
    lesson_id = make_quiz(app, course)
    if who == "not enrolled":
        auth.login(make_user())
    elif who == "other course's trainer":
        auth.login(make_user(role="trainer"))
    response = client.get(quiz_url(course, lesson_id))
    assert response.status_code == (302 if who == "anonymous" else 404)


def test_a_page_lesson_or_a_draft_course_has_no_quiz_for_learners(app, client, auth, make_user,
                                                                  make_course):
    learner = make_user()
    draft = make_course(quiz=True, publish=False)
    enrol(app, learner, draft)
    lesson_id = make_quiz(app, draft)
    auth.login(learner)
    assert client.get(quiz_url(draft, lesson_id)).status_code == 404
    assert client.get(quiz_url(draft, draft.lesson_ids[0])).status_code == 404


def test_nobody_else_reads_an_attempt(app, client, auth, make_user, setting, client_for):
    course, learner = setting
    lesson_id = make_quiz(app, course)
    auth.login(learner)
    location = client.post(quiz_url(course, lesson_id),
                           data=answers(app, lesson_id)).headers["Location"]
    other = make_user()
    enrol(app, other, course)
    assert client_for(other).get(location).status_code == 404
    assert client_for(course.trainer).get(location).status_code == 404


def test_passing_the_last_quiz_completes_the_course(app, client, auth, make_user, make_course):
    course = make_course(modules=1, lessons=1, quiz=True)
    learner = make_user()
    enrol(app, learner, course)
    lesson_id = make_quiz(app, course)
    auth.login(learner)
    response = client.post(quiz_url(course, lesson_id), data=answers(app, lesson_id),
                           follow_redirects=True)
    assert response.request.path.startswith("/courses/certificates/")
    assert "you have completed the course" in text(response)
