"""Quizzes follow draft and publish: learners take the published version, trainers edit the
draft and try it in a preview that counts nowhere, history survives deleted questions."""
import pytest
from sqlalchemy import func, select

from courses.models import Progress, Question, QuizAttempt, Release
from courses.quizzes.services.loading import released_quiz
from lms.extensions import db
from tests.helpers import text
from tests.helpers.quizzes import QUESTIONS, answers, enrol, make_quiz, questions, quiz_url

SINGLE = QUESTIONS[0][1]
MULTIPLE = QUESTIONS[1][1]
EDITED = "EDITED: who should chair the first meeting?"
ADDED = "ADDED: what is a partnership agreement called here?"


@pytest.fixture
def setting(app, make_course, make_user, client_for):
    course = make_course(quiz=True)
    learner = make_user()
    enrol(app, learner, course)
    lesson_id = make_quiz(app, course, shuffle=False)
    return course, lesson_id, client_for(learner), client_for(course.trainer), learner


def attempts_stored(app):
    with app.app_context():
        return db.session.scalar(select(func.count(QuizAttempt.id)))


def edit_single(trainer, course, lesson_id, app, prompt=EDITED):
    qid, options = questions(app, lesson_id)["single"]
    data = {"prompt": prompt, "feedback": "changed"}
    for n, (_id, option_text, correct, _token) in enumerate(options):
        data[f"options-{n}-text"] = option_text
        if correct:
            data[f"options-{n}-correct"] = "y"
    response = trainer.post(quiz_url(course, lesson_id, f"questions/{qid}"), data=data)
    assert response.status_code == 302
    return qid


def add_short(trainer, course, lesson_id):
    response = trainer.post(quiz_url(course, lesson_id, "questions/new?kind=short"),
                            data={"prompt": ADDED, "accepted_answers": "Compact"})
    assert response.status_code == 302


def publish(trainer, course):
    assert trainer.post(f"/courses/{course.slug}/publish").status_code == 302


def test_learners_keep_the_published_questions_until_the_course_is_published_again(
        app, setting):
    course, lesson_id, learner, trainer, learner_user = setting
    right = answers(app, lesson_id)
    single_id = edit_single(trainer, course, lesson_id, app)
    add_short(trainer, course, lesson_id)
    page = text(learner.get(quiz_url(course, lesson_id)))
    assert SINGLE in page and EDITED not in page and ADDED not in page
    assert page.count("Question ") == 5
    # scored on the published five questions: the added one is not asked, so not missed
    response = learner.post(quiz_url(course, lesson_id), data=right, follow_redirects=True)
    review = text(response)
    assert "You passed with 100 %." in review
    assert SINGLE in review and EDITED not in review and ADDED not in review
    first_review = response.request.path

    publish(trainer, course)
    page = text(learner.get(quiz_url(course, lesson_id)))
    assert EDITED in page and ADDED in page and SINGLE not in page
    assert page.count("Question ") == 6
    # progress survives the new version: the attempt and the pass are still there
    assert "100 % ✓ Passed" in page
    with app.app_context():
        assert db.session.scalar(select(Progress.id).where(
            Progress.user_id == learner_user.id, Progress.lesson_id == lesson_id))
    # the old attempt is reviewed against the questions it answered
    old = text(learner.get(first_review))
    assert SINGLE in old and EDITED not in old and ADDED not in old
    # the edited question kept its identity
    assert f'name="q-{single_id}"' in learner.get(quiz_url(course, lesson_id)).get_data(
        as_text=True)


