"""The trainer's report per course and per cohort, as a page and as CSV."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from courses.forms import CohortChoiceForm, CohortForm
from courses.services import badges, progress, report
from courses.models import Enrolment
from courses.views import load_course
from lms.csvfiles import csv_response
from lms.extensions import db
from lms.forms import ConfirmForm
from lms.permissions import require


def chosen_cohort(course):
    cohort_id = request.args.get("cohort", type=int)
    if cohort_id is None:
        return None, report.cohorts(course)
    cohorts = report.cohorts(course)
    chosen = next((c for c in cohorts if c.id == cohort_id), None)
    if chosen is None:
        abort(404)
    return chosen, cohorts


@require("courses.edit")
def report_page(slug):
    course = load_course(slug)
    cohort, cohorts = chosen_cohort(course)
    release = progress.current_release(course)
    table = report.rows(course, release, cohort.id if cohort else None)
    return render_template("courses/report.html", course=course, release=release, table=table,
                           cohort=cohort, cohorts=cohorts, cohort_form=CohortForm(),
                           confirm=ConfirmForm())


@require("courses.edit")
def report_csv(slug):
    course = load_course(slug)
    cohort, _cohorts = chosen_cohort(course)
    release = progress.current_release(course)
    table = report.rows(course, release, cohort.id if cohort else None)
    headers = [_("Learner"), _("Email address"), _("Cohort"), _("Lessons done"),
               _("Quizzes passed"), _("Last activity"), _("Completed on")]
    name = f"{course.slug}-{cohort.id}" if cohort else course.slug
    return csv_response(f"{name}-report.csv", *report.as_csv(release, table, headers))


@require("courses.edit")
def add_cohort(slug):
    course = load_course(slug)
    form = CohortForm()
    if not form.validate_on_submit():
        flash(_("Please enter a name for the cohort."), "error")
        return redirect(url_for("courses.report_page", slug=course.slug))
    cohort = report.add_cohort(course, form.name.data)
    flash(_("The cohort %(name)s has been created.", name=cohort.name), "success")
    return redirect(url_for("courses.report_page", slug=course.slug, cohort=cohort.id))


@require("courses.edit")
def move_to_cohort(slug, enrolment_id):
    course = load_course(slug)
    enrolment = db.session.get(Enrolment, enrolment_id)
    if enrolment is None or enrolment.course_id != course.id:
        abort(404)
    cohorts = report.cohorts(course)
    form = CohortChoiceForm()
    form.cohort.choices = [(0, "")] + [(c.id, c.name) for c in cohorts]
    if not form.validate_on_submit():
        abort(400)
    cohort = next((c for c in cohorts if c.id == form.cohort.data), None)
    report.move_to_cohort(enrolment, cohort)
    flash(_("%(name)s's cohort has been changed.", name=enrolment.user.display_name), "success")
    return redirect(url_for("courses.report_page", slug=course.slug))


@require("courses.edit")
def revoke_certificate(slug, code):
    course = load_course(slug)
    completion = badges.find(code)
    if completion is None or completion.course_id != course.id:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    badges.revoke(completion)
    flash(_("The certificate %(code)s has been revoked.", code=completion.code), "success")
    return redirect(url_for("courses.report_page", slug=course.slug))
