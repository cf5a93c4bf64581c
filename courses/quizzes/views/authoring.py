"""Trainers' quiz pages: settings, questions in order, and item statistics."""
from types import SimpleNamespace

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from courses.models import QUESTION_KINDS
from courses.quizzes import KIND_LABELS, TRUTH_LABELS
from courses.quizzes.forms import OPTION_ROWS, QuestionForm, QuizSettingsForm
from courses.quizzes.services import quizzes
from courses.quizzes.services.loading import for_editor, question_of, quiz_with_questions
from lms.forms import ConfirmForm
from lms.permissions import require


def back_to_quiz(slug, lesson_id, anchor=None):
    return redirect(url_for("courses_quiz.edit", slug=slug, lesson_id=lesson_id,
                            _anchor=anchor))


@require("courses.edit")
def edit(slug, lesson_id):
    course, lesson = for_editor(slug, lesson_id)
    quiz = quiz_with_questions(lesson)
    form = QuizSettingsForm(obj=quiz)
    if form.validate_on_submit():
        quiz = quiz or quizzes.ensure_quiz(lesson)
        quizzes.update_settings(quiz, **{
            name: form.utc(name) if name in ("opens_at", "closes_at") else form[name].data
            for name in quizzes.SETTINGS})
        flash(_("The quiz settings have been saved."), "success")
        return back_to_quiz(slug, lesson_id)
    return render_template("courses/quizzes/edit.html", course=course, lesson=lesson,
                           quiz=quiz, form=form, confirm=ConfirmForm(), kinds=KIND_LABELS)


def question_form(kind, question=None):
    # retired options (deleted, kept for history) are not part of the draft
    draft = question and SimpleNamespace(
        prompt=question.prompt, feedback=question.feedback,
        accepted_answers=question.accepted_answers, options=question.current_options)
    form = QuestionForm(obj=draft, kind=kind)
    if request.method == "GET":
        rows = 2 if kind == "true_false" else 0 if kind == "short" else max(
            OPTION_ROWS, len(question.current_options) + 2 if question else 0)
        while len(form.options) < rows:
            form.options.append_entry()
    if kind == "true_false":
        for entry, truth in zip(form.options, TRUTH_LABELS):
            entry.form.text.data = truth
    return form


def question_fields(form):
    return {"kind": form.kind, "prompt": form.prompt.data, "feedback": form.feedback.data or "",
            "accepted_answers": form.accepted_answers.data or "",
            "options": form.filled_options()}


def render_question(course, lesson, form, question):
    return render_template("courses/quizzes/question.html", course=course, lesson=lesson,
                           form=form, question=question, kinds=KIND_LABELS,
                           truth_labels=TRUTH_LABELS)


@require("courses.edit")
def add_question(slug, lesson_id):
    course, lesson = for_editor(slug, lesson_id)
    kind = request.args.get("kind", "")
    if kind not in QUESTION_KINDS:
        abort(404)
    form = question_form(kind)
    if form.validate_on_submit():
        question = quizzes.save_question(quizzes.ensure_quiz(lesson), None,
                                          **question_fields(form))
        flash(_("The question has been added."), "success")
        return back_to_quiz(slug, lesson_id, f"question-{question.id}")
    return render_question(course, lesson, form, None)


@require("courses.edit")
def edit_question(slug, lesson_id, question_id):
    course, lesson = for_editor(slug, lesson_id)
    question = question_of(quiz_with_questions(lesson), question_id)
    form = question_form(question.kind, question)
    if form.validate_on_submit():
        quizzes.save_question(question.quiz, question, **question_fields(form))
        flash(_("The question has been saved."), "success")
        return back_to_quiz(slug, lesson_id, f"question-{question.id}")
    return render_question(course, lesson, form, question)


@require("courses.edit")
def move_question(slug, lesson_id, question_id, direction):
    _course, lesson = for_editor(slug, lesson_id)
    question = question_of(quiz_with_questions(lesson), question_id)
    if ConfirmForm().validate_on_submit():
        quizzes.move_question(question, -1 if direction == "up" else 1)
    return back_to_quiz(slug, lesson_id, f"question-{question.id}")


@require("courses.edit")
def delete_question(slug, lesson_id, question_id):
    _course, lesson = for_editor(slug, lesson_id)
    question = question_of(quiz_with_questions(lesson), question_id)
    if ConfirmForm().validate_on_submit():
        quizzes.delete_question(question)
        flash(_("The question has been deleted."), "success")
    return back_to_quiz(slug, lesson_id)


@require("courses.edit")
def statistics(slug, lesson_id):
    course, lesson = for_editor(slug, lesson_id)
    quiz = quiz_with_questions(lesson)
    if quiz is None:
        abort(404)
    stats = quizzes.statistics(quiz, course)
    # questions deleted from the draft still show what learners answered to them
    retired = [question for question in quiz.questions
               if question.retired and question.id in stats.answered]
    return render_template("courses/quizzes/statistics.html", course=course, lesson=lesson,
                           quiz=quiz, retired=retired, stats=stats, kinds=KIND_LABELS,
                           truth_labels=TRUTH_LABELS)
