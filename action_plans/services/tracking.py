"""How a plan is going, for its dashboard and its timeline: actions by status, weighted
progress, overdue actions, milestones due soon, indicators on and off track; the actions
grouped by goal with their milestones. Each in a fixed number of queries, whatever the plan's
size."""
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import contains_eager, joinedload

from action_plans import ACTION_STATUS_LABELS
from action_plans.models import Action, Goal, Indicator, Milestone
from action_plans.services import goals as goal_service
from action_plans.services import indicators as indicator_service
from lms.extensions import db

FINISHED = ("done", "cancelled")
SOON = timedelta(days=30)


@dataclass(frozen=True)
class IndicatorFigure:
    indicator: Indicator
    value: float | None      # the latest approved measurement
    measured_on: date | None
    track: str               # on_track, off_track, no_data


@dataclass(frozen=True)
class Dashboard:
    counts: dict             # status -> number of actions, in the statuses' order
    total: int
    progress: int | None     # weighted, in percent; None without actions that count
    overdue: list            # actions past their planned end, neither done nor cancelled
    milestones: list         # milestones not done, due from today to SOON later
    indicators: list         # IndicatorFigure per indicator, by code

    def on(self, track):
        return [figure for figure in self.indicators if figure.track == track]


def dashboard(plan, today):
    """The plan's figures on `today`, in five queries."""
    # status, weight and progress of every action: plain rows, weighed by the plan page's rule
    actions = db.session.execute(select(Action.status, Action.weight, Action.progress)
                                 .where(Action.plan_id == plan.id)).all()
    counts = dict.fromkeys(ACTION_STATUS_LABELS, 0)
    for action in actions:
        counts[action.status] = counts.get(action.status, 0) + 1
    overdue = db.session.scalars(
        select(Action).where(Action.plan_id == plan.id, Action.planned_end < today,
                             Action.status.not_in(FINISHED))
        .options(joinedload(Action.lead_organisation))
        .order_by(Action.planned_end, Action.code)).all()
    milestones = db.session.scalars(
        select(Milestone).join(Milestone.action).options(contains_eager(Milestone.action))
        .where(Action.plan_id == plan.id, Milestone.done.is_(False),
               Milestone.due_date >= today, Milestone.due_date <= today + SOON)
        .order_by(Milestone.due_date, Action.code, Milestone.id)).all()
    indicators = db.session.scalars(select(Indicator).where(Indicator.plan_id == plan.id)
                                    .order_by(Indicator.code)).all()
    figures = indicator_service.overview(plan, indicators)
    return Dashboard(
        counts=counts, total=len(actions),
        progress=goal_service.weighted_progress(actions),
        overdue=overdue,
        milestones=milestones,
        indicators=[IndicatorFigure(indicator, *figures[indicator.id])
                    for indicator in indicators])


@dataclass(frozen=True)
class GoalActions:
    goal: Goal
    actions: list            # (action, its milestones by due date), as rows of their columns


def timeline(plan):
    """[GoalActions] in the plan's order (each general goal, then its specific objectives),
    only goals with actions; in three queries."""
    goals = db.session.scalars(select(Goal).where(Goal.plan_id == plan.id)
                               .order_by(Goal.position, Goal.id)).all()
    # plain rows: a timeline reads a few columns of hundreds of actions and milestones
    actions = db.session.execute(
        select(Action.id, Action.goal_id, Action.code, Action.title, Action.status,
               Action.planned_start, Action.planned_end, Action.actual_start, Action.actual_end)
        .where(Action.plan_id == plan.id).order_by(Action.position, Action.id)).all()
    milestones = {}
    for milestone in db.session.execute(
            select(Milestone.action_id, Milestone.title, Milestone.due_date, Milestone.done)
            .join(Milestone.action).where(Action.plan_id == plan.id)
            .order_by(Milestone.due_date, Milestone.id)):
        milestones.setdefault(milestone.action_id, []).append(milestone)
    by_goal, children = {}, {}
    for action in actions:
        by_goal.setdefault(action.goal_id, []).append((action, milestones.get(action.id, [])))
    for goal in goals:
        children.setdefault(goal.parent_id, []).append(goal)
    ordered = []
    for general in children.get(None, []):
        ordered += [general] + children.get(general.id, [])
    return [GoalActions(goal, by_goal[goal.id]) for goal in ordered if goal.id in by_goal]