def test_the_release_keeps_a_snapshot_of_the_quiz(app, setting):
    course, lesson_id, _learner, trainer, _user = setting
    edit_single(trainer, course, lesson_id, app)
    with app.test_request_context():
        release = db.session.scalar(select(Release).where(
            Release.course_id == course.id).order_by(Release.number.desc()))
        quiz = released_quiz(release, lesson_id)
        assert released_quiz(release, course.lesson_ids[0]) is None   # a reading page
        draft = {q.kind: (q.id, [(o.id, o.correct) for o in q.options])
                 for q in db.session.scalars(select(Question))}
    assert [q["prompt"] for q in quiz["questions"]] == [prompt for _k, prompt, _o in QUESTIONS]
    assert quiz["pass_mark"] == 70 and quiz["shuffle"] is False and quiz["max_attempts"] is None
    single = quiz["questions"][0]
    assert single["id"] == draft["single"][0] and single["kind"] == "single"
    assert [(o["id"], o["correct"]) for o in single["options"]] == draft["single"][1]
    assert quiz["questions"][3]["accepted_answers"] == ["Mediator", "Intercultural mediator"]
    assert quiz["questions"][4]["options"][0]["match"] == "Access to work placements"


def test_an_option_of_the_draft_is_foreign_to_the_published_version(app, setting):
    course, lesson_id, learner, trainer, _user = setting
    qid, options = questions(app, lesson_id)["single"]
    data = {"prompt": SINGLE, "options-0-text": options[0][1], "options-0-correct": "y",
            "options-1-text": options[1][1], "options-2-text": "A new third option"}
    assert trainer.post(quiz_url(course, lesson_id, f"questions/{qid}"),
                        data=data).status_code == 302
    new_option = questions(app, lesson_id)["single"][1][2][0]
    form = answers(app, lesson_id)
    form[f"q-{qid}"] = str(new_option)
    assert learner.post(quiz_url(course, lesson_id), data=form).status_code == 400
    assert attempts_stored(app) == 0


def test_deleting_questions_and_options_with_attempts_keeps_the_history(app, setting):
    course, lesson_id, learner, trainer, _user = setting
    response = learner.post(quiz_url(course, lesson_id), data=answers(app, lesson_id, False))
    review_url = response.headers["Location"]
    found = questions(app, lesson_id)
    single_id = found["single"][0]
    multiple_id, multiple_options = found["multiple"]
    # the learner chose "The clients' favourite colours": the trainer removes that option
    data = {"prompt": MULTIPLE}
    for n, (_id, option_text, correct, _token) in enumerate(multiple_options[:2]):
        data[f"options-{n}-text"] = option_text
        data[f"options-{n}-correct"] = "y"
    assert trainer.post(quiz_url(course, lesson_id, f"questions/{multiple_id}"),
                        data=data).status_code == 302
    deleted = trainer.post(quiz_url(course, lesson_id, f"questions/{single_id}/delete"),
                           follow_redirects=True)
    assert "The question has been deleted." in text(deleted)
    assert SINGLE not in text(deleted)
    edit_page = text(trainer.get(quiz_url(course, lesson_id, f"questions/{multiple_id}")))
    assert "favourite colours" not in edit_page
    assert trainer.get(quiz_url(course, lesson_id, f"questions/{single_id}")).status_code == 404
    # a question nobody answered and no version holds is deleted for good
    add_short(trainer, course, lesson_id)
    with app.app_context():
        added_id = db.session.scalar(select(Question.id).where(Question.prompt == ADDED))
    assert trainer.post(quiz_url(course, lesson_id, f"questions/{added_id}/delete")
                        ).status_code == 302
    with app.app_context():
        assert db.session.get(Question, added_id) is None
        assert db.session.get(Question, single_id).retired
    publish(trainer, course)

    page = learner.get(quiz_url(course, lesson_id))
    assert page.status_code == 200
    assert SINGLE not in text(page) and "favourite colours" not in text(page)
    assert text(page).count("Question ") == 4
    old = learner.get(review_url)
    assert old.status_code == 200
    old = text(old)
    assert SINGLE in old and "FEEDBACK-FUNDER" in old
    assert "Your choice: The clients' favourite colours" in old
    stats = trainer.get(quiz_url(course, lesson_id, "statistics"))
    assert stats.status_code == 200
    stats = text(stats)
    assert "Questions deleted from the draft" in stats and SINGLE in stats
    assert "The largest funder 1" in stats and "The clients' favourite colours 1" in stats


