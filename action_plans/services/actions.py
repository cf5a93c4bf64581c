"""A plan's actions: adding and deleting them, their partners, milestones (with progress rolled
up from them), dependencies (never a cycle) and progress updates."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from action_plans.models import (Action, ActionPartner, Indicator, Milestone, ProgressUpdate,
                                 action_dependencies)
from action_plans.services import coediting, comments, text
from action_plans.services.records import ACTION
from lms.extensions import db
from lms.models import Organisation
from networks.models import Member
from networks.services import membership
from lms.security import audit


class RuleError(Exception):
    """A change the plan's rules do not allow; `message` says why, for the person."""

    def __init__(self, message):
        # the text, in the current language: a lazy message counts as HTML, and these name
        # what people typed (action codes)
        self.message = str(message)
        super().__init__(self.message)


def action_of(plan, action_id, for_update=False):
    statement = select(Action).where(Action.id == action_id, Action.plan_id == plan.id)
    if for_update:
        statement = statement.with_for_update()
    return db.session.scalar(statement)


def for_page(plan, action_id):
    """The action with all its page shows, in a fixed number of queries."""
    return db.session.scalar(
        select(Action).where(Action.id == action_id, Action.plan_id == plan.id).options(
            joinedload(Action.goal), joinedload(Action.lead_organisation),
            selectinload(Action.partners).joinedload(ActionPartner.organisation),
            selectinload(Action.milestones)))


def updates_of(action):
    """The action's progress updates, newest first, with their authors and organisations."""
    return db.session.scalars(
        select(ProgressUpdate).where(ProgressUpdate.action_id == action.id)
        .options(joinedload(ProgressUpdate.author), joinedload(ProgressUpdate.organisation))
        .order_by(ProgressUpdate.created_at.desc(), ProgressUpdate.id.desc())).all()


def plan_actions(plan, action=None):
    """(id, code, title, chosen) of every action of the plan, by code; `chosen`: whether
    `action` depends on it."""
    chosen = select(action_dependencies.c.depends_on_id).where(
        action_dependencies.c.action_id == (action.id if action else None),
        action_dependencies.c.depends_on_id == Action.id).exists()
    return db.session.execute(select(Action.id, Action.code, Action.title, chosen.label("chosen"))
                              .where(Action.plan_id == plan.id).order_by(Action.code)).all()


def member_organisations(network):
    """The choices for leads and partners: the network's member organisations."""
    return membership.member_organisations(network.id)


def organisation_choices(network):
    """(id, name) rows of the network's member organisations, by name: all a form's list of
    choices reads, without loading the organisations."""
    return db.session.execute(
        select(Organisation.id, Organisation.name)
        .join(Member, Member.organisation_id == Organisation.id)
        .where(Member.network_id == network.id).order_by(Organisation.name)).all()


def organisation_of(user, network):
    return membership.organisation_of(user, network.id)


def code_taken(plan, code, action_id=None):
    statement = select(Action.id).where(Action.plan_id == plan.id, Action.code == code)
    if action_id is not None:
        statement = statement.where(Action.id != action_id)
    return db.session.scalar(statement.limit(1)) is not None


def add(plan, goal, user, values):
    position = (db.session.scalar(select(func.max(Action.position))
                                  .where(Action.plan_id == plan.id)) or 0) + 1
    action = Action(plan_id=plan.id, goal_id=goal.id, position=position, **values)
    action.description_html = text.render(action.description)
    db.session.add(action)
    coediting.created(plan.id, ACTION, action, user)
    return action


def delete(action):
    audit("action_plan_record_deleted", record=f"action:{action.id}", code=action.code)
    comments.forget("action", [action.id])
    # its indicators go with it (ON DELETE CASCADE), and so do their comments
    comments.forget("indicator", db.session.scalars(
        select(Indicator.id).where(Indicator.action_id == action.id)))
    db.session.delete(action)
    db.session.flush()


