"""Trainers' pages: a course's description, its modules and lessons, trainers and publishing."""
from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import func, select

from courses.forms import (CourseForm, LessonForm, ModuleEditForm, ModuleForm, NewLessonForm,
                           TrainerForm, TranslatedLessonForm, TranslationForm)
from courses.services import access, authoring, markup, media, progress, publishing, \
    translations
from courses.views import load_course, load_lesson, load_module, user
from lms.extensions import db
from lms.forms import ConfirmForm, options
from lms.i18n import LANGUAGE_NAMES
from lms.models import User
from lms.permissions import require
from lms.publishing import publish_link

MOVES = {"up": -1, "down": 1}


def course_fields(form):
    fields = {name: getattr(form, name).data for name in (
        "title", "slug", "summary", "language", "topic", "outcomes", "audience",
        "estimated_hours", "licence", "cover_alt", "enrolment", "enrolment_key")}
    fields["summary"] = fields["summary"] or ""
    fields["outcomes"] = fields["outcomes"] or ""
    fields["audience"] = fields["audience"] or ""
    fields["enrolment_key"] = fields["enrolment_key"] or ""
    checked = getattr(form.cover, "checked", None)
    if checked:
        data, content_type, kind = checked
        fields["cover_id"] = media.store(data, content_type, kind, form.cover.data.filename,
                                         form.cover_alt.data, user()).id
    return fields


def to_outline(course):
    return redirect(url_for("courses.outline", slug=course.slug))


@require("courses.create")
def create():
    form = CourseForm()
    if form.validate_on_submit():
        course = authoring.create_course(user(), **course_fields(form))
        flash(_("The course has been created as a draft. Add its modules and lessons."),
              "success")
        return to_outline(course)
    return render_template("courses/course_form.html", form=form, course=None)


@require("courses.edit")
def edit(slug):
    course = load_course(slug, "courses.edit")
    form = CourseForm(obj=course)
    if form.validate_on_submit():
        authoring.update_course(course, **course_fields(form))
        flash(_("The course's description has been saved."), "success")
        return to_outline(course)
    return render_template("courses/course_form.html", form=form, course=course)


@require("courses.edit")
def outline(slug):
    course = load_course(slug, "courses.edit")
    return render_outline(course, ModuleForm())


def translation_form_for(versions):
    """The form to start a translation, offering the languages the course is not yet in."""
    form = TranslationForm()
    taken = {each.language for each in versions}
    form.language.choices = options(
        [(code, name) for code, name in LANGUAGE_NAMES.items() if code not in taken])
    return form


def render_outline(course, module_form, translation_form=None, status=200):
    release = progress.current_release(course)
    versions = translations.versions(course)
    translation_form = translation_form or translation_form_for(versions)
    return render_template("courses/outline.html", course=course, release=release,
                           changed=publishing.has_unpublished_changes(course, release),
                           module_form=module_form, confirm=ConfirmForm(), versions=versions,
                           translation_form=translation_form,
                           states=translations.lesson_states(course),
                           open_publish_link=publish_link("courses.course", course.id)), status


@require("courses.edit")
def add_module(slug):
    course = load_course(slug, "courses.edit")
    form = ModuleForm()
    if form.validate_on_submit():
        authoring.add_module(course, form.title.data)
        flash(_("The module has been added."), "success")
        return to_outline(course)
    return render_outline(course, form, status=400)


@require("courses.edit")
def edit_module(slug, module_id):
    course = load_course(slug, "courses.edit")
    module = load_module(course, module_id)
    form = ModuleEditForm(obj=module)
    if form.validate_on_submit():
        authoring.update_module(module, form.title.data, form.discussion_prompt.data or "")
        flash(_("The module has been saved."), "success")
        return to_outline(course)
    return render_template("courses/module_form.html", course=course, module=module, form=form)


@require("courses.edit")
def move_module(slug, module_id, direction):
    course = load_course(slug, "courses.edit")
    module = load_module(course, module_id)
    if direction not in MOVES or not ConfirmForm().validate_on_submit():
        abort(400)
    authoring.move_module(module, MOVES[direction])
    return redirect(url_for("courses.outline", slug=course.slug, _anchor=f"module-{module.id}"))


@require("courses.edit")
def delete_module(slug, module_id):
    course = load_course(slug, "courses.edit")
    module = load_module(course, module_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    authoring.delete_module(module)
    flash(_("The module and its lessons have been deleted from the draft."), "success")
    return to_outline(course)


@require("courses.edit")
def add_lesson(slug, module_id):
    course = load_course(slug, "courses.edit")
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
    course = load_course(slug, "courses.edit")
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
    course = load_course(slug, "courses.edit")
    lesson = load_lesson(course, lesson_id)
    if direction not in MOVES or not ConfirmForm().validate_on_submit():
        abort(400)
    authoring.move_lesson(lesson, MOVES[direction])
    return redirect(url_for("courses.outline", slug=course.slug, _anchor=f"lesson-{lesson.id}"))


@require("courses.edit")
def delete_lesson(slug, lesson_id):
    course = load_course(slug, "courses.edit")
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


@require("courses.edit")
def publish(slug):
    course = load_course(slug, "courses.edit")
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if not any(module.lessons for module in course.modules):
        flash(_("Add at least one lesson before publishing."), "error")
        return to_outline(course)
    release = publishing.publish(course, user())
    flash(_("Version %(number)s is published: learners now see it.", number=release.number),
          "success")
    return to_outline(course)


@require("courses.edit")
def set_status(slug, status):
    course = load_course(slug, "courses.edit")
    if status not in ("draft", "archived") or not ConfirmForm().validate_on_submit():
        abort(400)
    authoring.set_status(course, status)
    flash(_("The course is archived: enrolled learners keep it, nobody new can enrol.")
          if status == "archived" else
          _("The course is withdrawn: only its trainers see it until it is published again."),
          "success")
    return to_outline(course)


@require("courses.edit")
def trainers(slug):
    course = load_course(slug, "courses.edit")
    form = TrainerForm()
    if form.validate_on_submit():
        found = db.session.scalar(select(User).where(func.lower(User.email) == form.email.data))
        if found is None or found.role not in ("trainer", "admin"):
            form.email.errors.append(_("No trainer has an account with this address."))
        else:
            authoring.add_trainer(course, found)
            flash(_("%(name)s is now a trainer of this course.", name=found.display_name),
                  "success")
            return redirect(url_for("courses.trainers", slug=course.slug))
    return render_template("courses/trainers.html", course=course, form=form,
                           trainers=authoring.trainers(course), confirm=ConfirmForm())


@require("courses.edit")
def remove_trainer(slug, user_id):
    course = load_course(slug, "courses.edit")
    found = db.session.get(User, user_id) if user_id < 2 ** 31 else None
    if found is None or not access.is_trainer(found, course):
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if authoring.remove_trainer(course, found):
        flash(_("%(name)s no longer trains this course.", name=found.display_name), "success")
    else:
        flash(_("A course needs at least one trainer."), "error")
    return redirect(url_for("courses.trainers", slug=course.slug))


@require("courses.edit")
def add_translation(slug):
    course = load_course(slug, "courses.edit")
    original = translations.original_of(course)
    if original.id != course.id:
        abort(404)
    form = translation_form_for(translations.versions(course))
    if not form.validate_on_submit():
        return render_outline(course, ModuleForm(), form, status=400)
    translation = translations.start_translation(course, form.language.data, user())
    flash(_("The translation has been created as a draft with the original's text: "
            "translate each lesson, then publish it."), "success")
    return to_outline(translation)
