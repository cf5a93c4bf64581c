"""Quizzes: their settings and questions, taking them, and what the answers tell trainers."""
from dataclasses import dataclass

from sqlalchemy import func, select

from courses.models import Option, Question, Quiz, QuizAnswer, QuizAttempt, QuizChoice
from courses.quizzes import scoring
from courses.services import progress
from lms.extensions import db
from lms.timeutil import utcnow

SETTINGS = ("intro", "pass_mark", "max_attempts", "shuffle", "opens_at", "closes_at")


def quiz_of(lesson):
    return db.session.scalar(select(Quiz).where(Quiz.lesson_id == lesson.id))


def ensure_quiz(lesson):
    quiz = quiz_of(lesson)
    if quiz is None:
        quiz = Quiz(lesson_id=lesson.id)
        db.session.add(quiz)
        db.session.flush()
    return quiz


def update_settings(quiz, **fields):
    for name in SETTINGS:
        setattr(quiz, name, fields[name])
    db.session.flush()


def save_question(quiz, question, *, kind, prompt, feedback, accepted_answers, options):
    """Create (question None) or update a question; `options` are dicts of the option fields.

    Options are matched by position, so editing a typo keeps the statistics of an option.
    """
    if question is None:
        highest = db.session.scalar(select(func.max(Question.position)).where(
            Question.quiz_id == quiz.id))
        question = Question(quiz=quiz, kind=kind, position=(highest or 0) + 1)
        db.session.add(question)
    question.prompt, question.feedback = prompt, feedback
    question.accepted_answers = accepted_answers if kind == "short" else ""
    existing = list(question.options)
    kept = []
    for position, fields in enumerate(options if kind != "short" else [], start=1):
        option = existing[position - 1] if position <= len(existing) else Option()
        option.position = position
        option.text, option.feedback = fields["text"], fields["feedback"]
        option.correct = bool(fields["correct"]) and kind != "matching"
        option.match = fields["match"] if kind == "matching" else ""
        kept.append(option)
    question.options = kept
    db.session.flush()
    return question


def move_question(question, step):
    siblings = question.quiz.questions
    other = siblings.index(question) + step
    if 0 <= other < len(siblings):
        neighbour = siblings[other]
        question.position, neighbour.position = neighbour.position, question.position
        db.session.flush()
        db.session.expire(question.quiz, ["questions"])


def delete_question(question):
    db.session.delete(question)
    db.session.flush()


def attempts_of(quiz, user):
    return db.session.scalars(select(QuizAttempt).where(
        QuizAttempt.quiz_id == quiz.id, QuizAttempt.user_id == user.id)
        .order_by(QuizAttempt.id.desc())).all()


def obstacle(quiz, attempts, now=None):
    """Why the person cannot start an attempt now ("not_open", "closed", "no_attempts_left",
    "no_questions"), or None when they can."""
    now = now or utcnow()
    if quiz is None or not quiz.questions:
        return "no_questions"
    if quiz.opens_at and now < quiz.opens_at:
        return "not_open"
    if quiz.closes_at and now >= quiz.closes_at:
        return "closed"
    if quiz.max_attempts is not None and len(attempts) >= quiz.max_attempts:
        return "no_attempts_left"
    return None


def submit(quiz, lesson, user, form):
    """Score the submitted `form` and store the attempt; a pass marks the lesson done.

    Returns the attempt and the Completion when this pass completed the course (else None).
    Raises scoring.ForeignAnswer, before anything is stored, for an option of another
    question or quiz.
    """
    read = [(question, *scoring.read(question, form)) for question in quiz.questions]
    attempt = QuizAttempt(quiz_id=quiz.id, user_id=user.id, score=0, passed=False)
    db.session.add(attempt)
    earned = 0.0
    for question, text, chosen in read:
        share, rights = scoring.score(question, text, chosen)
        earned += share
        attempt.answers.append(QuizAnswer(
            question_id=question.id, score=share, text=text,
            choices=[QuizChoice(option_id=option.id,
                                matched_option_id=matched.id if matched else None,
                                correct=right)
                     for (option, matched), right in zip(chosen, rights)]))
    attempt.score = round(100 * earned / len(quiz.questions))
    attempt.passed = attempt.score >= quiz.pass_mark
    db.session.flush()
    completion = progress.mark_lesson_done(user, lesson) if attempt.passed else None
    return attempt, completion


def review(attempt):
    """{question id: QuizAnswer} with its choices, for the attempt's review page."""
    answers = db.session.scalars(select(QuizAnswer).where(QuizAnswer.attempt_id == attempt.id))
    found = {answer.question_id: answer for answer in answers}
    choices = db.session.scalars(select(QuizChoice).where(
        QuizChoice.answer_id.in_([answer.id for answer in found.values()]))).all() \
        if found else []
    by_answer = {}
    for choice in choices:
        by_answer.setdefault(choice.answer_id, []).append(choice)
    return {question_id: (answer, by_answer.get(answer.id, []))
            for question_id, answer in found.items()}


@dataclass
class ItemStatistics:
    """Per question: how many answered and the facility (mean share of the mark, 0-100 %);
    per option: how often it was chosen (matching: paired correctly)."""
    attempts: int
    answered: dict
    facility: dict
    chosen: dict
    wrong_answers: dict


def statistics(quiz):
    """Item statistics over every attempt, in four queries whatever the number of attempts."""
    of_quiz = select(QuizAttempt.id).where(QuizAttempt.quiz_id == quiz.id)
    attempts = db.session.scalar(select(func.count()).select_from(of_quiz.subquery()))
    answered, facility = {}, {}
    for question_id, count, mean in db.session.execute(
            select(QuizAnswer.question_id, func.count(), func.avg(QuizAnswer.score))
            .where(QuizAnswer.attempt_id.in_(of_quiz)).group_by(QuizAnswer.question_id)):
        answered[question_id] = count
        facility[question_id] = round(100 * float(mean))
    chosen = dict(db.session.execute(
        select(QuizChoice.option_id, func.count())
        .join(QuizAnswer, QuizAnswer.id == QuizChoice.answer_id)
        .where(QuizAnswer.attempt_id.in_(of_quiz),
               (QuizChoice.matched_option_id.is_(None)) | QuizChoice.correct)
        .group_by(QuizChoice.option_id)).all())
    wrong_answers = {}
    for question_id, text, count in db.session.execute(
            select(QuizAnswer.question_id, QuizAnswer.text, func.count())
            .join(Question, Question.id == QuizAnswer.question_id)
            .where(QuizAnswer.attempt_id.in_(of_quiz), Question.kind == "short",
                   QuizAnswer.score < 1)
            .group_by(QuizAnswer.question_id, QuizAnswer.text)
            .order_by(func.count().desc(), QuizAnswer.text)):
        wrong_answers.setdefault(question_id, [])
        if len(wrong_answers[question_id]) < 5:
            wrong_answers[question_id].append((text or "", count))
    return ItemStatistics(attempts, answered, facility, chosen, wrong_answers)
