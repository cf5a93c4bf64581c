"""Trainers' pages for the course itself: its description, outline, publishing, status, trainers."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from sqlalchemy import func, select

from courses.forms import CourseForm, ModuleForm, TrainerForm
from courses.services import access, authoring, media, publishing
from courses.views import load_course, render_outline, to_outline, user
from lms.extensions import db
from lms.forms import ConfirmForm
from lms.models import User
from lms.permissions import require


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
    course = load_course(slug)
    form = CourseForm(obj=course)
    if form.validate_on_submit():
        authoring.update_course(course, **course_fields(form))
        flash(_("The course's description has been saved."), "success")
        return to_outline(course)
    return render_template("courses/course_form.html", form=form, course=course)


@require("courses.edit")
def outline(slug):
    course = load_course(slug)
    return render_outline(course, ModuleForm())


@require("courses.edit")
def publish(slug):
    course = load_course(slug)
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
    course = load_course(slug)
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
    course = load_course(slug)
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
    course = load_course(slug)
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
