"""Pages of the action plans plugin, one module per area; the shared loaders here."""
from flask import abort, make_response, render_template, request
from flask_login import current_user

# aliased: a bare `plans`, `adoption`, `goals` or `actions` would hide the page modules so named
from action_plans.services import access as access_service
from action_plans.services import actions as action_service
from action_plans.services import adoption as adoption_service
from action_plans.services import goals as goal_service
from action_plans.services import plans as plan_service
from lms.permissions import can, require_object


def load_plan(slug, permission=None, for_update=False):
    """The plan at `slug` when the visitor holds the route's permission on it (or
    `permission`), else 404."""
    return require_object(plan_service.by_slug(slug, for_update, reader=current_user), permission)


# what a form sends besides what a person typed
NOT_TYPED = frozenset({"csrf_token", "version", "edit_id"})


def not_found(plan):
    """404; a save (a POST) to a record someone deleted meanwhile answers 410 with what the
    visitor typed in it, so that none of it is lost."""
    if request.method != "POST":
        abort(404)
    typed = [(name.replace("_", " ").capitalize(), value)
             for name, value in request.form.items(multi=True)
             if name not in NOT_TYPED and any(c.isalpha() for c in value)]
    abort(make_response(render_template("action_plans/gone.html", plan=plan, typed=typed), 410))


def load_section(plan, section_id, for_update=False):
    section = plan_service.section_of(plan, section_id, for_update)
    if section is None:
        not_found(plan)
    return section


def load_version(plan, number, for_update=False):
    """A version of the plan for whoever reads the plan: adopted ones, and for the network's
    members also the ones being signed or rejected; else 404."""
    version = adoption_service.version_of(plan, number, for_update)
    if version is None or (version.adopted_at is None
                           and not access_service.is_insider(current_user, plan)):
        abort(404)
    return version


def load_goal(plan, goal_id, for_update=False):
    goal = goal_service.goal_of(plan, goal_id, for_update)
    if goal is None:
        not_found(plan)
    return goal


def load_action(plan, action_id, for_update=False):
    action = action_service.action_of(plan, action_id, for_update)
    if action is None:
        not_found(plan)
    return action


def load_action_to_edit(plan, action_id, for_update=True):
    """The plan's action when the visitor may change it (`action_plans.edit_action` on the
    action itself): 403 for a member of the network who may not."""
    action = load_action(plan, action_id, for_update)
    if not can(current_user, "action_plans.edit_action", action):
        abort(403)
    return action


def named(record):
    """A goal's or action's code and title, as pages name it."""
    return f"{record.code} {record.title}"
