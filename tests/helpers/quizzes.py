"""Builds quizzes with one question of each kind, and enrols learners, for the quiz tests."""
from sqlalchemy import select

from courses.models import Course, Lesson, Quiz
from courses.quizzes.services import quizzes
from courses.quizzes.services.scoring import match_token
from courses.services import progress, publishing
from lms.extensions import db
from lms.models import User

QUESTIONS = [
    ("single", "Who should chair the first meeting of a new local partnership?", [
        {"text": "A neutral convenor agreed by the partners", "correct": True,
         "feedback": "FEEDBACK-NEUTRAL: partners trust a process they chose."},
        {"text": "The largest funder", "correct": False,
         "feedback": "FEEDBACK-FUNDER: money should not buy the chair."}]),
    ("multiple", "Which belong in a data-sharing agreement?", [
        {"text": "The legal basis for sharing", "correct": True, "feedback": ""},
        {"text": "Who may see which data", "correct": True, "feedback": ""},
        {"text": "The clients' favourite colours", "correct": False, "feedback": ""}]),
    ("true_false", "Migrant organisations should only be consulted once a plan is finished.", [
        {"text": "true", "correct": False, "feedback": "FEEDBACK-TRUE-WRONG"},
        {"text": "false", "correct": True, "feedback": ""}]),
    ("short", "What is the name for a neutral person who helps two sides agree?", []),
    ("matching", "Match each partner with what they typically bring.", [
        {"text": "Job centre", "match": "Access to work placements", "feedback": ""},
        {"text": "Language school", "match": "Courses at the right level", "feedback": ""},
        {"text": "Migrant association", "match": "Trust in the community", "feedback": ""}]),
]
ACCEPTED = "Mediator\nIntercultural mediator"
QUESTION_FEEDBACK = "QUESTION-FEEDBACK-{kind}"


def make_quiz(app, course, publish=True, **settings):
    """A quiz on `course`'s quiz lesson with the five QUESTIONS; returns the lesson id.

    A published course is published again (`publish`), so that learners see the questions.
    """
    with app.test_request_context():
        lesson = db.session.scalar(select(Lesson).where(Lesson.kind == "quiz",
                                                        Lesson.id.in_(course.lesson_ids)))
        quiz = quizzes.ensure_quiz(lesson)
        for name, value in {"intro": "", "pass_mark": 70, "max_attempts": None,
                            "shuffle": True, "opens_at": None, "closes_at": None,
                            **settings}.items():
            setattr(quiz, name, value)
        for kind, prompt, options in QUESTIONS:
            quizzes.save_question(quiz, None, kind=kind, prompt=prompt,
                                   feedback=QUESTION_FEEDBACK.format(kind=kind),
                                   accepted_answers=ACCEPTED,
                                   options=[{"match": "", "correct": False, "feedback": "",
                                             **o} for o in options])
        owner = db.session.get(Course, course.id)
        if publish and owner.published_version:
            publishing.publish(owner, None)
        db.session.commit()
        return lesson.id


def questions(app, lesson_id):
    """{kind: (question id, [(option id, text, correct, token)])}."""
    with app.test_request_context():
        quiz = db.session.scalar(select(Quiz).where(Quiz.lesson_id == lesson_id))
        return {q.kind: (q.id, [(o.id, o.text, o.correct, match_token(o))
                                for o in q.current_options])
                for q in quiz.current_questions}


def answers(app, lesson_id, right=True):
    """Form data answering every question rightly (or every one wrongly)."""
    found = questions(app, lesson_id)
    data = {}
    for kind in ("single", "true_false"):
        qid, options = found[kind]
        data[f"q-{qid}"] = next(str(o[0]) for o in options if o[2] == right)
    qid, options = found["multiple"]
    data[f"q-{qid}"] = [str(o[0]) for o in options if o[2] == right]
    qid, _options = found["short"]
    data[f"q-{qid}"] = "  intercultural MEDIATOR. " if right else "a lawyer"
    qid, options = found["matching"]
    tokens = [o[3] for o in options]
    if not right:
        tokens = tokens[1:] + tokens[:1]
    for option, token in zip(options, tokens):
        data[f"q-{qid}-{option[0]}"] = token
    return data


def enrol(app, user, course):
    with app.test_request_context():
        progress.ensure_enrolment(db.session.get(User, user.id), db.session.get(Course, course.id))
        db.session.commit()


def quiz_url(course, lesson_id, rest=""):
    return f"/courses/{course.slug}/quizzes/{lesson_id}/{rest}"
