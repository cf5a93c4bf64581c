"""What publishing an adopted plan as an open educational resource reads: the adopted version
in force, what stops its publication, and its frozen content arranged as pages."""
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from action_plans import ADOPTED_PHASES
from action_plans.models import Plan, PlanVersion, SignOff
from action_plans.services.adoption import APPROVALS
from lms.extensions import db
from lms.licences import licence as find_licence
from lms.models import Organisation


def adopted_version(plan):
    """The version in force: the newest one adopted and not replaced since, or None."""
    return db.session.scalar(select(PlanVersion).where(
        PlanVersion.plan_id == plan.id, PlanVersion.status == "adopted")
        .order_by(PlanVersion.number.desc()).limit(1))


def adopted_plans():
    """Plans in force (an adopted version, in implementation or later), by title."""
    return db.session.scalars(select(Plan).where(Plan.phase.in_(ADOPTED_PHASES))
                              .order_by(Plan.title, Plan.id)).all()


def missing(plan):
    """What stops the plan's publication, one translated sentence each."""
    version = adopted_version(plan)
    found = []
    if version is None or plan.phase not in ADOPTED_PHASES:
        found.append(_("The plan has no adopted version: it can be published once every "
                       "partner organisation has approved it."))
    if plan.visibility != "public":
        found.append(_("The plan is not public: choose “Everyone, once adopted” under who can "
                       "read it, on its adoption page."))
    fields = version.snapshot["plan"] if version is not None else {
        "licence": plan.licence, "summary": plan.summary}
    if find_licence(fields.get("licence")) is None:
        found.append(_("The plan has no open licence."))
    if not (fields.get("summary") or "").strip():
        found.append(_("The adopted version has no summary: write one and adopt a new "
                       "version."))
    return found


def signing_organisations(version):
    """The names of the organisations that approved the version, by name."""
    return db.session.scalars(
        select(Organisation.name).join(SignOff, SignOff.organisation_id == Organisation.id)
        .where(SignOff.version_id == version.id, SignOff.decision.in_(APPROVALS))
        .order_by(Organisation.name)).all()


def day(value):
    """A snapshot's ISO date as a date (None when empty)."""
    return date.fromisoformat(value[:10]) if value else None


def goal_pages(content):
    """[(general goal, [(goal, its actions)] for it and each specific objective)] from a
    version's snapshot."""
    goals = content.get("goals", [])
    known = {goal["id"] for goal in goals}
    children = {}
    for goal in goals:
        if goal.get("parent_id") in known:
            children.setdefault(goal["parent_id"], []).append(goal)
    actions = {}
    for action in content.get("actions", []):
        actions.setdefault(action["goal_id"], []).append(action)
    return [(general, [(goal, actions.get(goal["id"], []))
                       for goal in [general] + children.get(general["id"], [])])
            for general in goals if general.get("parent_id") not in known]