def set_fields(plan, action, user, **changes):
    """A co-editing save of some fields on top of the current version: what others saved in
    the other fields stays."""
    values = dict(coediting.values_of(ACTION, action), **changes)
    return coediting.save(plan.id, ACTION, action, values, action.version, user)


def rolled_up(action):
    """The share of the action's milestones done, in percent (0 without milestones)."""
    if not action.milestones:
        return 0
    return round(100 * sum(1 for m in action.milestones if m.done) / len(action.milestones))


def _roll_up(plan, action, user):
    db.session.flush()
    db.session.refresh(action, ["milestones"])
    if action.progress_from == "milestones":
        set_fields(plan, action, user, progress=rolled_up(action))


# --- partners --------------------------------------------------------------------------------
def add_partner(action, organisation, role):
    found = db.session.get(ActionPartner, (action.id, organisation.id))
    if found is None:
        db.session.add(ActionPartner(action_id=action.id, organisation_id=organisation.id,
                                     role=role))
    else:
        found.role = role
    db.session.flush()


def remove_partner(action, organisation_id):
    found = db.session.get(ActionPartner, (action.id, organisation_id))
    if found is not None:
        db.session.delete(found)
        db.session.flush()
    return found


# --- milestones ------------------------------------------------------------------------------
def milestone_of(action, milestone_id):
    return db.session.scalar(select(Milestone).where(Milestone.id == milestone_id,
                                                     Milestone.action_id == action.id))


def add_milestone(plan, action, user, title, due_date):
    db.session.add(Milestone(action_id=action.id, title=title, due_date=due_date))
    _roll_up(plan, action, user)


def toggle_milestone(plan, action, milestone, user):
    milestone.done = not milestone.done
    _roll_up(plan, action, user)


def delete_milestone(plan, action, milestone, user):
    db.session.delete(milestone)
    _roll_up(plan, action, user)


# --- dependencies ----------------------------------------------------------------------------
def _reaches(edges, start, goal):
    """Whether `goal` can be reached from `start` following `edges` (id -> ids it depends on)."""
    seen, todo = set(), [start]
    while todo:
        current = todo.pop()
        if current == goal:
            return True
        if current not in seen:
            seen.add(current)
            todo.extend(edges.get(current, ()))
    return False


def set_dependencies(plan, action, chosen_ids):
    """The action now depends on `chosen_ids` (actions of the same plan); refused with
    RuleError when one is the action itself or already depends on it."""
    chosen = db.session.scalars(select(Action).where(Action.plan_id == plan.id,
                                                     Action.id.in_(chosen_ids))).all()
    edges = {}
    for source, target in db.session.execute(
            select(action_dependencies.c.action_id, action_dependencies.c.depends_on_id)
            .join(Action, Action.id == action_dependencies.c.action_id)
            .where(Action.plan_id == plan.id)):
        if source != action.id:
            edges.setdefault(source, []).append(target)
    for other in chosen:
        if other.id == action.id:
            raise RuleError(_l("An action cannot depend on itself."))
        if _reaches(edges, other.id, action.id):
            raise RuleError(_l("%(code)s already depends on this action (directly or through "
                               "other actions), so this action cannot depend on it.",
                               code=other.code))
    action.depends_on = sorted(chosen, key=lambda a: a.code)
    db.session.flush()


# --- progress updates ------------------------------------------------------------------------
def report_progress(plan, action, user, organisation, status, progress, done_text, blockers,
                    next_steps):
    """Record a progress update and set the action's status and progress to what it says
    (progress rolled up from milestones stays so)."""
    if action.progress_from == "milestones":
        progress = action.progress
    update = ProgressUpdate(action_id=action.id, author_id=user.id,
                            organisation_id=organisation.id if organisation else None,
                            status_before=action.status, progress_before=action.progress,
                            status_after=status, progress_after=progress, done_text=done_text,
                            blockers=blockers, next_steps=next_steps)
    db.session.add(update)
    set_fields(plan, action, user, status=status, progress=progress)
    return update
