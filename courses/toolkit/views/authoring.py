"""Trainers' pages of the toolkit: building a self-assessment tool and publishing it."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from courses.toolkit import BANDS, STATUS_LABELS
from courses.toolkit.forms import DimensionForm, ToolForm
from courses.toolkit.services import authoring
from courses.toolkit.services.loading import dimension_of, tool_by_slug
from lms.forms import ConfirmForm
from lms.permissions import require, require_object

TOOL_FIELDS = ("title", "summary", "language", "low_threshold", "high_threshold")


def tool_fields(form):
    fields = {name: form[name].data for name in TOOL_FIELDS}
    fields["course_id"] = int(form.course.data) if form.course.data else None
    return fields


def tool_form(tool=None):
    """The form, offering the courses the person edits (and the tool's own course, kept)."""
    courses = authoring.editable_courses(current_user)
    if tool is not None and tool.course is not None and tool.course not in courses:
        courses.append(tool.course)
    form = ToolForm(obj=tool, courses=courses)
    if tool is not None and request.method == "GET":
        form.course.data = str(tool.course_id or "")
    return form


def editable(slug):
    return require_object(tool_by_slug(slug, with_statements=True))


@require("courses.edit_assessment")
def create():
    form = tool_form()
    if form.validate_on_submit():
        tool = authoring.create_tool(current_user, **tool_fields(form))
        flash(_("The tool has been created. Now add its dimensions."), "success")
        return redirect(url_for("courses_toolkit.edit", slug=tool.slug))
    return render_template("courses/toolkit/tool_form.html", form=form, tool=None)


@require("courses.edit_assessment")
def edit(slug):
    tool = editable(slug)
    form = tool_form(tool)
    if form.validate_on_submit():
        authoring.update_tool(tool, **tool_fields(form))
        flash(_("The tool has been saved."), "success")
        return redirect(url_for("courses_toolkit.edit", slug=tool.slug))
    return render_template("courses/toolkit/tool_form.html", form=form, tool=tool,
                           confirm=ConfirmForm(), status_labels=STATUS_LABELS,
                           statements=authoring.statement_count(tool))


@require("courses.edit_assessment")
def change_status(slug):
    tool = editable(slug)
    if ConfirmForm().validate_on_submit():
        if tool.published:
            authoring.set_status(tool, "draft")
            flash(_("The tool is a draft again; learners no longer see it."), "success")
        elif authoring.statement_count(tool) == 0:
            flash(_("Add at least one dimension with statements before publishing."), "error")
        else:
            authoring.set_status(tool, "published")
            flash(_("The tool is published."), "success")
    return redirect(url_for("courses_toolkit.edit", slug=tool.slug))


def dimension_fields(form):
    return {"title": form.title.data, "description": form.description.data or "",
            "statements": form.statements.data,
            "advice": {band: form[f"advice_{band}"].data for band in BANDS}}


@require("courses.edit_assessment")
def add_dimension(slug):
    tool = editable(slug)
    form = DimensionForm()
    if form.validate_on_submit():
        authoring.save_dimension(tool, None, **dimension_fields(form))
        flash(_("The dimension has been added."), "success")
        return redirect(url_for("courses_toolkit.edit", slug=tool.slug))
    return render_template("courses/toolkit/dimension_form.html", form=form, tool=tool,
                           dimension=None)


@require("courses.edit_assessment")
def edit_dimension(slug, dimension_id):
    tool = editable(slug)
    dimension = dimension_of(tool, dimension_id)
    # The stored dimension fills the form shown, never a post: a field missing from a post is
    # judged as empty, not replaced by the stored value (for the statements, a list of rows).
    if request.method == "POST":
        form = DimensionForm()
    else:
        form = DimensionForm(obj=dimension)
        form.statements.data = "\n".join(s.text for s in dimension.statements)
    if form.validate_on_submit():
        authoring.save_dimension(tool, dimension, **dimension_fields(form))
        flash(_("The dimension has been saved."), "success")
        return redirect(url_for("courses_toolkit.edit", slug=tool.slug))
    return render_template("courses/toolkit/dimension_form.html", form=form, tool=tool,
                           dimension=dimension)


@require("courses.edit_assessment")
def move_dimension(slug, dimension_id, direction):
    tool = editable(slug)
    dimension = dimension_of(tool, dimension_id)
    if ConfirmForm().validate_on_submit():
        authoring.move_dimension(dimension, -1 if direction == "up" else 1)
    return redirect(url_for("courses_toolkit.edit", slug=tool.slug,
                            _anchor=f"dimension-{dimension.id}"))


@require("courses.edit_assessment")
def delete_dimension(slug, dimension_id):
    tool = editable(slug)
    dimension = dimension_of(tool, dimension_id)
    if ConfirmForm().validate_on_submit():
        authoring.delete_dimension(dimension)
        flash(_("The dimension \"%(title)s\" has been deleted.", title=dimension.title),
              "success")
    return redirect(url_for("courses_toolkit.edit", slug=tool.slug))
