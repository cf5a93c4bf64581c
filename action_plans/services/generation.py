"""Each plan's generation: a number on the plan row that grows in the same transaction as every
write to the plan or to anything of it (sections, goals, actions and their partners, milestones,
dependencies and progress updates, indicators and measurements, comments, revisions, versions
and sign-offs). Pages keep what they render from a plan under its generation
(`views/fragments.py`), so any app process sees at once that what it kept is out of date.

One place does it: a listener after every flush of every session maps each new, changed or
deleted object of the plugin to its plan, and at the commit one statement adds one to those
plans' generations. Statements that pass by the session's objects (bulk `update`/`delete`)
call `bump_plan`.
"""
from flask import current_app, has_app_context
from sqlalchemy import event, inspect, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from action_plans.models import (Action, ActionPartner, Comment, CommentMention, Goal, Indicator,
                                 Measurement, Milestone, Plan, PlanVersion, Presence,
                                 ProgressUpdate, ReminderSent, Revision, Section, Signatory,
                                 SignOff)
from lms.extensions import db
from lms.models import Organisation

# model -> how its plan is found: ("plan", attribute holding the plan id) or (parent model,
# attribute holding the parent's id), the parent's row having `plan_id`
OWNERS = {
    Section: ("plan", "plan_id"), Goal: ("plan", "plan_id"), Action: ("plan", "plan_id"),
    Indicator: ("plan", "plan_id"), Comment: ("plan", "plan_id"),
    Revision: ("plan", "plan_id"), PlanVersion: ("plan", "plan_id"),
    Signatory: ("plan", "plan_id"),
    ActionPartner: (Action, "action_id"), Milestone: (Action, "action_id"),
    ProgressUpdate: (Action, "action_id"), Measurement: (Indicator, "indicator_id"),
    SignOff: (PlanVersion, "version_id"), CommentMention: (Comment, "comment_id"),
}
# the plugin's tables no plan page shows: who is editing a record now, reminders mailed
NOT_OF_A_PLAN = (Presence, ReminderSent)


def plans_touched(objects):
    """(plan ids, {parent model: parent ids}, every plan?) of these flushed objects."""
    plan_ids, parents, every_plan = set(), {}, False
    for obj in objects:
        model = type(obj)
        if model is Plan:
            if obj.id is not None:
                plan_ids.add(obj.id)
            continue
        if model is Organisation:
            # its name is on every page listing the actions it leads: rare, so every plan
            every_plan = every_plan or inspect(obj).attrs.name.history.has_changes() \
                or inspect(obj).deleted
            continue
        owner = OWNERS.get(model)
        if owner is None:
            continue
        parent, attribute = owner
        value = getattr(obj, attribute)
        if value is None:
            continue
        if parent == "plan":
            plan_ids.add(value)
        else:
            parents.setdefault(parent, set()).add(value)
    return plan_ids, parents, every_plan


def bump(connection, plan_ids=(), parents=None, every_plan=False):
    """One more to the generation of the plans `plan_ids` and of the plans of `parents`
    ({Action: ids, ...}); returns {plan id: its new generation}."""
    conditions = []
    if plan_ids:
        conditions.append(Plan.id.in_(sorted(plan_ids)))
    for parent, ids in (parents or {}).items():
        conditions.append(Plan.id.in_(select(parent.plan_id)
                                      .where(parent.id.in_(sorted(ids))).scalar_subquery()))
    if not conditions and not every_plan:
        return {}
    statement = update(Plan).values(generation=Plan.generation + 1)
    if not every_plan:
        statement = statement.where(or_(*conditions))
    return dict(connection.execute(statement.returning(Plan.id, Plan.generation)).all())


def bump_plan(plan):
    """After a bulk statement on `plan`'s records (one the session's objects do not show)."""
    _remember(db.session, bump(db.session.connection(), {plan.id}))


def _remember(session, generations):
    """The plans this session holds learn their new generation without a query."""
    for plan_id, generation in generations.items():
        plan = session.identity_map.get(inspect(Plan).identity_key_from_primary_key((plan_id,)))
        if plan is not None:
            set_committed_value(plan, "generation", generation)


def _enabled():
    """The listeners are the process's, the plugin an app's: another app of the process (a
    test's, a tool's) may run without the plugin and its tables."""
    return has_app_context() and "action_plans" in current_app.extensions.get("lms_plugins", ())


def _after_flush(session, _context):
    """Note the plans this flush wrote to; they are bumped at the commit."""
    if not _enabled():
        return
    plan_ids, parents, every_plan = plans_touched(
        [*session.new, *session.dirty, *session.deleted])
    _resolve_from_identity_map(session, plan_ids, parents)
    if (plan_ids or parents or every_plan) and session.info.get(COMMITTING):
        # a flush of the commit itself, after `_before_commit`: bumped at once
        _remember(session, bump(session.connection(), plan_ids, parents, every_plan))
    elif plan_ids or parents or every_plan:
        pending = session.info.setdefault(PENDING, {"plans": set(), "parents": {},
                                                    "every": False})
        pending["plans"] |= plan_ids
        for parent, ids in parents.items():
            pending["parents"].setdefault(parent, set()).update(ids)
        pending["every"] = pending["every"] or every_plan


def _before_commit(session):
    """One bump per plan and transaction, as late as can be: the plan's row stays locked from
    the bump to the end of the commit, and saves to one plan wait for each other only then."""
    if not _enabled():
        return
    session.flush()                   # what the commit would flush is noted too
    session.info[COMMITTING] = True
    pending = session.info.pop(PENDING, None)
    if pending is not None:
        _remember(session, bump(session.connection(), pending["plans"], pending["parents"],
                                pending["every"]))


def _resolve_from_identity_map(session, plan_ids, parents):
    """Parents the session holds name their plan without the subquery."""
    for parent, ids in list(parents.items()):
        for parent_id in list(ids):
            found = session.identity_map.get(
                inspect(parent).identity_key_from_primary_key((parent_id,)))
            plan_id = found is not None and inspect(found).dict.get("plan_id")
            if plan_id:
                plan_ids.add(plan_id)
                ids.discard(parent_id)
        if not ids:
            del parents[parent]


def _transaction_ended(session, transaction):
    # committed (bumped) or rolled back (nothing stays): nothing left to bump; a savepoint's
    # end keeps what the transaction noted, at worst bumping a plan that needed none
    if transaction.parent is None:
        session.info.pop(PENDING, None)
    if transaction.parent is None or transaction.nested:
        session.info.pop(COMMITTING, None)


PENDING = "action_plans_generations_pending"
COMMITTING = "action_plans_generations_committing"
_LISTENING = []


def listen():
    """From now on, every session of this process keeps the generations (once a process)."""
    if not _LISTENING:
        event.listen(Session, "after_flush", _after_flush)
        event.listen(Session, "before_commit", _before_commit)
        event.listen(Session, "after_transaction_end", _transaction_ended)
        _LISTENING.append(True)
