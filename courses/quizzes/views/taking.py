"""Learners' quiz pages: taking a quiz, the attempts made and the review of each; and the
trainers' preview of the draft.

Learners take the quiz as published in the course's current release (never the draft). The
course's editors (its trainers and admins) may open the same page to try the published
version, and the preview to try the draft: their answers are scored and shown with every
feedback, but nothing is stored, so that trying a quiz counts nowhere (attempt limits, item
statistics, reports, progress, certificates).
"""
import random

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_login import current_user

from courses.quizzes import TRUTH_LABELS
from courses.quizzes.services import quizzes, scoring
from courses.quizzes.services.loading import (attempt_quiz, draft_quiz, for_editor, for_learner,
                                     learners_quiz, own_attempt)
from lms.forms import ConfirmForm
from lms.permissions import can, require
from lms.timeutil import zone_label


def obstacle_message(quiz, reason, attempts):
    if reason == "not_open":
        return _("This quiz opens on %(date)s (%(zone)s).", date=format_datetime(quiz.opens_at),
                 zone=zone_label())
    if reason == "closed":
        return _("This quiz closed on %(date)s (%(zone)s). It no longer takes answers.",
                 date=format_datetime(quiz.closes_at), zone=zone_label())
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


def render_quiz(course, lesson, quiz, attempts, reason, status=200, preview=None):
    """The quiz page; `preview` is None for the published version, "draft" for the trainers'
    preview of the draft."""
    edit = can(current_user, "courses.edit", course)
    action = url_for("courses_quiz.preview" if preview else "courses_quiz.take",
                     slug=course.slug, lesson_id=lesson.id)
    return render_template(
        "courses/quizzes/take.html", course=course, lesson=lesson, quiz=quiz, attempts=attempts,
        reason=reason, message=obstacle_message(quiz, reason, attempts) if reason else None,
        shown=shown_in_order(quiz) if quiz and not reason else [], form=ConfirmForm(),
        field_name=scoring.field_name, truth_labels=TRUTH_LABELS, edit=edit,
        preview=preview, action=action), status


def render_tried(course, lesson, quiz, preview):
    """Score a trainer's try of `quiz` and show it with every answer and feedback; nothing is
    stored."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        tried, answers = quizzes.preview(quiz, request.form)
    except scoring.ForeignAnswer:
        abort(400)
    return render_template(
        "courses/quizzes/attempt.html", course=course, lesson=lesson, quiz=quiz, attempt=tried,
        answers=answers, reveal=True, truth_labels=TRUTH_LABELS, can_retry=True,
        preview=preview)


@require("courses.learn")
def take(slug, lesson_id):
    course, lesson, release = for_learner(slug, lesson_id)
    quiz = learners_quiz(release, lesson)
    trying = can(current_user, "courses.edit", course)
    attempts = [] if trying else quizzes.attempts_of(quiz, current_user)
    reason = quizzes.obstacle(quiz, attempts)
    if request.method == "POST":
        if reason:
            return render_quiz(course, lesson, quiz, attempts, reason, status=403)
        if trying:
            return render_tried(course, lesson, quiz, "published")
        if not ConfirmForm().validate_on_submit():
            abort(400)
        try:
            attempt, completion = quizzes.submit(quiz, lesson, current_user._get_current_object(),
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


@require("courses.edit")
def preview(slug, lesson_id):
    """The draft of the quiz, for its editors to try: scored, shown, never stored."""
    course, lesson = for_editor(slug, lesson_id)
    quiz = draft_quiz(lesson)
    reason = "no_questions" if not quiz.questions else None
    if request.method == "POST" and reason is None:
        return render_tried(course, lesson, quiz, "draft")
    return render_quiz(course, lesson, quiz, [], reason, preview="draft")


@require("courses.learn")
def attempt(slug, lesson_id, attempt_id):
    course, lesson, release = for_learner(slug, lesson_id)
    found = own_attempt(lesson, attempt_id)
    current = learners_quiz(release, lesson)
    answered = attempt_quiz(found, release, lesson)
    if answered is None:
        abort(404)
    attempts = quizzes.attempts_of(current, current_user)
    # The right answers are shown once they can no longer help a further attempt.
    obstacle = quizzes.obstacle(current, attempts)
    reveal = any(a.passed for a in attempts) or obstacle is not None
    return render_template(
        "courses/quizzes/attempt.html", course=course, lesson=lesson, quiz=answered,
        attempt=found, answers=quizzes.review(found), reveal=reveal,
        truth_labels=TRUTH_LABELS, can_retry=obstacle is None, preview=None)
