"""Learners' pages of the toolkit: the tools, filling one in, results and summaries."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import or_, select

from courses.models.assessment import AssessmentTool
from courses.toolkit import BAND_LABELS, RESOURCE_KIND_LABELS, SCALE_LABELS, STATUS_LABELS
from courses.toolkit.forms import answer_form, statement_field
from courses.toolkit.services import authoring, resources, results
from courses.toolkit.services.loading import own_attempt, tool_by_slug
from lms.charts import bar_chart
from lms.extensions import db
from lms.models import Membership, Organisation
from lms.permissions import can, require, require_object, site_role


def active_memberships(user, role=None):
    statement = select(Membership).join(Membership.organisation).where(
        Membership.user_id == user.id, Membership.status == "active").order_by(Organisation.name)
    if role:
        statement = statement.where(Membership.role == role)
    return db.session.scalars(statement).all()


def course_toolkit(course):
    """(published tools, files) of a course, for its page."""
    return authoring.tools_of_course(course), resources.of_course(course)



@require("courses.view")
def index():
    visible = AssessmentTool.status == "published"
    editor = can(current_user, "courses.edit_assessment")
    if editor:
        if site_role(current_user) == "admin":
            visible = True
        else:
            visible = or_(visible, AssessmentTool.created_by_id == current_user.id)
    tools = db.session.scalars(select(AssessmentTool).where(visible)
                               .order_by(AssessmentTool.title)).all()
    return render_template("courses/toolkit/index.html", tools=tools,
                           status_labels=STATUS_LABELS, files=resources.of_public_courses(),
                           kind_labels=RESOURCE_KIND_LABELS,
                           my_courses=authoring.editable_courses(current_user) if editor else [])


@require("courses.view")
def show(slug):
    tool = tool_by_slug(slug, with_statements=True)
    signed_in = current_user.is_authenticated
    return render_template(
        "courses/toolkit/show.html", tool=tool,
        attempts=results.own_attempts(tool, current_user) if signed_in else [],
        admin_of=active_memberships(current_user, "admin") if signed_in else [],
        edit=can(current_user, "courses.edit_assessment", tool), status_labels=STATUS_LABELS)


@require("courses.take_assessment")
def answer(slug):
    tool = tool_by_slug(slug, with_statements=True)
    if not any(dimension.statements for dimension in tool.dimensions):
        abort(404)
    form = answer_form(tool, active_memberships(current_user))
    if form.validate_on_submit():
        values = {statement.id: int(form[statement_field(statement)].data)
                  for dimension in tool.dimensions for statement in dimension.statements}
        attempt = results.submit(tool, current_user, int(form.organisation.data or 0) or None,
                                 values)
        flash(_("Thank you. Here are your results."), "success")
        return redirect(url_for("courses_toolkit.result", slug=tool.slug, attempt_id=attempt.id))
    return render_template("courses/toolkit/answer.html", tool=tool, form=form,
                           field_name=statement_field)


@require("courses.take_assessment")
def result(slug, attempt_id):
    tool = tool_by_slug(slug, with_statements=True)
    attempt = own_attempt(tool, attempt_id)
    earlier = results.earlier_attempts(attempt)
    attempts = [attempt] + earlier
    scores = results.scores_of(attempts)
    labels = {attempt.id: _("This time (%(date)s)", date=format_date(attempt.submitted_at))}
    labels.update({a.id: format_date(a.submitted_at) for a in earlier})
    charts = {dimension.id: bar_chart([(labels[a.id], scores[a.id].get(dimension.id),
                                        a is attempt) for a in attempts], 100, " %")
              for dimension in tool.dimensions}
    return render_template(
        "courses/toolkit/result.html", tool=tool, attempt=attempt, attempts=attempts,
        scores=scores, labels=labels, charts=charts, answers=results.answers_of(attempt),
        band=lambda score: results.band(tool, score), band_labels=BAND_LABELS,
        scale_labels=SCALE_LABELS)


@require("courses.view_assessment_summary")
def summary(slug, organisation_slug):
    organisation = require_object(db.session.scalar(
        select(Organisation).where(Organisation.slug == organisation_slug)))
    tool = tool_by_slug(slug, with_statements=True)
    found = results.organisation_summary(tool, organisation)
    chart = bar_chart([(dimension.title, found.means.get(dimension.id), True)
                       for dimension in tool.dimensions], 100, " %") if found.shown else None
    return render_template(
        "courses/toolkit/summary.html", tool=tool, organisation=organisation, summary=found,
        chart=chart, band=lambda score: results.band(tool, score), band_labels=BAND_LABELS)
