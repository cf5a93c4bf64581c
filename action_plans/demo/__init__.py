"""Demo content for `seed-demo`: the demo network's plan in implementation (goals in four
thematic areas, actions in every state, indicators with two years of measurements, some
awaiting approval) and a second plan in drafting whose history holds a merge, with an open
comment (a reply, a mention) and a resolved one."""
from datetime import date, datetime, time

import click
from sqlalchemy import select

from action_plans.demo.content import (ACTIONS, BROKEN_DOWN, DRAFT_COMMENTS, DRAFT_SECTIONS,
                                       GOALS, INDICATORS, MERGE_EDITS, SECTIONS)
from action_plans.models import (Action, ActionPartner, Goal, Indicator, Measurement, Milestone,
                                 Plan)
from action_plans.services import adoption, coediting, comments, plans, text
from action_plans.services.records import ACTION, GOAL, INDICATOR, SECTION
from lms.extensions import db
from lms.models import Organisation, User
from networks.demo import SLUG as NETWORK_SLUG
from networks.models import Network

TITLE = "Musterstadt Integration Action Plan"
DRAFT_TITLE = "Welcome of Newcomers to Musterstadt"


def month(start, months):
    """The first day of the month `months` after `start`."""
    index = start.month - 1 + months
    return date(start.year + index // 12, index % 12 + 1, 1)


def seed(app, users, organisations, **extra):
    """Connected to `demo_seeding`, after the networks plugin's demo made the network."""
    network = db.session.scalar(select(Network).where(Network.slug == NETWORK_SLUG))
    if network is None or db.session.scalar(
            select(Plan.id).where(Plan.network_id == network.id)) is not None:
        return
    coordinator = users["trainer"]
    editor = db.session.scalar(select(User).where(User.email == "editor@demo.example.org"))
    with app.test_request_context():
        implementation_plan(network, coordinator, organisations[0])
        drafting_plan(network, coordinator, editor or coordinator)
    click.echo(f"Action plans: “{TITLE}” (implementation) and “{DRAFT_TITLE}” (drafting)")


def implementation_plan(network, coordinator, municipality):
    today = date.today()
    start = date(today.year - 1, 1, 1)
    plan = plans.create(network, coordinator, TITLE, "Musterstadt", start,
                        date(today.year + 2, 12, 31),
                        "How the partners of Musterstadt welcome and include migrants and "
                        "refugees: language, work, health and housing.", "en", "CC-BY-4.0",
                        "public")
    plan.phase = "implementation"
    for section in plan.sections:
        if section.key in SECTIONS:
            coediting.save(plan.id, SECTION, section,
                           {"title": section.title, "body": SECTIONS[section.key]},
                           section.version, coordinator)
    goals = {}
    for position, (code, title, area, description, specifics) in enumerate(GOALS):
        goals[code] = _goal(plan, coordinator, position, code, title, area, description)
        for sub_position, (sub_code, sub_title) in enumerate(specifics):
            goals[sub_code] = _goal(plan, coordinator, sub_position, sub_code, sub_title, area,
                                    "", parent=goals[code])
    by_name = {None: municipality}
    actions = {}
    for position, (code, goal, title, lead, partners, status, progress, (first, last),
                   milestones) in enumerate(ACTIONS):
        lead_organisation = by_name.get(lead) or _organisation(by_name, lead)
        action = Action(plan_id=plan.id, goal=goals[goal], position=position, code=code,
                        title=title, lead_organisation=lead_organisation, status=status,
                        progress=progress, planned_start=month(start, first),
                        planned_end=month(start, last),
                        actual_start=month(start, first) if status != "planned" else None,
                        actual_end=month(start, last) if status == "done" else None,
                        weight=2 if code in ("A6", "A13") else 1)
        db.session.add(action)
        for partner, role in partners:
            action.partners.append(ActionPartner(
                organisation=by_name.get(partner) or _organisation(by_name, partner), role=role))
        for title_, at, done in milestones:
            action.milestones.append(Milestone(title=title_, due_date=month(start, at),
                                               done=done))
        coediting.created(plan.id, ACTION, action, coordinator)
        actions[code] = action
    for (code, on, library_code, name, unit, direction, baseline, target,
         measurements) in INDICATORS:
        indicator = Indicator(
            plan_id=plan.id, goal_id=goals[on].id if on in goals else None,
            action_id=actions[on].id if on in actions else None, code=code, name=name,
            unit=unit, direction=direction, baseline_value=baseline, baseline_date=start,
            target_value=target, target_date=plan.period_end, library_code=library_code,
            frequency="quarterly", responsible_organisation=municipality,
            disaggregation=BROKEN_DOWN.get(code, []))
        db.session.add(indicator)
        for at, value, status, *breakdown in measurements:
            measured_on = month(start, at)
            stamp = datetime.combine(measured_on, time(12))
            indicator.measurements.append(Measurement(
                value=value, measured_on=measured_on, status=status,
                disaggregated=breakdown[0] if breakdown else {},
                submitted_by_id=coordinator.id if status != "draft" else None,
                submitted_at=stamp if status != "draft" else None,
                approved_by_id=coordinator.id if status == "approved" else None,
                approved_at=stamp if status == "approved" else None))
        coediting.created(plan.id, INDICATOR, indicator, coordinator)
    db.session.flush()
    adoption.adopt_for_demo(plan, coordinator)     # version 1, signed by every partner
    return plan


def _goal(plan, user, position, code, title, area, description, parent=None):
    goal = Goal(plan_id=plan.id, parent=parent, position=position, code=code, title=title,
                thematic_area=area, description=description,
                description_html=text.render(description))
    db.session.add(goal)
    coediting.created(plan.id, GOAL, goal, user)
    return goal


def _organisation(found, name):
    found[name] = db.session.scalar(select(Organisation).where(Organisation.name == name))
    return found[name]


def drafting_plan(network, coordinator, editor):
    today = date.today()
    plan = plans.create(network, coordinator, DRAFT_TITLE, "Musterstadt",
                        date(today.year + 1, 1, 1), date(today.year + 4, 12, 31),
                        "The next plan: the first weeks after arrival.", "en", "CC-BY-4.0")
    sections = {section.key: section for section in plan.sections}
    for key, body in DRAFT_SECTIONS.items():
        coediting.save(plan.id, SECTION, sections[key],
                       {"title": sections[key].title, "body": body}, sections[key].version,
                       coordinator)
    # the coordinator and the editor open the context at the same version; the coordinator
    # saves first, the editor's save (another sentence) is merged
    context = sections["context"]
    base, body = context.version, context.body
    coordinator_text = body.replace(
        "New arrivals to Musterstadt will continue at about 600 people a year.", MERGE_EDITS[0])
    editor_text = body.replace(
        "This plan concentrates on the welcome: the first contact, the first counselling "
        "appointment and the first language course.", MERGE_EDITS[1])
    coediting.save(plan.id, SECTION, context, {"title": context.title, "body": coordinator_text},
                   base, coordinator)
    coediting.save(plan.id, SECTION, context, {"title": context.title, "body": editor_text},
                   base, editor)
    db.session.flush()
    draft_comments(plan, sections, {"coordinator": coordinator, "editor": editor})
    return plan


def draft_comments(plan, sections, people):
    contributor = db.session.scalar(select(User).where(
        User.email == "contributor@demo.example.org"))
    mention = comments.mention_of(contributor.id, contributor.display_name) \
        if contributor is not None else "@[Contributor]"
    for key, author, body, replies, resolved in DRAFT_COMMENTS:
        thread = comments.add(plan, "section", sections[key].id, people[author],
                              body.replace("{contributor}", mention))
        for replier, reply in replies:
            comments.add(plan, "section", sections[key].id, people[replier], reply, parent=thread)
        if resolved:
            comments.resolve(thread, people["coordinator"])
