"""Trainers' page for starting a course's translation."""
from flask import abort, flash
from flask_babel import gettext as _

from courses.forms import ModuleForm
from courses.services import translations
from courses.views import load_course, render_outline, to_outline, translation_form_for, user
from lms.permissions import require


@require("courses.edit")
def add_translation(slug):
    course = load_course(slug)
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
