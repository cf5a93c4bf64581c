"""The list of plans, starting one, and a plan's page."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from action_plans import ACTION_STATUS_LABELS, AREA_LABELS, PHASE_LABELS, SIGN_OFF_LABELS
from action_plans.forms.plans import PlanForm, TemplateForm
from action_plans.indicator_terms import TRACK_LABELS
from action_plans.services import access, adoption, goals, indicators, origins, plans
from action_plans.views import fragments, load_plan
from lms import plan_templates
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
    form = PlanForm(networks=networks, templates=plan_templates.available(),
                    plans=plans.visible_plans(current_user))
    if form.validate_on_submit():
        network = next(n for n in networks if n.id == form.network.data)
        if not can(current_user, "action_plans.create", network):
            abort(403)
        template, source = _origin(form)
        if template is not None or source is not None or form.origin.data == "empty":
            plan = plans.create(network, current_user._get_current_object(), form.title.data,
                                form.territory.data, form.period_start.data,
                                form.period_end.data, form.summary.data, form.language.data,
                                form.licence.data, form.visibility.data,
                                standard_sections=source is None)
            user = current_user._get_current_object()
            if template is not None:
                origins.from_template(plan, template, user)
                flash(_("The plan has been started from the blueprint “%(title)s”: its steps "
                        "are planned actions now.", title=template.title), "success")
            elif source is not None:
                origins.copy_content(source, plan, user)
                flash(_("The plan has been started as a copy of “%(title)s”.",
                        title=source.title), "success")
            else:
                flash(_("The plan has been started. Its sections are ready for writing."),
                      "success")
            return redirect(url_for("action_plans.show", slug=plan.slug))
    return render_template("action_plans/new.html", form=form)


@require("action_plans.edit_plan")
def add_template(slug):
    plan = load_plan(slug)
    if not plan_templates.sources():
        abort(404)         # no plugin offers templates
    form = TemplateForm(templates=plan_templates.available(), goals=goals.all_goals(plan))
    if form.validate_on_submit():
        template = plan_templates.find(form.template.data)
        goal = goals.goal_of(plan, int(form.goal.data)) if form.goal.data else None
        if template is None:
            form.template.errors.append(_("This blueprint is not published (any more). Please "
                                          "choose one from the list."))
        elif form.goal.data and goal is None:
            form.goal.errors.append(_("Please choose a goal of this plan."))
        else:
            goal = origins.from_template(plan, template, current_user._get_current_object(),
                                         goal)
            flash(_("The steps of “%(title)s” have been added as planned actions.",
                    title=template.title), "success")
            return redirect(url_for("action_plans.show", slug=plan.slug,
                                    _anchor=f"goal-{goal.id}"))
    return render_template("action_plans/form_page.html", plan=plan, form=form,
                           title=_("Add the steps of a good-practice blueprint"),
                           button=_("Add the steps")), 400 if form.is_submitted() else 200


def _origin(form):
    """(template, plan to copy) the form chose, each None when not chosen; one that is gone or
    may not be read since the form listed it gets a message next to its field."""
    if form.origin.data == "template":
        template = plan_templates.find(form.template.data)
        if template is None:
            form.template.errors.append(_("This blueprint is not published (any more). Please "
                                          "choose one from the list."))
        return template, None
    if form.origin.data == "copy":
        source = plans.by_id(form.source_plan.data)
        if source is None or not can(current_user, "action_plans.view_plan", source):
            form.source_plan.errors.append(_("You cannot copy this plan: it does not exist or "
                                             "you may not read it. Please choose one from the "
                                             "list."))
            return None, None
        return None, source
    return None, None


@require("action_plans.view_plan")
def show(slug):
    plan = load_plan(slug)
    # comments are internal: their counts only for the network's members
    insider = access.may_read_comments(current_user, plan)
    may_edit = can(current_user, "action_plans.edit_plan", plan)
    may_add_template = bool(plan_templates.sources())

    def render_outline():
        outline = plans.outline(plan, open_comments=insider)
        return render_template(
            "action_plans/_plan_outline.html", plan=plan, outline=outline,
            statuses=ACTION_STATUS_LABELS, areas=AREA_LABELS, may_edit=may_edit,
            may_add_template=may_add_template,
            indicator_figures=indicators.overview(plan, outline["indicators"]),
            open_comments=outline["open_comments"] if insider else None, tracks=TRACK_LABELS,
            progress=goals.weighted_progress(
                a for found in outline["actions"].values() for a in found),
            move_form=fragments.TokenPlaceholder())

    outline_html = fragments.kept(plan, "outline", (may_edit, insider, may_add_template),
                                  render_outline)
    return render_template("action_plans/plan.html", plan=plan,
                           outline_html=fragments.with_token(outline_html, ConfirmForm),
                           phases=PHASE_LABELS, languages=LANGUAGE_NAMES, may_edit=may_edit,
                           rejection=adoption.rejection_comments(plan),
                           decisions=SIGN_OFF_LABELS)
