"""Quizzes: their settings and questions, taking them, and what the answers tell trainers."""
from dataclasses import dataclass
from types import SimpleNamespace

from sqlalchemy import and_, func, or_, select

from courses.models import (Enrolment, Option, Question, Quiz, QuizAnswer, QuizAttempt,
                            QuizChoice, Release)
from courses.quizzes.services import scoring
from courses.quizzes.services.loading import released_ids
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


def draft_changed(quiz):
    """A quiz edit is a change of the course's draft, to publish like any other."""
    quiz.lesson.module.course.changed_at = utcnow()


def update_settings(quiz, **fields):
    for name in SETTINGS:
        setattr(quiz, name, fields[name])
    draft_changed(quiz)
    db.session.flush()


def used_ids(quiz):
    """(question ids, option ids) of `quiz` that a release or an attempt refers to: deleting
    them from the draft retires them instead, so that history keeps its questions."""
    questions, options = released_ids(quiz.lesson_id)
    of_quiz = select(QuizAttempt.id).where(QuizAttempt.quiz_id == quiz.id)
    questions.update(db.session.scalars(select(QuizAnswer.question_id).where(
        QuizAnswer.attempt_id.in_(of_quiz)).distinct()))
    for option_id, matched_id in db.session.execute(
            select(QuizChoice.option_id, QuizChoice.matched_option_id)
            .join(QuizAnswer, QuizAnswer.id == QuizChoice.answer_id)
            .where(QuizAnswer.attempt_id.in_(of_quiz)).distinct()):
        options.add(option_id)
        if matched_id is not None:
            options.add(matched_id)
    return questions, options


def save_question(quiz, question, *, kind, prompt, feedback, accepted_answers, options):
    """Create (question None) or update a question of the draft; `options` are dicts of the
    option fields.

    The question keeps its id (its identity across versions). Options are matched by
    position, so editing a typo keeps the statistics of an option; options left over are
    retired when a release or an attempt refers to them, deleted otherwise.
    """
    if question is None:
        highest = db.session.scalar(select(func.max(Question.position)).where(
            Question.quiz_id == quiz.id))
        question = Question(quiz=quiz, kind=kind, position=(highest or 0) + 1)
        db.session.add(question)
    question.prompt, question.feedback = prompt, feedback
    question.accepted_answers = accepted_answers if kind == "short" else ""
    existing = list(question.current_options)
    retired = [option for option in question.options if option.retired]
    kept = []
    for position, fields in enumerate(options if kind != "short" else [], start=1):
        option = existing[position - 1] if position <= len(existing) else Option()
        option.position = position
        option.text, option.feedback = fields["text"], fields["feedback"]
        option.correct = bool(fields["correct"]) and kind != "matching"
        option.match = fields["match"] if kind == "matching" else ""
        kept.append(option)
    left_over = existing[len(kept):]
    if left_over:
        _questions, used_options = used_ids(quiz)
        for option in left_over:
            if option.id in used_options:
                option.retired = True
                retired.append(option)
    question.options = kept + retired
    draft_changed(quiz)
    db.session.flush()
    return question


def move_question(question, step):
    siblings = question.quiz.current_questions
    other = siblings.index(question) + step
    if 0 <= other < len(siblings):
        neighbour = siblings[other]
        question.position, neighbour.position = neighbour.position, question.position
        draft_changed(question.quiz)
        db.session.flush()
        db.session.expire(question.quiz, ["questions"])


def delete_question(question):
    """Delete the question from the draft: retired (kept, hidden) when a release or an
    attempt refers to it, so that learners' history keeps it; deleted otherwise."""
    quiz = question.quiz
    used_questions, _options = used_ids(quiz)
    if question.id in used_questions:
        question.retired = True
    else:
        db.session.delete(question)
    draft_changed(quiz)
    db.session.flush()


def attempts_of(quiz, user):
    """The user's attempts at the quiz, newest first, whichever version they answered."""
    if quiz is None or quiz.id is None:
        return []
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


def grade(quiz, form):
    """(score in percent, passed, [(question, share, text, [(option, matched, right)])]) for
    the submitted `form`, stored nowhere.

    `quiz` is a version (courses.quizzes.services.loading.ShownQuiz): learners are scored on the
    released questions. Raises scoring.ForeignAnswer for an option of another question,
    another version or another quiz.
    """
    read = [(question, *scoring.read(question, form)) for question in quiz.questions]
    graded, earned = [], 0.0
    for question, text, chosen in read:
        share, rights = scoring.score(question, text, chosen)
        earned += share
        graded.append((question, share, text,
                       [(option, matched, right) for (option, matched), right
                        in zip(chosen, rights)]))
    score = round(100 * earned / len(quiz.questions))
    return score, score >= quiz.pass_mark, graded


