"""Learners' quiz pages: taking a quiz, the attempts made and the review of each."""
import random

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_login import current_user

from courses.quizzes import TRUTH_LABELS, scoring, services
from courses.quizzes.blueprint import bp
from courses.quizzes.forms import ConfirmForm
from courses.quizzes.loading import for_learner, own_attempt, quiz_with_questions
from lms.permissions import can, require


def obstacle_message(quiz, reason, attempts):
    if reason == "not_open":
        return _("This quiz opens on %(date)s (UTC).", date=format_datetime(quiz.opens_at))
    if reason == "closed":
        return _("This quiz closed on %(date)s (UTC). It no longer takes answers.",
                 date=format_datetime(quiz.closes_at))
    if reason == "no_attempts_left":
        return _("You have used all %(count)d attempts at this quiz.", count=len(attempts))
    return _("This quiz has no questions yet.")


def shown_in_order(quiz):
    """[(question, options, right-hand sides)] as this learner sees them.

    Matching questions always list their right-hand sides in a random order, so that the
    order does not give the pairs away.
    """
    shuffler = random.SystemRandom()
    questions = list(quiz.questions)
    if quiz.shuffle:
        shuffler.shuffle(questions)
    shown = []
    for question in questions:
        options = list(question.options)
        if quiz.shuffle:
            shuffler.shuffle(options)
        sides = []
        if question.kind == "matching":
            sides = [(scoring.match_token(option), option.match) for option in question.options]
            shuffler.shuffle(sides)
        shown.append((question, options, sides))
    return shown


def render_quiz(course, lesson, quiz, attempts, reason, status=200):
    return render_template(
        "courses/quizzes/take.html", course=course, lesson=lesson, quiz=quiz, attempts=attempts,
        reason=reason, message=obstacle_message(quiz, reason, attempts) if reason else None,
        shown=shown_in_order(quiz) if quiz and not reason else [], form=ConfirmForm(),
        field_name=scoring.field_name, truth_labels=TRUTH_LABELS,
        edit=can(current_user, "courses.edit", course)), status


@bp.route("/", methods=["GET", "POST"])
@require("courses.learn")
def take(slug, lesson_id):
    course, lesson = for_learner(slug, lesson_id)
    quiz = quiz_with_questions(lesson)
    attempts = services.attempts_of(quiz, current_user) if quiz else []
    reason = services.obstacle(quiz, attempts)
    if request.method == "POST":
        if reason:
            return render_quiz(course, lesson, quiz, attempts, reason, status=403)
        if not ConfirmForm().validate_on_submit():
            abort(400)
        try:
            attempt, completion = services.submit(quiz, lesson, current_user._get_current_object(),
                                                  request.form)
        except scoring.ForeignAnswer:
            abort(400)
        if completion is not None:
            flash(_("Congratulations: you have completed the course! Your certificate is ready."),
                  "success")
            return redirect(url_for("courses.certificate", code=completion.code))
        if attempt.passed:
            flash(_("You passed with %(score)d %%.", score=attempt.score), "success")
        else:
            flash(_("You scored %(score)d %%; %(mark)d %% is needed to pass.",
                    score=attempt.score, mark=quiz.pass_mark), "info")
        return redirect(url_for("courses_quiz.attempt", slug=slug, lesson_id=lesson_id,
                                attempt_id=attempt.id))
    return render_quiz(course, lesson, quiz, attempts, reason)


@bp.route("/attempts/<int:attempt_id>")
@require("courses.learn")
def attempt(slug, lesson_id, attempt_id):
    course, lesson = for_learner(slug, lesson_id)
    quiz = quiz_with_questions(lesson)
    found = own_attempt(quiz, attempt_id)
    attempts = services.attempts_of(quiz, current_user)
    # The right answers are shown once they can no longer help a further attempt.
    reveal = any(a.passed for a in attempts) or services.obstacle(quiz, attempts) is not None
    return render_template(
        "courses/quizzes/attempt.html", course=course, lesson=lesson, quiz=quiz,
        attempt=found, answers=services.review(found), reveal=reveal,
        truth_labels=TRUTH_LABELS, can_retry=services.obstacle(quiz, attempts) is None)
