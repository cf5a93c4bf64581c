"""Trainers' pages for a course's modules: add, edit, move, delete."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from courses.forms import ModuleEditForm, ModuleForm
from courses.services import authoring
from courses.views import MOVES, load_course, load_module, render_outline, to_outline
from lms.forms import ConfirmForm
from lms.permissions import require


@require("courses.edit")
def add_module(slug):
    course = load_course(slug)
    form = ModuleForm()
    if form.validate_on_submit():
        authoring.add_module(course, form.title.data)
        flash(_("The module has been added."), "success")
        return to_outline(course)
    return render_outline(course, form, status=400)


@require("courses.edit")
def edit_module(slug, module_id):
    course = load_course(slug)
    module = load_module(course, module_id)
    form = ModuleEditForm(obj=module)
    if form.validate_on_submit():
        authoring.update_module(module, form.title.data, form.discussion_prompt.data or "")
        flash(_("The module has been saved."), "success")
        return to_outline(course)
    return render_template("courses/module_form.html", course=course, module=module, form=form)


@require("courses.edit")
def move_module(slug, module_id, direction):
    course = load_course(slug)
    module = load_module(course, module_id)
    if direction not in MOVES or not ConfirmForm().validate_on_submit():
        abort(400)
    authoring.move_module(module, MOVES[direction])
    return redirect(url_for("courses.outline", slug=course.slug, _anchor=f"module-{module.id}"))


@require("courses.edit")
def delete_module(slug, module_id):
    course = load_course(slug)
    module = load_module(course, module_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    authoring.delete_module(module)
    flash(_("The module and its lessons have been deleted from the draft."), "success")
    return to_outline(course)
