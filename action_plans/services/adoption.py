"""Adopting a plan: its phases before adoption, the frozen numbered version every partner
organisation signs, who may sign for an organisation, and comparing versions.

A version's snapshot is plain JSON of the plan as it was (dates as ISO text, money as text);
its content hash is the SHA-256 of the snapshot's canonical JSON (sorted keys, no whitespace),
so the same plan always gives the same hash. Pages of a version read the snapshot only.
"""
import hashlib
import json
from datetime import date, datetime
from decimal import Decimal

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import joinedload, selectinload

from action_plans.models import (Action, ActionPartner, Goal, Indicator, PlanVersion, Section,
                                 SignOff, Signatory)
from action_plans.services import generation
from action_plans.services.merging import diff_words
from lms import mail
from lms.extensions import db
from lms.models import Membership, Organisation, User
from lms.security import audit
from lms.timeutil import utcnow
from networks.models import Member, Person
from networks.services.mailing import coordinators

OPEN_PHASES = ("drafting", "consultation")     # editors move a plan between these
APPROVALS = ("approved", "approved_with_reservations")
PLAN_FIELDS = ("title", "territory", "period_start", "period_end", "summary", "language",
               "licence")
# columns that say when or by whom, not what the plan says: left out so the hash is stable
NOT_CONTENT = frozenset({"plan_id", "version", "updated_at", "updated_by_id", "created_at"})


# --- the snapshot ---------------------------------------------------------------------------
def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _fields(record):
    return {column.key: _plain(getattr(record, column.key))
            for column in record.__mapper__.column_attrs if column.key not in NOT_CONTENT}


def snapshot(plan):
    """The plan's content as plain JSON: fields, sections, goals, actions (with partners,
    milestones and dependencies) and indicators."""
    sections = db.session.scalars(select(Section).where(Section.plan_id == plan.id)
                                  .order_by(Section.position, Section.id)).all()
    goals = db.session.scalars(select(Goal).where(Goal.plan_id == plan.id)
                               .order_by(Goal.position, Goal.id)).all()
    actions = db.session.scalars(
        select(Action).where(Action.plan_id == plan.id)
        .options(selectinload(Action.lead_organisation),
                 selectinload(Action.partners).selectinload(ActionPartner.organisation),
                 selectinload(Action.milestones),
                 selectinload(Action.depends_on))
        .order_by(Action.position, Action.id)).all()
    indicators = db.session.scalars(select(Indicator).where(Indicator.plan_id == plan.id)
                                    .order_by(Indicator.code, Indicator.id)).all()
    return {
        "plan": {name: _plain(getattr(plan, name)) for name in PLAN_FIELDS},
        "sections": [_fields(section) for section in sections],
        "goals": [_fields(goal) for goal in goals],
        "actions": [dict(_fields(action),
                         lead_organisation=action.lead_organisation.name
                         if action.lead_organisation else "",
                         partners=sorted(({"organisation_id": p.organisation_id, "role": p.role,
                                           "organisation": p.organisation.name}
                                          for p in action.partners),
                                         key=lambda p: p["organisation_id"]),
                         milestones=[_fields(m) for m in action.milestones],
                         depends_on=sorted(other.id for other in action.depends_on))
                    for action in actions],
        "indicators": [_fields(indicator) for indicator in indicators],
    }


def content_hash(content):
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- finding versions -----------------------------------------------------------------------
def versions(plan, adopted_only=False):
    statement = select(PlanVersion).where(PlanVersion.plan_id == plan.id)
    if adopted_only:
        statement = statement.where(PlanVersion.adopted_at.is_not(None))
    return db.session.scalars(statement.order_by(PlanVersion.number.desc())).all()


def version_of(plan, number, for_update=False):
    statement = select(PlanVersion).where(PlanVersion.plan_id == plan.id,
                                          PlanVersion.number == number)
    if for_update:
        statement = statement.with_for_update()
    return db.session.scalar(statement)


def latest(plan):
    return db.session.scalar(select(PlanVersion).where(PlanVersion.plan_id == plan.id)
                             .order_by(PlanVersion.number.desc()).limit(1))


def sign_offs(version):
    """The partners' decisions with their organisations, by organisation name."""
    return db.session.scalars(
        select(SignOff).where(SignOff.version_id == version.id)
        .options(selectinload(SignOff.organisation), selectinload(SignOff.decided_by))
        .join(Organisation, Organisation.id == SignOff.organisation_id)
        .order_by(Organisation.name)).all()


# --- who signs ------------------------------------------------------------------------------
def _admin_of(user):
    return select(Membership.organisation_id).where(
        Membership.user_id == user.id, Membership.role == "admin", Membership.status == "active")


