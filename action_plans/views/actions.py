"""A plan's actions: their page, add, edit together, history, restore, delete, and on the page
the partners, milestones, dependencies and progress updates."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from action_plans import (ACTION_STATUS_LABELS, PARTNER_ROLE_LABELS, PRIORITY_LABELS,
                          PROGRESS_FROM_LABELS)
from action_plans.forms.actions import (PLAIN_FIELDS, ActionFields, ActionForm,
                                        DependenciesForm, MilestoneForm, NewActionForm,
                                        PartnerForm, ProgressUpdateForm)
from action_plans.services import actions
from action_plans.services.records import ACTION
from action_plans.views import (load_action, load_action_to_edit, load_goal, load_plan, named,
                                records)
from action_plans.views.comment_area import comment_area
from lms.forms import ConfirmForm
from lms.permissions import can, require

# the history's field names: the form's labels
LABELS = {name: getattr(ActionFields, name).args[0] for name in PLAIN_FIELDS}


def organisation_names(plan):
    return {o.id: o.name for o in actions.member_organisations(plan.network)}


def _say(words):
    """A stored value in words, for the history (the value itself when unknown)."""
    return lambda value: words.get(value, value)


def _page_url(plan, action, anchor=None):
    return url_for("action_plans.show_action", slug=plan.slug, action_id=action.id,
                   _anchor=anchor)


def _action_form(form_class, plan, action=None, **kwargs):
    return form_class(
        # an action's own code is its own (one code per plan): no query for it
        code_taken=lambda code: (action is None or code != action.code) and actions.code_taken(
            plan, code, action.id if action else None),
        period=(plan.period_start, plan.period_end),
        organisations=actions.organisation_choices(plan.network), **kwargs)


def _values(action):
    """The edit form's fields; progress rolled up from milestones when the action says so."""
    def values(form):
        found = form.values()
        if found["progress_from"] == "milestones":
            found["progress"] = actions.rolled_up(action)
        return found
    return values


@require("action_plans.edit_plan")
def add_action(slug, goal_id):
    plan = load_plan(slug)
    goal = load_goal(plan, goal_id)
    form = _action_form(NewActionForm, plan)
    if form.validate_on_submit():
        action = actions.add(plan, goal, records.me(), form.values())
        flash(_("The action has been added."), "success")
        return redirect(_page_url(plan, action))
    return render_template("action_plans/form_page.html", plan=plan, form=form,
                           title=_("Add an action to %(goal)s", goal=named(goal)),
                           button=_("Add the action")), 400 if form.is_submitted() else 200


@require("action_plans.view_plan")
def show_action(slug, action_id):
    plan = load_plan(slug)
    return action_page(plan, actions.for_page(plan, action_id))


def action_page(plan, action, status=200, **forms):
    """The action's page; `forms` are refused forms to show again (and `comments`, the
    comments area with a refused comment)."""
    if action is None:
        abort(404)
    forms.setdefault("comments", comment_area(plan, "action", action))
    may_edit = can(current_user, "action_plans.edit_action", action)
    others = [a for a in actions.plan_actions(plan, action) if a.id != action.id]
    if may_edit:
        present = {partner.organisation_id for partner in action.partners}
        forms.setdefault("partner_form", PartnerForm(formdata=None, organisations=[
            o for o in actions.member_organisations(plan.network) if o.id not in present]))
        forms.setdefault("milestone_form", MilestoneForm(formdata=None))
        forms.setdefault("dependencies_form", DependenciesForm(
            formdata=None, actions=others, depends_on=[a.id for a in others if a.chosen]))
        forms.setdefault("update_form", ProgressUpdateForm(
            formdata=None, status=action.status, progress=action.progress))
    return render_template(
        "action_plans/action.html", plan=plan, action=action, may_edit=may_edit,
        may_edit_plan=can(current_user, "action_plans.edit_plan", plan),
        updates=actions.updates_of(action), depends_on=[a for a in others if a.chosen],
        statuses=ACTION_STATUS_LABELS,
        priorities=PRIORITY_LABELS, progress_from=PROGRESS_FROM_LABELS,
        roles=PARTNER_ROLE_LABELS, button_form=ConfirmForm(), **forms), status


def _urls(plan, action):
    args = {"slug": plan.slug, "action_id": action.id}
    return {"presence": url_for("action_plans.action_presence", **args),
            "history": url_for("action_plans.action_history", **args)}


@require("action_plans.edit_action")
def edit_action(slug, action_id):
    saving = request.method == "POST"
    # the action's row is locked for a save (two saves of one version are never both taken as
    # current); the plan's is not: saves of different actions go on side by side, and wait
    # for each other only to grow the plan's generation at their commits
    plan = load_plan(slug)
    action = load_action_to_edit(plan, action_id, for_update=saving)
    form = _action_form(ActionForm, plan, action, obj=action if not saving else None)
    return records.edit_page(
        plan, ACTION, action, form, title=named(action),
        urls=_urls(plan, action), saved_message=_("The action has been saved."),
        done_url=_page_url(plan, action), values=_values(action))


@require("action_plans.edit_action")
def action_presence(slug, action_id):
    plan = load_plan(slug)
    return records.presence(ACTION, load_action_to_edit(plan, action_id, for_update=False))


