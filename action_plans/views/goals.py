"""A plan's goals: their page (with comments), add (general or specific objective), edit
together, history, restore, move, delete."""
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_babel import gettext as _

from action_plans import AREA_LABELS
from action_plans.forms.goals import GoalForm, NewGoalForm
from action_plans.services import goals
from action_plans.services.records import GOAL
from action_plans.views import load_goal, load_plan, named, records
from action_plans.views.comment_area import comment_area
from lms.forms import ConfirmForm
from lms.permissions import can, require

# the history's field names: the form's labels
LABELS = {name: getattr(GoalForm, name).args[0] for name in GOAL.fields}


def _urls(plan, goal):
    args = {"slug": plan.slug, "goal_id": goal.id}
    return {"presence": url_for("action_plans.goal_presence", **args),
            "history": url_for("action_plans.goal_history", **args)}


def _back(plan, goal=None):
    return url_for("action_plans.show", slug=plan.slug,
                   _anchor=f"goal-{goal.id}" if goal else None)


@require("action_plans.edit_plan")
def add_goal(slug):
    plan = load_plan(slug)
    form = NewGoalForm(general=goals.general_goals(plan))
    if request.method == "GET":
        form.parent_id.data = request.args.get("parent", type=int)
    if form.validate_on_submit():
        parent = load_goal(plan, form.parent_id.data) if form.parent_id.data else None
        goal = goals.add(plan, records.me(), parent, form.values())
        flash(_("The goal has been added."), "success")
        return redirect(_back(plan, goal))
    return render_template("action_plans/form_page.html", plan=plan, form=form,
                           title=_("Add a goal"), button=_("Add the goal")), \
        400 if form.is_submitted() else 200


@require("action_plans.view_plan")
def show_goal(slug, goal_id):
    plan = load_plan(slug)
    return goal_page(plan, load_goal(plan, goal_id))


def goal_page(plan, goal, status=200, comments=None):
    """The goal on a page of its own, with its comments (`comments`: the area with a refused
    comment)."""
    return render_template(
        "action_plans/goal.html", plan=plan, goal=goal, areas=AREA_LABELS,
        may_edit=can(current_user, "action_plans.edit_plan", plan),
        comments=comments or comment_area(plan, "goal", goal)), status


@require("action_plans.edit_plan")
def edit_goal(slug, goal_id):
    saving = request.method == "POST"
    plan = load_plan(slug, for_update=saving)
    goal = load_goal(plan, goal_id, for_update=saving)
    form = GoalForm(obj=goal if not saving else None)
    return records.edit_page(
        plan, GOAL, goal, form, title=named(goal), urls=_urls(plan, goal),
        saved_message=_("The goal has been saved."), done_url=_back(plan, goal),
        values=lambda f: f.values())


@require("action_plans.edit_plan")
def goal_presence(slug, goal_id):
    plan = load_plan(slug)
    return records.presence(GOAL, load_goal(plan, goal_id))


@require("action_plans.view_plan")
def goal_history(slug, goal_id):
    plan = load_plan(slug)
    goal = load_goal(plan, goal_id)
    return records.history_page(
        plan, GOAL, goal, title=named(goal), labels=LABELS,
        shown={"thematic_area": lambda area: AREA_LABELS.get(area, area)},
        restore_url=lambda revision: url_for("action_plans.restore_goal", slug=plan.slug,
                                             goal_id=goal.id, revision_id=revision.id))


@require("action_plans.edit_plan")
def restore_goal(slug, goal_id, revision_id):
    plan = load_plan(slug, for_update=True)
    goal = load_goal(plan, goal_id, for_update=True)
    return records.restore(plan, GOAL, goal, revision_id, url_for(
        "action_plans.goal_history", slug=plan.slug, goal_id=goal.id))


@require("action_plans.edit_plan")
def move_goal(slug, goal_id, direction):
    plan = load_plan(slug, for_update=True)
    goal = load_goal(plan, goal_id)
    if ConfirmForm().validate_on_submit():
        goals.move(goal, direction)
    return redirect(_back(plan, goal))


@require("action_plans.edit_plan")
def delete_goal(slug, goal_id):
    plan = load_plan(slug, for_update=request.method == "POST")
    goal = load_goal(plan, goal_id)
    problem = goals.deletable(goal)
    form = ConfirmForm()
    if problem is None and form.validate_on_submit():
        goals.delete(goal)
        flash(_("The goal %(code)s has been deleted.", code=goal.code), "success")
        return redirect(_back(plan))
    return render_template(
        "action_plans/confirm_delete.html", plan=plan, form=form, problem=problem,
        title=_("Delete the goal %(name)s", name=named(goal)),
        back=_back(plan, goal)), 400 if form.is_submitted() else 200
