"""The list of plans, starting one, and a plan's page."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from action_plans import ACTION_STATUS_LABELS, AREA_LABELS, PHASE_LABELS, SIGN_OFF_LABELS
from action_plans.forms.plans import PlanForm
from action_plans.indicator_terms import TRACK_LABELS
from action_plans.services import access, adoption, goals, indicators, plans
from action_plans.views import load_plan
from lms.forms import ConfirmForm
from lms.i18n import LANGUAGE_NAMES
from lms.permissions import can, require


@require("action_plans.view")
def index():
    return render_template("action_plans/index.html", plans=plans.visible_plans(current_user),
                           may_start=bool(plans.networks_for_new_plans(current_user)),
                           phases=PHASE_LABELS)


@require("action_plans.create")
def new():
    networks = plans.networks_for_new_plans(current_user)
    if not networks:
        return render_template("action_plans/new.html", form=None)
    form = PlanForm(networks=networks)
    if form.validate_on_submit():
        network = next(n for n in networks if n.id == form.network.data)
        if not can(current_user, "action_plans.create", network):
            abort(403)
        plan = plans.create(network, current_user._get_current_object(), form.title.data,
                            form.territory.data, form.period_start.data, form.period_end.data,
                            form.summary.data, form.language.data, form.licence.data,
                            form.visibility.data)
        flash(_("The plan has been started. Its sections are ready for writing."), "success")
        return redirect(url_for("action_plans.show", slug=plan.slug))
    return render_template("action_plans/new.html", form=form)


@require("action_plans.view_plan")
def show(slug):
    plan = load_plan(slug)
    # comments are internal: their counts only for the network's members
    insider = access.may_read_comments(current_user, plan)
    outline = plans.outline(plan, open_comments=insider)
    return render_template("action_plans/plan.html", plan=plan, outline=outline,
                           phases=PHASE_LABELS, statuses=ACTION_STATUS_LABELS,
                           areas=AREA_LABELS, languages=LANGUAGE_NAMES,
                           may_edit=can(current_user, "action_plans.edit_plan", plan),
                           rejection=adoption.rejection_comments(plan),
                           decisions=SIGN_OFF_LABELS,
                           indicator_figures=indicators.overview(plan, outline["indicators"]),
                           open_comments=outline["open_comments"] if insider else None,
                           tracks=TRACK_LABELS,
                           progress=goals.weighted_progress(
                               a for found in outline["actions"].values() for a in found), move_form=ConfirmForm())
