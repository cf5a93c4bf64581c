"""Trainers' pages for a course's lessons: add, edit, move, delete, and the live preview."""
from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _

from courses.forms import LessonForm, NewLessonForm, TranslatedLessonForm
from courses.services import authoring, markup, translations
from courses.views import MOVES, load_course, load_lesson, load_module, to_outline
from lms.forms import ConfirmForm
from lms.permissions import require


@require("courses.edit")
def add_lesson(slug, module_id):
    course = load_course(slug)
    module = load_module(course, module_id)
    form = NewLessonForm()
    preview = None
    if form.validate_on_submit():
        if "preview" in request.form:
            preview = markup.render(form.body.data)
        else:
            lesson = authoring.add_lesson(module, form.title.data, form.kind.data,
                                          form.body.data or "")
            flash(_("The lesson has been added."), "success")
            return redirect(url_for("courses.outline", slug=course.slug,
                                    _anchor=f"lesson-{lesson.id}"))
    return render_template("courses/lesson_form.html", course=course, module=module,
                           lesson=None, form=form, preview=preview)


@require("courses.edit")
def edit_lesson(slug, lesson_id):
    course = load_course(slug)
    lesson = load_lesson(course, lesson_id)
    form_class = TranslatedLessonForm if lesson.source_lesson_id else LessonForm
    form = form_class(data={"title": lesson.title, "body": lesson.body_source}) \
        if request.method == "GET" else form_class()
    preview = None
    if form.validate_on_submit():
        if "preview" in request.form:
            preview = markup.render(form.body.data)
        else:
            authoring.update_lesson(lesson, form.title.data, form.body.data or "")
            if lesson.source_lesson_id and form.up_to_date.data:
                translations.mark_translated(lesson)
            flash(_("The lesson has been saved."), "success")
            return redirect(url_for("courses.outline", slug=course.slug,
                                    _anchor=f"lesson-{lesson.id}"))
    return render_template("courses/lesson_form.html", course=course, module=lesson.module,
                           lesson=lesson, form=form, preview=preview,
                           source=lesson.source_lesson,
                           state=translations.lesson_states(course).get(lesson.id))


@require("courses.edit")
def move_lesson(slug, lesson_id, direction):
    course = load_course(slug)
    lesson = load_lesson(course, lesson_id)
    if direction not in MOVES or not ConfirmForm().validate_on_submit():
        abort(400)
    authoring.move_lesson(lesson, MOVES[direction])
    return redirect(url_for("courses.outline", slug=course.slug, _anchor=f"lesson-{lesson.id}"))


@require("courses.edit")
def delete_lesson(slug, lesson_id):
    course = load_course(slug)
    lesson = load_lesson(course, lesson_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    authoring.delete_lesson(lesson)
    flash(_("The lesson has been deleted from the draft."), "success")
    return to_outline(course)


@require("courses.create")
def preview():
    """The live preview: the lesson editor's script posts the Markdown, gets the safe HTML."""
    source = request.form.get("body", "")
    if len(source) > 100_000:
        abort(413)
    return jsonify(html=markup.render(source))