def submit(quiz, lesson, user, form):
    """Score the submitted `form` and store the attempt against the version `quiz` is; a pass
    marks the lesson done.

    Returns the attempt and the Completion when this pass completed the course (else None).
    Raises scoring.ForeignAnswer, before anything is stored, for an option of another
    question or quiz.
    """
    score, passed, graded = grade(quiz, form)
    attempt = QuizAttempt(quiz_id=quiz.id, user_id=user.id, release_id=quiz.release_id,
                          score=score, passed=passed)
    db.session.add(attempt)
    for question, share, text, chosen in graded:
        attempt.answers.append(QuizAnswer(
            question_id=question.id, score=share, text=text,
            choices=[QuizChoice(option_id=option.id,
                                matched_option_id=matched.id if matched else None,
                                correct=right)
                     for option, matched, right in chosen]))
    db.session.flush()
    completion = progress.mark_lesson_done(user, lesson) if attempt.passed else None
    return attempt, completion


def preview(quiz, form):
    """A trainer's try: (attempt, answers) shaped as an attempt and its `review`, kept in
    memory only, so that it counts nowhere (attempts, statistics, progress, reports)."""
    score, passed, graded = grade(quiz, form)
    attempt = SimpleNamespace(id=None, score=score, passed=passed, submitted_at=utcnow())
    answers = {question.id: (SimpleNamespace(score=share, text=text),
                             [SimpleNamespace(option_id=option.id,
                                              matched_option_id=matched.id if matched else None,
                                              correct=right)
                              for option, matched, right in chosen])
               for question, share, text, chosen in graded}
    return attempt, answers


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
    """Per question identity: how many answered and the facility (mean share of the mark,
    0-100 %); per option: how often it was chosen (matching: paired correctly); per question,
    the published versions (numbers) its answers were given in. Learners' attempts only."""
    attempts: int
    answered: dict
    facility: dict
    chosen: dict
    wrong_answers: dict
    versions: dict
    attempts_by_version: dict


def learners_attempts(quiz, course):
    """The ids of the quiz's attempts made by learners enrolled in the course.

    Trainers' tries are never stored (see courses.quizzes.views.taking); this also leaves out
    attempts stored before that, by trainers who were not enrolled.
    """
    return (select(QuizAttempt.id)
            .join(Enrolment, and_(Enrolment.user_id == QuizAttempt.user_id,
                                  Enrolment.course_id == course.id))
            .where(QuizAttempt.quiz_id == quiz.id))


def statistics(quiz, course):
    """Item statistics over every learner's attempt, grouped by question identity (whatever
    version was answered), in six queries whatever the number of attempts."""
    of_quiz = learners_attempts(quiz, course)
    attempts_by_version = {}
    for number, count in db.session.execute(
            select(Release.number, func.count(QuizAttempt.id))
            .outerjoin(Release, Release.id == QuizAttempt.release_id)
            .where(QuizAttempt.id.in_(of_quiz)).group_by(Release.number)):
        attempts_by_version[number] = count
    attempts = sum(attempts_by_version.values())
    answered, facility = {}, {}
    for question_id, count, mean in db.session.execute(
            select(QuizAnswer.question_id, func.count(), func.avg(QuizAnswer.score))
            .where(QuizAnswer.attempt_id.in_(of_quiz)).group_by(QuizAnswer.question_id)):
        answered[question_id] = count
        facility[question_id] = round(100 * float(mean))
    versions = {}
    for question_id, number in db.session.execute(
            select(QuizAnswer.question_id, Release.number)
            .join(QuizAttempt, QuizAttempt.id == QuizAnswer.attempt_id)
            .join(Release, Release.id == QuizAttempt.release_id)
            .where(QuizAnswer.attempt_id.in_(of_quiz)).distinct()
            .order_by(QuizAnswer.question_id, Release.number)):
        versions.setdefault(question_id, []).append(number)
    chosen = dict(db.session.execute(
        select(QuizChoice.option_id, func.count())
        .join(QuizAnswer, QuizAnswer.id == QuizChoice.answer_id)
        .where(QuizAnswer.attempt_id.in_(of_quiz),
               or_(QuizChoice.matched_option_id.is_(None), QuizChoice.correct))
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
    return ItemStatistics(attempts, answered, facility, chosen, wrong_answers, versions,
                          attempts_by_version)
