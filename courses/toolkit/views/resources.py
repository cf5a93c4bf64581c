"""Templates and checklists attached to a course: managing them and downloading them."""
from flask import abort, flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from courses.models import Course, ToolkitResource
from courses.toolkit import RESOURCE_KIND_LABELS
from courses.toolkit.forms import ResourceForm
from courses.toolkit.services import files, resources
from lms.extensions import db
from lms.forms import ConfirmForm
from lms.permissions import require, require_object


def course_by_slug(slug):
    """The course at `slug` when the visitor holds the route's permission on it, else 404."""
    return require_object(db.session.scalar(select(Course).where(Course.slug == slug)))


def resource_of(course, resource_id):
    resource = db.session.get(ToolkitResource, resource_id)
    if resource is None or resource.course_id != course.id:
        abort(404)
    return resource


@require("courses.edit")
def course_resources(slug):
    course = course_by_slug(slug)
    form = ResourceForm()
    if form.validate_on_submit():
        resources.attach(course, current_user, title=form.title.data, kind=form.kind.data,
                         description=form.description.data or "",
                         filename=files.safe_filename(form.file.data.filename or "",
                                                      form.extension),
                         content=form.content, content_type=form.content_type)
        flash(_("The file has been added to the course's toolkit."), "success")
        return redirect(url_for("courses_toolkit.course_resources", slug=slug))
    return render_template("courses/toolkit/resources.html", course=course, form=form,
                           resources=resources.of_course(course), confirm=ConfirmForm(),
                           kind_labels=RESOURCE_KIND_LABELS)


@require("courses.edit")
def delete_resource(slug, resource_id):
    course = course_by_slug(slug)
    resource = resource_of(course, resource_id)
    if ConfirmForm().validate_on_submit():
        resources.remove(resource)
        flash(_("\"%(title)s\" has been removed.", title=resource.title), "success")
    return redirect(url_for("courses_toolkit.course_resources", slug=slug))


@require("courses.view_course")
def download(slug, resource_id, filename):
    course = course_by_slug(slug)
    resource = resource_of(course, resource_id)
    if filename != resource.filename:
        return redirect(url_for("courses_toolkit.download", slug=slug, resource_id=resource.id,
                                filename=resource.filename))
    path = files.path_for(resource.sha256)
    if not path.is_file():
        abort(404)
    # Flask adds "; charset=utf-8" to text types: the files were checked to be UTF-8
    response = send_file(path, mimetype=resource.content_type, as_attachment=True,
                         download_name=resource.filename, conditional=True, etag=resource.sha256,
                         max_age=3600)
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response
