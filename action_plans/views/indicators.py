"""Indicators of a plan: add (from the library or written), edit together, history, restore,
delete, and the indicator's page with its chart, breakdown and measurements."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import format_date, get_locale
from flask_babel import gettext as _
from flask_login import current_user

from action_plans.forms.indicators import IndicatorForm, LibraryPickForm, NewIndicatorForm
from action_plans.indicator_terms import (DIRECTION_LABELS, DISAGGREGATION_CATEGORIES,
                                          DISAGGREGATION_LABELS, FREQUENCY_LABELS, KIND_LABELS,
                                          LEVEL_LABELS, LIBRARY_AREA_LABELS,
                                          MEASUREMENT_STATUS_LABELS, TRACK_LABELS, UNIT_LABELS)
from action_plans.services import access, indicators, library
from action_plans.services.records import INDICATOR
from action_plans.views import load_plan, not_found, records
from action_plans.views.comment_area import comment_area
from lms.charts import bar_chart, line_chart
from lms.forms import ConfirmForm
from lms.permissions import can, require, require_object

FIELD_LABELS = {name: field.args[0] if field.args else name
                for name, field in IndicatorForm.__dict__.items()
                if hasattr(field, "field_class")}


def number(value):
    """A figure as pages show it: up to two decimals, no exponent ("1250000", "12.5")."""
    if value is None:
        return "–"
    shown = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if shown == "-0" else shown


def load_indicator(plan, indicator_id, for_update=False):
    indicator = indicators.indicator_of(plan, indicator_id, for_update)
    if indicator is None:
        not_found(plan)
    return indicator


def _choices(plan):
    return {"organisations": indicators.member_organisations(plan.network),
            "people": indicators.member_people(plan.network)}


def _library_choices():
    """The library's indicators in the reader's language, grouped by area."""
    locale = get_locale()
    return {str(LIBRARY_AREA_LABELS[area]): [
        (item.code, f"{item.code} {item.name_in(locale)}") for item in library.in_area(area)]
        for area in library.AREAS}


@require("action_plans.edit_plan")
def new_indicator(slug):
    plan = load_plan(slug)
    form = NewIndicatorForm(attachments=indicators.attachments(plan),
                            codes_taken=lambda code: indicators.code_taken(plan, code),
                            **_choices(plan))
    pick = LibraryPickForm(request.args)
    pick.library.choices = _library_choices()
    if request.method == "GET":
        form.attached_to.data = request.args.get("attached_to", "")
        prefill = indicators.from_library(request.args.get("library", ""), get_locale())
        if prefill:
            for name, value in prefill.items():
                form[name].data = value
    if form.validate_on_submit():
        indicator = indicators.create(plan, records.me(), form.attached_to.data,
                                      dict(form.values(), library_code=form.library_code.data))
        flash(_("The indicator has been added."), "success")
        return redirect(url_for("action_plans.show_indicator", slug=plan.slug,
                                indicator_id=indicator.id))
    return render_template("action_plans/new_indicator.html", plan=plan, form=form, pick=pick), \
        400 if form.is_submitted() else 200


def _urls(plan, indicator):
    args = {"slug": plan.slug, "indicator_id": indicator.id}
    return {"presence": url_for("action_plans.indicator_presence", **args),
            "history": url_for("action_plans.indicator_history", **args)}


@require("action_plans.edit_plan")
def edit_indicator(slug, indicator_id):
    saving = request.method == "POST"
    plan = load_plan(slug, for_update=saving)
    indicator = load_indicator(plan, indicator_id, for_update=saving)
    form = IndicatorForm(obj=indicator if not saving else None,
                         codes_taken=lambda code: indicators.code_taken(plan, code, indicator.id),
                         **_choices(plan))
    if not saving:
        form.responsible_organisation_id.data = indicator.responsible_organisation_id or 0
        form.approver_id.data = indicator.approver_id or 0
    return records.edit_page(
        plan, INDICATOR, indicator, form, title=f"{indicator.code} {indicator.name}",
        urls=_urls(plan, indicator), saved_message=_("The indicator has been saved."),
        done_url=url_for("action_plans.show_indicator", slug=plan.slug,
                         indicator_id=indicator.id),
        values=lambda f: f.values())


@require("action_plans.edit_plan")
def indicator_presence(slug, indicator_id):
    plan = load_plan(slug)
    return records.presence(INDICATOR, load_indicator(plan, indicator_id))


@require("action_plans.view_plan")
def indicator_history(slug, indicator_id):
    plan = load_plan(slug)
    indicator = load_indicator(plan, indicator_id)
    return records.history_page(
        plan, INDICATOR, indicator, title=f"{indicator.code} {indicator.name}",
        labels=FIELD_LABELS,
        restore_url=lambda revision: url_for("action_plans.restore_indicator", slug=plan.slug,
                                             indicator_id=indicator.id,
                                             revision_id=revision.id))


@require("action_plans.edit_plan")
def restore_indicator(slug, indicator_id, revision_id):
    plan = load_plan(slug, for_update=True)
    indicator = load_indicator(plan, indicator_id, for_update=True)
    return records.restore(plan, INDICATOR, indicator, revision_id, url_for(
        "action_plans.indicator_history", slug=plan.slug, indicator_id=indicator.id))


@require("action_plans.edit_plan")
def delete_indicator(slug, indicator_id):
    plan = load_plan(slug, for_update=request.method == "POST")
    indicator = load_indicator(plan, indicator_id)
    form = ConfirmForm()
    has_measurements = bool(indicator.measurements)
    if form.validate_on_submit():
        if indicators.delete(plan, indicator):
            flash(_("The indicator has been deleted."), "success")
            return redirect(url_for("action_plans.show", slug=plan.slug))
        return render_template("action_plans/delete_indicator.html", plan=plan,
                               indicator=indicator, form=form, has_measurements=True), 409
    return render_template("action_plans/delete_indicator.html", plan=plan, indicator=indicator,
                           form=form, has_measurements=has_measurements)


def _labels():
    return {"levels": LEVEL_LABELS, "kinds": KIND_LABELS, "units": UNIT_LABELS,
            "directions": DIRECTION_LABELS, "frequencies": FREQUENCY_LABELS,
            "dimensions": DISAGGREGATION_LABELS, "categories": DISAGGREGATION_CATEGORIES,
            "statuses": MEASUREMENT_STATUS_LABELS, "tracks": TRACK_LABELS}


def indicator_page(plan, indicator, review=None, status=200, comments=None):
    """The indicator's page; `review` is a refused review form (with its measurement id),
    `comments` the comments area with a refused comment."""
    member = access.is_insider(current_user, plan)
    measurements = indicators.measurements(indicator, with_unapproved=member)
    approved = [m for m in measurements if m.status == "approved"]
    unit = " %" if indicator.unit == "percent" else ""
    days, path, values = indicators.chart_rows(indicator, approved)
    series = [(_("Approved measurements"), values)]
    if any(v is not None for v in path):
        series.insert(0, (_("Path from baseline to target"), path))
    chart = line_chart([format_date(day) for day in days], series, unit=unit)
    latest = next((m for m in reversed(approved) if m.value is not None), None)
    breakdowns = [breakdown(approved, dimension, unit)
                  for dimension in indicator.disaggregation]
    return render_template(
        "action_plans/indicator.html", plan=plan, indicator=indicator, chart=chart,
        measurements=measurements, latest=latest,
        breakdowns=[found for found in breakdowns if found is not None],
        track=indicators.track(indicator, latest.value if latest else None,
                               latest.measured_on if latest else None),
        member=member, review=review,
        comments=comments or comment_area(plan, "indicator", indicator),
        may_edit=can(current_user, "action_plans.edit_plan", plan),
        may_submit=can(current_user, "action_plans.submit_measurement", indicator),
        may_approve=can(current_user, "action_plans.approve_measurement", indicator),
        **_labels()), status


def breakdown(approved, dimension, unit):
    """(dimension, its date or None, chart) of one breakdown of the approved measurements: a line
    per category over time, or bars when there is only one date yet; None without figures."""
    categories = DISAGGREGATION_CATEGORIES.get(dimension, {})
    days, rows = indicators.breakdown_rows(approved, dimension, categories)
    if not days:
        return None
    named = [(str(categories.get(category, category)), figures) for category, figures in rows]
    if len(days) == 1:
        return dimension, days[0], bar_chart(
            [(name, figures[0], False) for name, figures in named], unit=unit)
    return dimension, None, line_chart([format_date(day) for day in days], named, unit=unit)


@require("action_plans.view_plan")
def show_indicator(slug, indicator_id):
    plan = load_plan(slug)
    return indicator_page(plan, load_indicator(plan, indicator_id))


def load_for_measuring(slug, indicator_id, for_update=False):
    """The plan (visible to the visitor) and its indicator, on which the visitor holds the
    route's permission (submit or approve measurements), else 404."""
    plan = load_plan(slug, "action_plans.view_plan", for_update=for_update)
    indicator = load_indicator(plan, indicator_id, for_update=for_update)
    require_object(indicator)
    return plan, indicator