def signable_organisations(user, plan):
    """The member organisations of the plan's network `user` may sign for: those whose active
    admin they are, and those that named them the plan's signatory."""
    if not getattr(user, "is_authenticated", False):
        return []
    named = select(Signatory.organisation_id).where(Signatory.plan_id == plan.id,
                                                    Signatory.user_id == user.id)
    return db.session.scalars(
        select(Organisation).join(Member, Member.organisation_id == Organisation.id)
        .where(Member.network_id == plan.network_id,
               or_(Organisation.id.in_(_admin_of(user)), Organisation.id.in_(named)))
        .order_by(Organisation.name)).all()


def administered_organisations(user, plan):
    """The member organisations of the plan's network `user` is an active admin of."""
    if not getattr(user, "is_authenticated", False):
        return []
    return db.session.scalars(
        select(Organisation).join(Member, Member.organisation_id == Organisation.id)
        .where(Member.network_id == plan.network_id, Organisation.id.in_(_admin_of(user)))
        .order_by(Organisation.name)).all()


def people_of(plan, organisations):
    """(organisation id, user) of the network's people acting for `organisations`."""
    if not organisations:
        return []
    return db.session.execute(
        select(Member.organisation_id, User).join(Person, Person.member_id == Member.id)
        .join(User, User.id == Person.user_id)
        .where(Member.network_id == plan.network_id,
               Member.organisation_id.in_([o.id for o in organisations]))
        .order_by(User.display_name)).all()


def signatories(plan):
    """{organisation id: named signatory (User)} of the plan."""
    return {row.organisation_id: row.user for row in db.session.scalars(
        select(Signatory).where(Signatory.plan_id == plan.id)
        .options(selectinload(Signatory.user)))}


def name_signatory(plan, organisation, user, by):
    """Names `user` (a person of `organisation` in the network) to sign the plan for it."""
    found = db.session.get(Signatory, (plan.id, organisation.id))
    if found is None:
        db.session.add(Signatory(plan_id=plan.id, organisation_id=organisation.id,
                                 user_id=user.id))
    else:
        found.user_id = user.id
    db.session.flush()
    audit("action_plan_signatory_named", plan=plan.slug, organisation=organisation.slug,
          signatory=user.email, actor=by)


def _signers(plan, organisation_id):
    admins = db.session.scalars(select(User).join(Membership, Membership.user_id == User.id).where(
        Membership.organisation_id == organisation_id, Membership.role == "admin",
        Membership.status == "active")).all()
    named = db.session.scalar(select(User).join(Signatory, Signatory.user_id == User.id).where(
        Signatory.plan_id == plan.id, Signatory.organisation_id == organisation_id))
    return list({user.id: user for user in [*admins, *([named] if named else [])]}.values())


# --- phases and decisions -------------------------------------------------------------------
def set_phase(plan, phase, user):
    """Drafting <-> consultation; False when the plan is in neither (or `phase` is neither)."""
    if plan.phase not in OPEN_PHASES or phase not in OPEN_PHASES:
        return False
    if plan.phase != phase:
        audit("action_plan_phase_changed", plan=plan.slug, before=plan.phase, after=phase,
              actor=user)
        plan.phase = phase
        plan.updated_at = utcnow()
    return True


def start(plan, user):
    """Freezes the plan as its next numbered version, to be signed by every member organisation
    of its network; None when the plan is not in drafting or consultation."""
    if plan.phase not in OPEN_PHASES:
        return None
    version, partners = _freeze(plan, user)
    link = url_for("action_plans.sign", slug=plan.slug, number=version.number, _external=True)
    for organisation_id in partners:
        _notify(_signers(plan, organisation_id), _l("Please sign %(plan)s", plan=plan.title),
                _l("Version %(number)s of the action plan “%(plan)s” is ready for adoption. "
                   "Please approve it, approve it with reservations, or reject it for your "
                   "organisation.", number=version.number, plan=plan.title), link)
    return version


def _freeze(plan, user):
    content = snapshot(plan)
    number = (db.session.scalar(select(func.max(PlanVersion.number))
                                .where(PlanVersion.plan_id == plan.id)) or 0) + 1
    version = PlanVersion(plan_id=plan.id, number=number, snapshot=content,
                          content_hash=content_hash(content), created_by_id=user.id)
    db.session.add(version)
    db.session.flush()
    partners = db.session.scalars(select(Member.organisation_id)
                                  .where(Member.network_id == plan.network_id)).all()
    for organisation_id in partners:
        db.session.add(SignOff(version_id=version.id, organisation_id=organisation_id))
    plan.phase = "adoption"
    plan.updated_at = utcnow()
    db.session.flush()
    audit("action_plan_adoption_started", plan=plan.slug, version=number,
          content_hash=version.content_hash, actor=user)
    return version, partners