def test_the_trainers_preview_shows_the_draft_and_counts_nowhere(app, make_course, make_user,
                                                                client_for):
    course = make_course(quiz=True)
    learner_user = make_user()
    enrol(app, learner_user, course)
    lesson_id = make_quiz(app, course, max_attempts=1)
    trainer = client_for(course.trainer)
    learner = client_for(learner_user)
    right = answers(app, lesson_id)
    add_short(trainer, course, lesson_id)
    preview = text(trainer.get(quiz_url(course, lesson_id, "preview")))
    assert "Preview of the draft" in preview and ADDED in preview
    assert ADDED not in text(learner.get(quiz_url(course, lesson_id)))
    for _ in range(3):   # more than the one attempt allowed
        tried = trainer.post(quiz_url(course, lesson_id, "preview"),
                             data=right)
        assert tried.status_code == 200
        page = text(tried)
        assert "this try is not kept" in page
        # the added short question was not answered: five of six right
        assert "Not passed: 83 %" not in page and "Passed with 83 %." in page
        assert "QUESTION-FEEDBACK-single" in page
    # trying the published version as a trainer is not kept either
    tried = text(trainer.post(quiz_url(course, lesson_id), data=right))
    assert "Passed with 100 %." in tried and "this try is not kept" in tried
    assert "You have used all" not in text(trainer.get(quiz_url(course, lesson_id)))
    assert attempts_stored(app) == 0
    with app.app_context():
        assert db.session.scalar(select(func.count(Progress.id))) == 0
    assert "0 attempts so far." in text(trainer.get(quiz_url(course, lesson_id, "statistics")))
    # the learner's one attempt is still there to take
    page = text(learner.get(quiz_url(course, lesson_id)))
    assert "Submit my answers" in page and "You have used all" not in page


@pytest.mark.parametrize(("who", "status"), [("anonymous", 302), ("learner", 403),
                                             ("other trainer", 404), ("admin", 200)])
def test_only_the_courses_editors_reach_the_preview(app, client, auth, make_user, setting, who,
                                                    status):
    course, lesson_id, _learner, _trainer, learner_user = setting
    person = {"learner": learner_user, "other trainer": make_user(role="trainer"),
              "admin": make_user(role="admin"), "anonymous": None}[who]
    if person is not None:
        auth.login(person)
    assert client.get(quiz_url(course, lesson_id, "preview")).status_code == status
    posted = client.post(quiz_url(course, lesson_id, "preview"), data=answers(app, lesson_id))
    assert posted.status_code == status
    assert attempts_stored(app) == 0


def test_statistics_count_learners_by_question_whatever_the_version(app, setting, make_user,
                                                                    client_for):
    course, lesson_id, learner, trainer, _user = setting
    learner.post(quiz_url(course, lesson_id), data=answers(app, lesson_id))
    edit_single(trainer, course, lesson_id, app)
    publish(trainer, course)
    second = make_user()
    enrol(app, second, course)
    client_for(second).post(quiz_url(course, lesson_id), data=answers(app, lesson_id, False))
    # an attempt a trainer stored before tries stopped being kept does not count
    with app.app_context():
        quiz_id = db.session.scalar(select(QuizAttempt.quiz_id))
        db.session.add(QuizAttempt(quiz_id=quiz_id, user_id=course.trainer.id, score=100,
                                   passed=True))
        db.session.commit()
    page = text(trainer.get(quiz_url(course, lesson_id, "statistics")))
    assert "2 attempts so far." in page
    assert "Version 2: 1 attempt" in page and "Version 3: 1 attempt" in page
    # the edited question is one question: both answers count together
    assert EDITED in page and SINGLE not in page
    assert "Answered 2 Facility 50 % Answered in versions 2, 3" in page
