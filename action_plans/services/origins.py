"""Where a new plan starts from besides an empty page: a published good-practice blueprint
(through the core's registry of plan templates, whoever offers them) or a copy of a plan."""
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from action_plans.models import Action, ActionPartner, Goal, Indicator, Milestone, Section
from action_plans.services import coediting, text
from action_plans.services.records import ACTION, GOAL, INDICATOR, SECTION
from lms.extensions import db
from networks.services import membership

# an action's fields a copy takes over; what happened (actual dates, status, progress) starts anew
ACTION_FIELDS = ("code", "title", "description", "description_html", "contact_person",
                 "planned_start", "planned_end", "progress_from", "weight", "priority", "budget",
                 "funding_source", "target_group", "planned_beneficiaries", "expected_outputs",
                 "position", "suggested_partners")
GOAL_FIELDS = ("code", "title", "description", "description_html", "thematic_area",
               "target_groups", "assumptions", "risks", "position")
SECTION_FIELDS = ("position", "key", "title", "body", "body_html")
# measurements, the approver and the library stay with the original plan
INDICATOR_FIELDS = ("code", "name", "definition", "level", "kind", "unit", "direction",
                    "baseline_value", "baseline_date", "baseline_source", "target_value",
                    "target_date", "data_source", "method", "frequency", "disaggregation",
                    "framework_reference", "library_code")


def _next_number(plan, model, prefix):
    """The first free "<prefix><n>" code number of the plan's goals or actions."""
    codes = db.session.scalars(select(model.code).where(model.plan_id == plan.id)).all()
    numbers = [int(code[len(prefix):]) for code in codes
               if code.startswith(prefix) and code[len(prefix):].isdigit()]
    return max(numbers, default=0) + 1


def from_template(plan, template, user, goal=None):
    """The template's steps as planned actions under `goal`, or under a new general goal named
    after the template; its actors as the actions' suggested partners. Returns the goal."""
    if goal is None:
        position = (db.session.scalar(select(func.max(Goal.position)).where(
            Goal.plan_id == plan.id, Goal.parent_id.is_(None))) or 0) + 1
        goal = Goal(plan_id=plan.id, position=position,
                    code=f"G{_next_number(plan, Goal, 'G')}", title=template.title[:200],
                    description=template.summary,
                    description_html=text.render(template.summary))
        db.session.add(goal)
        coediting.created(plan.id, GOAL, goal, user)
    suggested = "\n".join(actor.label for actor in template.actors)
    number = _next_number(plan, Action, "A")
    position = (db.session.scalar(select(func.max(Action.position))
                                  .where(Action.plan_id == plan.id)) or 0) + 1
    for offset, step in enumerate(template.steps):
        description = step.text + (f"\n\n{step.duration}" if step.duration else "")
        action = Action(plan_id=plan.id, goal_id=goal.id, position=position + offset,
                        code=f"A{number + offset}", title=step.title[:200],
                        description=description, description_html=text.render(description),
                        status="planned", suggested_partners=suggested)
        db.session.add(action)
        coediting.created(plan.id, ACTION, action, user)
    return goal


def _copy(model, record, names, **values):
    return model(**{name: getattr(record, name) for name in names}, **values)


def copy_content(source, plan, user):
    """Sections, goals, actions (partners, milestones, dependencies) and indicators of `source`
    into the new `plan`, without measurements or what was done. Partners and responsible
    organisations that are not members of the new plan's network are left out; their names
    join the action's suggested partners."""
    members = {organisation.id for organisation in
               membership.member_organisations(plan.network_id)}
    for section in db.session.scalars(select(Section).where(Section.plan_id == source.id)
                                      .order_by(Section.position, Section.id)):
        copied = _copy(Section, section, SECTION_FIELDS, plan_id=plan.id, updated_by_id=user.id)
        db.session.add(copied)
        coediting.created(plan.id, SECTION, copied, user)
    goals = {}
    # general goals first, so that each specific one finds its parent's copy
    for goal in db.session.scalars(select(Goal).where(Goal.plan_id == source.id).order_by(
            Goal.parent_id.is_not(None), Goal.position, Goal.id)):
        copied = _copy(Goal, goal, GOAL_FIELDS, plan_id=plan.id,
                       parent_id=goals[goal.parent_id].id if goal.parent_id else None)
        db.session.add(copied)
        coediting.created(plan.id, GOAL, copied, user)
        goals[goal.id] = copied
    actions = {}
    originals = db.session.scalars(
        select(Action).where(Action.plan_id == source.id)
        .options(selectinload(Action.partners).selectinload(ActionPartner.organisation),
                 selectinload(Action.lead_organisation), selectinload(Action.milestones),
                 selectinload(Action.depends_on))
        .order_by(Action.position, Action.id)).all()
    for action in originals:
        outside = [partner.organisation.name for partner in action.partners
                   if partner.organisation_id not in members]
        if action.lead_organisation_id and action.lead_organisation_id not in members:
            outside.insert(0, action.lead_organisation.name)
        suggested = "\n".join(line for line in [action.suggested_partners, *outside] if line)
        copied = _copy(Action, action, ACTION_FIELDS, plan_id=plan.id,
                       goal_id=goals[action.goal_id].id, status="planned", progress=0,
                       lead_organisation_id=action.lead_organisation_id
                       if action.lead_organisation_id in members else None)
        copied.suggested_partners = suggested
        copied.partners = [ActionPartner(organisation_id=partner.organisation_id,
                                         role=partner.role)
                           for partner in action.partners if partner.organisation_id in members]
        copied.milestones = [Milestone(title=milestone.title, due_date=milestone.due_date)
                             for milestone in action.milestones]
        db.session.add(copied)
        coediting.created(plan.id, ACTION, copied, user)
        actions[action.id] = copied
    for action in originals:
        actions[action.id].depends_on = [actions[other.id] for other in action.depends_on
                                         if other.id in actions]
    for indicator in db.session.scalars(select(Indicator).where(Indicator.plan_id == source.id)
                                        .order_by(Indicator.code, Indicator.id)):
        copied = _copy(Indicator, indicator, INDICATOR_FIELDS, plan_id=plan.id,
                       goal_id=goals[indicator.goal_id].id if indicator.goal_id else None,
                       action_id=actions[indicator.action_id].id if indicator.action_id
                       else None,
                       responsible_organisation_id=indicator.responsible_organisation_id
                       if indicator.responsible_organisation_id in members else None)
        copied.disaggregation = list(indicator.disaggregation or [])
        db.session.add(copied)
        coediting.created(plan.id, INDICATOR, copied, user)
    db.session.flush()
