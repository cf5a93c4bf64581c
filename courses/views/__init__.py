"""Pages of the courses plugin, one module per area; shared loaders and the outline here."""
from flask import abort, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from courses.forms import TranslationForm
from courses.models import Course, Lesson, Module
from courses.services import progress, publishing
# Aliased: a bare `translations` here would hide the page module `courses.views.translations`.
from courses.services import translations as course_translations
from lms.extensions import db
from lms.forms import ConfirmForm, options
from lms.i18n import LANGUAGE_NAMES
from lms.permissions import require_object
from lms.publishing import publish_link

MOVES = {"up": -1, "down": 1}


def load_course(slug):
    """The course at `slug` when the visitor holds the route's permission on it, else 404."""
    return require_object(db.session.scalar(select(Course).where(Course.slug == slug)))


def load_module(course, module_id):
    module = db.session.get(Module, module_id)
    if module is None or module.course_id != course.id:
        abort(404)
    return module


def load_lesson(course, lesson_id):
    lesson = db.session.get(Lesson, lesson_id)
    if lesson is None or lesson.module.course_id != course.id:
        abort(404)
    return lesson


def user():
    return current_user._get_current_object()


def to_outline(course):
    return redirect(url_for("courses.outline", slug=course.slug))


def translation_form_for(versions):
    """The form to start a translation, offering the languages the course is not yet in."""
    form = TranslationForm()
    taken = {each.language for each in versions}
    form.language.choices = options(
        [(code, name) for code, name in LANGUAGE_NAMES.items() if code not in taken])
    return form


def render_outline(course, module_form, translation_form=None, status=200):
    release = progress.current_release(course)
    versions = course_translations.versions(course)
    translation_form = translation_form or translation_form_for(versions)
    return render_template("courses/outline.html", course=course, release=release,
                           changed=publishing.has_unpublished_changes(course, release),
                           module_form=module_form, confirm=ConfirmForm(), versions=versions,
                           translation_form=translation_form,
                           states=course_translations.lesson_states(course),
                           open_publish_link=publish_link("courses.course", course.id)), status
