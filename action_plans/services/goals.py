"""A plan's goals: general objectives and the specific objectives under them; adding, moving,
deleting (only an empty goal), and the one query behind the plan's weighted progress."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from action_plans.models import Action, Goal, Indicator
from action_plans.services import coediting, comments, text
from action_plans.services.records import GOAL
from lms.extensions import db
from lms.security import audit


def goal_of(plan, goal_id, for_update=False):
    statement = select(Goal).where(Goal.id == goal_id, Goal.plan_id == plan.id)
    if for_update:
        statement = statement.with_for_update()
    return db.session.scalar(statement)


def general_goals(plan):
    return db.session.scalars(select(Goal).where(Goal.plan_id == plan.id,
                                                 Goal.parent_id.is_(None))
                              .order_by(Goal.position, Goal.id)).all()


def all_goals(plan):
    """General goals each followed by its specific objectives."""
    found = db.session.scalars(select(Goal).where(Goal.plan_id == plan.id)
                               .order_by(Goal.position, Goal.id)).all()
    children = {}
    for goal in found:
        children.setdefault(goal.parent_id, []).append(goal)
    return [goal for general in children.get(None, [])
            for goal in [general] + children.get(general.id, [])]


def _siblings(goal):
    return db.session.scalars(select(Goal).where(
        Goal.plan_id == goal.plan_id,
        Goal.parent_id.is_(None) if goal.parent_id is None else Goal.parent_id == goal.parent_id)
        .order_by(Goal.position, Goal.id)).all()


def add(plan, user, parent, values):
    """A new goal (under `parent` when given) after its siblings; `values` holds GOAL's fields."""
    position = (db.session.scalar(select(func.max(Goal.position)).where(
        Goal.plan_id == plan.id,
        Goal.parent_id.is_(None) if parent is None else Goal.parent_id == parent.id)) or 0) + 1
    goal = Goal(plan_id=plan.id, parent_id=parent.id if parent else None, position=position,
                **values)
    goal.description_html = text.render(goal.description)
    db.session.add(goal)
    coediting.created(plan.id, GOAL, goal, user)
    return goal


def move(goal, direction):
    """Swap the goal with its neighbour among its siblings ("up" or "down")."""
    siblings = _siblings(goal)
    index = siblings.index(goal)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
        for position, sibling in enumerate(siblings):
            sibling.position = position
        db.session.flush()


CANNOT_DELETE = _l("This goal still has actions, specific objectives or indicators. Move or "
                   "delete them first.")


def deletable(goal):
    """None when the goal may go, else why not."""
    children = select(Goal.id).where(Goal.parent_id == goal.id)
    busy = db.session.scalar(select(
        select(Action.id).where(Action.goal_id == goal.id).exists()
        | children.exists()
        | select(Indicator.id).where(Indicator.goal_id == goal.id).exists()))
    return CANNOT_DELETE if busy else None


def delete(goal):
    audit("action_plan_record_deleted", record=f"goal:{goal.id}", code=goal.code)
    comments.forget("goal", [goal.id])
    db.session.delete(goal)
    db.session.flush()


def weighted_progress(actions):
    """sum(progress × weight) / sum(weight) over the actions that are not cancelled, in
    percent (None when there are none); from the actions a page has loaded already."""
    counted = [action for action in actions if action.status != "cancelled"]
    weights = sum(action.weight for action in counted)
    if not weights:
        return None
    return round(sum(action.progress * action.weight for action in counted) / weights)
