"""Measurements of an indicator: enter and submit one, change a draft or returned one,
approve or return it, and download its evidence."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from action_plans.forms.indicators import ReviewForm, measurement_form
from action_plans.services import access, indicators, measurements
from action_plans.views import load_plan, records
from action_plans.views.indicators import indicator_page, load_for_measuring, load_indicator
from lms.permissions import require


def _indicator_url(plan, indicator):
    return url_for("action_plans.show_indicator", slug=plan.slug, indicator_id=indicator.id)


def _measurement(indicator, measurement_id, for_update=False):
    found = indicators.measurement_of(indicator, measurement_id, for_update)
    if found is None:
        abort(404)
    return found


def _form_page(plan, indicator, measurement):
    form = measurement_form(indicator, plan, obj=measurement if request.method == "GET" else None)
    if request.method == "GET" and measurement is not None:
        for dimension, figures in (measurement.disaggregated or {}).items():
            for category, figure in figures.items():
                name = f"by_{dimension}_{category}"
                if name in form:
                    form[name].data = figure
    if form.validate_on_submit():
        submit = form.intent.data == "submit"
        measurements.save(indicator, measurement, records.me(), form.values(),
                          form.evidence_file, submit=submit)
        flash(_("The measurement has been submitted for approval.") if submit else
              _("The measurement has been saved as a draft."), "success")
        return redirect(_indicator_url(plan, indicator))
    return render_template("action_plans/measurement_form.html", plan=plan,
                           indicator=indicator, measurement=measurement, form=form), \
        400 if form.is_submitted() else 200


@require("action_plans.submit_measurement")
def new_measurement(slug, indicator_id):
    plan, indicator = load_for_measuring(slug, indicator_id)
    return _form_page(plan, indicator, None)


@require("action_plans.submit_measurement")
def edit_measurement(slug, indicator_id, measurement_id):
    saving = request.method == "POST"
    plan, indicator = load_for_measuring(slug, indicator_id)
    measurement = _measurement(indicator, measurement_id, for_update=saving)
    if measurement.status not in measurements.EDITABLE:
        flash(_("This measurement has been submitted; it can no longer be changed."), "error")
        return redirect(_indicator_url(plan, indicator))
    return _form_page(plan, indicator, measurement)


@require("action_plans.approve_measurement")
def review_measurement(slug, indicator_id, measurement_id):
    plan, indicator = load_for_measuring(slug, indicator_id, for_update=True)
    measurement = _measurement(indicator, measurement_id, for_update=True)
    if measurement.status != "submitted":
        flash(_("This measurement is not awaiting approval."), "error")
        return redirect(_indicator_url(plan, indicator))
    form = ReviewForm()
    if not form.validate_on_submit():
        return indicator_page(plan, indicator, review=(measurement.id, form), status=400)
    if form.decision.data == "approve":
        measurements.approve(measurement, records.me())
        flash(_("The measurement has been approved."), "success")
    else:
        measurements.send_back(measurement, form.comment.data)
        flash(_("The measurement has been returned with your comment."), "success")
    return redirect(_indicator_url(plan, indicator))


@require("action_plans.view_plan")
def measurement_evidence(slug, indicator_id, measurement_id):
    plan = load_plan(slug)
    indicator = load_indicator(plan, indicator_id)
    measurement = _measurement(indicator, measurement_id)
    if not measurement.evidence_sha256 or not measurements.STORE.exists(
            measurement.evidence_sha256):
        abort(404)
    if measurement.status != "approved" and not access.is_insider(current_user, plan):
        abort(404)
    response = measurements.STORE.send(measurement.evidence_sha256, measurement.evidence_type,
                                       download_name=measurement.evidence_name,
                                       as_attachment=True, immutable=False, max_age=0)
    response.cache_control.private = True
    return response