def decide(plan, version, organisation, user, decision, comment):
    """Records `organisation`'s decision on `version`. Returns "decided", "adopted",
    "rejected", "already" (the organisation has decided) or "closed" (not being signed)."""
    if version.status != "signing" or plan.phase != "adoption":
        return "closed"
    stored = db.session.execute(
        update(SignOff).where(SignOff.version_id == version.id,
                              SignOff.organisation_id == organisation.id,
                              SignOff.decision == "pending")
        .values(decision=decision, comment=comment, decided_by_id=user.id,
                decided_at=utcnow()).execution_options(synchronize_session=False))
    if stored.rowcount != 1:
        return "already"
    generation.bump_plan(plan)     # the statement passed by the session's objects
    audit("action_plan_signed", plan=plan.slug, version=version.number,
          organisation=organisation.slug, decision=decision, actor=user)
    decisions = db.session.scalars(select(SignOff.decision)
                                   .where(SignOff.version_id == version.id)).all()
    link = url_for("action_plans.show_version", slug=plan.slug, number=version.number,
                   _external=True)
    if decision == "rejected":
        version.status = "rejected"
        plan.phase = "drafting"
        audit("action_plan_rejected", plan=plan.slug, version=version.number, actor=user)
        _notify(coordinators(plan.network), _l("%(plan)s was not adopted", plan=plan.title),
                _l("%(organisation)s rejected version %(number)s of the action plan “%(plan)s”. "
                   "The plan is back in drafting.", organisation=organisation.name,
                   number=version.number, plan=plan.title), link, comment)
        return "rejected"
    if all(found in APPROVALS for found in decisions):
        db.session.execute(update(PlanVersion).where(PlanVersion.plan_id == plan.id,
                                                     PlanVersion.status == "adopted")
                           .values(status="superseded").execution_options(
                               synchronize_session=False))
        version.status, version.adopted_at = "adopted", utcnow()
        plan.phase = "implementation"
        audit("action_plan_adopted", plan=plan.slug, version=version.number,
              content_hash=version.content_hash, actor=user)
        _notify(coordinators(plan.network), _l("%(plan)s is adopted", plan=plan.title),
                _l("Every partner has approved version %(number)s of the action plan "
                   "“%(plan)s”: it is adopted and in implementation.",
                   number=version.number, plan=plan.title), link)
        return "adopted"
    return "decided"


def adopt_for_demo(plan, user):
    """The demo's adopted version: frozen and approved by every partner at once (no mail)."""
    version, _partners = _freeze(plan, user)
    for sign_off in version.sign_offs:
        sign_off.decision, sign_off.decided_at = "approved", utcnow()
    version.status, version.adopted_at = "adopted", utcnow()
    plan.phase = "implementation"
    return version


def _notify(users, subject, text, link, message=""):
    for user in users:
        mail.send(mail.compose(user.email, subject, "action_plans_adoption", user.locale,
                               name=user.display_name, text=text, link=link, message=message))


# --- comparing ------------------------------------------------------------------------------
def compare(older, newer):
    """Section by section and goal/action by goal/action, what changed from version `older`
    to `newer` (word diffs of section titles and texts, and of goal and action titles), and
    the goals and actions added or removed."""
    def by_id(content, part):
        return {record["id"]: record for record in content.get(part, [])}

    result = {"sections": [], "goals": {}, "actions": {}}
    old_sections, new_sections = by_id(older.snapshot, "sections"), by_id(newer.snapshot,
                                                                          "sections")
    for key in [*new_sections, *(k for k in old_sections if k not in new_sections)]:
        old, new = old_sections.get(key, {}), new_sections.get(key, {})
        result["sections"].append({
            "state": "added" if not old else "removed" if not new else "kept",
            "title": diff_words(old.get("title", ""), new.get("title", "")),
            "body": diff_words(old.get("body", ""), new.get("body", "")),
            "changed": old.get("title") != new.get("title") or old.get("body") != new.get("body"),
        })
    for part in ("goals", "actions"):
        old_records, new_records = by_id(older.snapshot, part), by_id(newer.snapshot, part)
        result[part] = {
            "added": [r for k, r in new_records.items() if k not in old_records],
            "removed": [r for k, r in old_records.items() if k not in new_records],
            "changed": [{"code": new_records[k]["code"],
                         "title": diff_words(old_records[k]["title"], new_records[k]["title"])}
                        for k in new_records if k in old_records
                        and (old_records[k]["title"], old_records[k]["code"])
                        != (new_records[k]["title"], new_records[k]["code"])],
        }
    return result


def rejection_comments(plan):
    """The partners' comments on the plan's latest version when it was rejected (the plan is
    back in drafting), in one query: [] otherwise."""
    if plan.phase != "drafting":
        return []
    newest = select(func.max(PlanVersion.number)).where(PlanVersion.plan_id == plan.id)
    return db.session.scalars(
        select(SignOff).join(PlanVersion, PlanVersion.id == SignOff.version_id)
        .where(PlanVersion.plan_id == plan.id, PlanVersion.status == "rejected",
               PlanVersion.number == newest.scalar_subquery(), SignOff.comment != "")
        .options(joinedload(SignOff.organisation), joinedload(SignOff.version))
        .order_by(SignOff.decided_at)).all()
