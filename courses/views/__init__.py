"""Pages of the courses plugin, one module per area; shared loaders here."""
from flask import abort
from flask_login import current_user
from sqlalchemy import select

from courses.models import Course, Lesson, Module
from lms.extensions import db
from lms.permissions import require_object


def load_course(slug, permission="courses.view_course"):
    course = db.session.scalar(select(Course).where(Course.slug == slug))
    return require_object(permission, course)


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