@require("action_plans.view_plan")
def action_history(slug, action_id):
    plan = load_plan(slug)
    action = load_action(plan, action_id)
    return records.history_page(
        plan, ACTION, action, title=named(action), labels=LABELS,
        may_restore=can(current_user, "action_plans.edit_action", action),
        shown={"lead_organisation_id": _say(organisation_names(plan)),
               "status": _say(ACTION_STATUS_LABELS), "priority": _say(PRIORITY_LABELS),
               "progress_from": _say(PROGRESS_FROM_LABELS)},
        restore_url=lambda revision: url_for("action_plans.restore_action", slug=plan.slug,
                                             action_id=action.id, revision_id=revision.id))


@require("action_plans.edit_action")
def restore_action(slug, action_id, revision_id):
    plan = load_plan(slug, for_update=True)
    action = load_action_to_edit(plan, action_id)
    return records.restore(plan, ACTION, action, revision_id, url_for(
        "action_plans.action_history", slug=plan.slug, action_id=action.id))


@require("action_plans.edit_plan")
def delete_action(slug, action_id):
    plan = load_plan(slug, for_update=request.method == "POST")
    action = load_action(plan, action_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        actions.delete(action)
        flash(_("The action %(code)s has been deleted.", code=action.code), "success")
        return redirect(url_for("action_plans.show", slug=plan.slug))
    return render_template(
        "action_plans/confirm_delete.html", plan=plan, form=form, problem=None,
        title=_("Delete the action %(name)s", name=named(action)),
        back=_page_url(plan, action)), 400 if form.is_submitted() else 200


# --- on the action's page --------------------------------------------------------------------
def _refused(plan, action, **forms):
    """The action's page again with the refused form's errors and input."""
    return action_page(plan, actions.for_page(plan, action.id), 400, **forms)


@require("action_plans.edit_action")
def add_partner(slug, action_id):
    plan = load_plan(slug, for_update=True)
    action = load_action_to_edit(plan, action_id)
    form = PartnerForm(organisations=actions.member_organisations(plan.network))
    if not form.validate_on_submit():
        return _refused(plan, action, partner_form=form)
    organisation = next(o for o in actions.member_organisations(plan.network)
                        if o.id == form.organisation.data)
    actions.add_partner(action, organisation, form.role.data)
    flash(_("%(name)s is now a partner of this action.", name=organisation.name), "success")
    return redirect(_page_url(plan, action, "partners"))


@require("action_plans.edit_action")
def remove_partner(slug, action_id, organisation_id):
    plan = load_plan(slug, for_update=True)
    action = load_action_to_edit(plan, action_id)
    if ConfirmForm().validate_on_submit() and actions.remove_partner(action, organisation_id):
        flash(_("The partner has been removed."), "success")
    return redirect(_page_url(plan, action, "partners"))


@require("action_plans.edit_action")
def add_milestone(slug, action_id):
    plan = load_plan(slug, for_update=True)
    action = load_action_to_edit(plan, action_id)
    form = MilestoneForm(period=(plan.period_start, plan.period_end))
    if not form.validate_on_submit():
        return _refused(plan, action, milestone_form=form)
    actions.add_milestone(plan, action, records.me(), form.title.data, form.due_date.data)
    flash(_("The milestone has been added."), "success")
    return redirect(_page_url(plan, action, "milestones"))


@require("action_plans.edit_action")
def toggle_milestone(slug, action_id, milestone_id):
    plan = load_plan(slug, for_update=True)
    action = load_action_to_edit(plan, action_id)
    milestone = _milestone(action, milestone_id)
    if ConfirmForm().validate_on_submit():
        actions.toggle_milestone(plan, action, milestone, records.me())
    return redirect(_page_url(plan, action, "milestones"))


@require("action_plans.edit_action")
def delete_milestone(slug, action_id, milestone_id):
    plan = load_plan(slug, for_update=True)
    action = load_action_to_edit(plan, action_id)
    milestone = _milestone(action, milestone_id)
    if ConfirmForm().validate_on_submit():
        actions.delete_milestone(plan, action, milestone, records.me())
        flash(_("The milestone has been deleted."), "success")
    return redirect(_page_url(plan, action, "milestones"))


def _milestone(action, milestone_id):
    milestone = actions.milestone_of(action, milestone_id)
    if milestone is None:
        abort(404)
    return milestone


@require("action_plans.edit_action")
def set_dependencies(slug, action_id):
    plan = load_plan(slug, for_update=True)
    action = load_action_to_edit(plan, action_id)
    form = DependenciesForm(actions=actions.plan_actions(plan))
    if not form.validate_on_submit():
        return _refused(plan, action, dependencies_form=form)
    try:
        actions.set_dependencies(plan, action, form.depends_on.data or [])
    except actions.RuleError as refused:
        form.depends_on.errors = [refused.message]
        return _refused(plan, action, dependencies_form=form)
    flash(_("The dependencies have been saved."), "success")
    return redirect(_page_url(plan, action, "dependencies"))


@require("action_plans.edit_action")
def add_update(slug, action_id):
    plan = load_plan(slug, for_update=True)
    action = load_action_to_edit(plan, action_id)
    form = ProgressUpdateForm()
    if not form.validate_on_submit():
        return _refused(plan, action, update_form=form)
    me = records.me()
    actions.report_progress(plan, action, me, actions.organisation_of(me, plan.network),
                            form.status.data, form.progress.data, form.done_text.data,
                            form.blockers.data or "", form.next_steps.data or "")
    flash(_("Your progress update has been recorded."), "success")
    return redirect(_page_url(plan, action, "updates"))
