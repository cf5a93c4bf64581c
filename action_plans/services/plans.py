"""Starting plans, finding them, and their narrative sections."""
from datetime import date

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import joinedload, selectinload

from action_plans import ADOPTED_PHASES, STANDARD_SECTIONS
from action_plans.models import Action, Goal, Indicator, Plan, Section
from action_plans.services import coediting, comments
from action_plans.services.records import SECTION
from lms import slugs
from lms.converters import id_from
from lms.extensions import db
from lms.security import audit
from lms.timeutil import utcnow
from networks.models import Network, Person
from networks.services import access as network_access
from networks.services.access import is_admin

RESERVED_SLUGS = frozenset({"new"})


def by_slug(slug, for_update=False, reader=None):
    """The plan at `slug` with its network (every page and policy asks for it); with `reader`,
    their role in the network is read by the same query and remembered for the request's
    policies (`networks.services.access`)."""
    statement = select(Plan).where(Plan.slug == slug)
    if for_update:
        # locked alone: PostgreSQL refuses FOR UPDATE on the nullable side of an outer join
        statement = statement.with_for_update(of=Plan).options(joinedload(Plan.network,
                                                                          innerjoin=True))
    else:
        statement = statement.options(joinedload(Plan.network, innerjoin=True))
    if reader is None or not getattr(reader, "is_authenticated", False):
        return db.session.scalar(statement)
    row = db.session.execute(
        statement.add_columns(Person.role, Person.member_id)
        .outerjoin(Person, and_(Person.network_id == Plan.network_id,
                                Person.user_id == reader.id))).first()
    if row is None:
        return None
    plan, role, member_id = row
    network_access.remember_standing(reader, plan.network_id, role, member_id)
    return plan


def by_id(plan_id):
    """The plan with this id (text from a form: read without overflow), or None."""
    found = id_from(plan_id)
    if found is None:
        return None
    return db.session.scalar(select(Plan).where(Plan.id == found)
                             .options(joinedload(Plan.network, innerjoin=True)))


def section_of(plan, section_id, for_update=False):
    statement = select(Section).where(Section.id == section_id, Section.plan_id == plan.id)
    if for_update:
        statement = statement.with_for_update()
    return db.session.scalar(statement)


def visible_plans(user):
    """The plans `user` may open (their networks' plans, and adopted public ones; site admins
    every plan), newest first."""
    statement = select(Plan).options(selectinload(Plan.network)).order_by(
        Plan.updated_at.desc(), Plan.id.desc())
    if not is_admin(user):
        shown = and_(Plan.visibility == "public", Plan.phase.in_(ADOPTED_PHASES))
        if getattr(user, "is_authenticated", False):
            shown = or_(shown, Plan.network_id.in_(
                select(Person.network_id).where(Person.user_id == user.id)))
        statement = statement.where(shown)
    return db.session.scalars(statement).all()


def networks_for_new_plans(user):
    """The networks where `user` may start a plan (coordinator or editor; site admins any)."""
    if not getattr(user, "is_authenticated", False):
        return []
    if is_admin(user):
        return db.session.scalars(select(Network).order_by(Network.name)).all()
    return db.session.scalars(
        select(Network).join(Person, Person.network_id == Network.id)
        .where(Person.user_id == user.id, Person.role.in_(("coordinator", "editor")))
        .order_by(Network.name)).all()


def create(network, user, title, territory, period_start: date, period_end: date, summary,
           language, licence, visibility="network", standard_sections=True):
    """A plan in drafting; with `standard_sections`, its four narrative sections (a copy brings
    its own)."""
    plan = Plan(network=network, title=title,
                slug=slugs.unique_slug(Plan, title, fallback="plan", reserved=RESERVED_SLUGS),
                territory=territory, period_start=period_start, period_end=period_end,
                summary=summary, language=language, licence=licence, visibility=visibility,
                created_by_id=user.id)
    db.session.add(plan)
    db.session.flush()
    for position, (key, title_label) in enumerate(
            STANDARD_SECTIONS.items() if standard_sections else ()):
        section = Section(plan=plan, position=position, key=key, title=str(title_label),
                          updated_by_id=user.id)
        db.session.add(section)
        coediting.created(plan.id, SECTION, section, user)
    audit("action_plan_created", plan=plan.slug, network=network.slug)
    return plan


def set_visibility(plan, visibility, user):
    """"network" or "public" (read by everyone once adopted)."""
    if plan.visibility != visibility:
        audit("action_plan_visibility_changed", plan=plan.slug, before=plan.visibility,
              after=visibility, actor=user)
        plan.visibility = visibility
        plan.updated_at = utcnow()


def add_section(plan, user, title):
    position = (db.session.scalar(select(func.max(Section.position))
                                  .where(Section.plan_id == plan.id)) or 0) + 1
    section = Section(plan=plan, position=position, title=title, updated_by_id=user.id)
    db.session.add(section)
    coediting.created(plan.id, SECTION, section, user)
    return section


def outline(plan, open_comments=False):
    """The plan page's content in a fixed number of queries: sections, goals (general ones with
    their specific objectives), actions per goal, indicators per goal and action. With
    `open_comments`, also "open_comments": {(record type, record id): open threads}, counted
    by the same queries."""
    counts = {}

    def load(statement, kind, model):
        if not open_comments:
            return db.session.scalars(statement).all()
        rows = db.session.execute(statement.add_columns(comments.open_count(kind, model))).all()
        counts.update(((kind, record.id), count) for record, count in rows if count)
        return [record for record, _count in rows]

    sections = load(select(Section).where(Section.plan_id == plan.id)
                    .order_by(Section.position, Section.id), "section", Section)
    goals = load(select(Goal).where(Goal.plan_id == plan.id).order_by(Goal.position, Goal.id),
                 "goal", Goal)
    actions = load(select(Action).where(Action.plan_id == plan.id)
                   .options(selectinload(Action.lead_organisation))
                   .order_by(Action.position, Action.id), "action", Action)
    indicators = load(select(Indicator).where(Indicator.plan_id == plan.id)
                      .order_by(Indicator.code), "indicator", Indicator)
    by_goal = {}
    for action in actions:
        by_goal.setdefault(action.goal_id, []).append(action)
    children = {}
    for goal in goals:
        children.setdefault(goal.parent_id, []).append(goal)
    found = {"sections": sections, "general": children.get(None, []), "children": children,
             "actions": by_goal, "indicators": indicators}
    if open_comments:
        found["open_comments"] = counts
    return found
