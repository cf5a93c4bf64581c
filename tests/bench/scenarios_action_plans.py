"""The action plans' pages in `make bench`: a plan of 300 actions (two milestones each) and 50
indicators of 10 measurements each: its page, dashboard and timeline, and saving an action."""
from datetime import date, timedelta
from urllib.parse import urlencode

from sqlalchemy import insert, select

from action_plans.models import Action, Goal, Indicator, Measurement, Milestone
from action_plans.services import plans
from lms.cli import demo_password
from lms.extensions import db
from lms.models import User
from networks.demo import SLUG as NETWORK_SLUG
from networks.models import Network
from tests.bench.client import csrf_token, posting_script
from tests.bench.scenario import Scenario

ACTIONS, INDICATORS, MEASUREMENTS = 300, 50, 10
STATUSES = ("planned", "in_progress", "done", "delayed", "cancelled")
START = date(2026, 1, 1)


def add_plan(coordinator, network):
    """The plan, adopted and public, with everything added in bulk."""
    plan = plans.create(network, coordinator, "Bench Action Plan of 300 Actions", "Musterstadt",
                        START, date(2028, 12, 31), "Three hundred actions, fifty indicators.",
                        "en", "CC-BY-4.0", "public")
    plan.phase = "implementation"
    db.session.flush()
    general = db.session.scalars(insert(Goal).returning(Goal.id), [
        {"plan_id": plan.id, "code": f"G{g + 1}", "title": f"General objective {g + 1}",
         "position": g, "thematic_area": "education"} for g in range(5)]).all()
    specific = db.session.scalars(insert(Goal).returning(Goal.id), [
        {"plan_id": plan.id, "parent_id": goal_id, "code": f"G{g + 1}.{s + 1}",
         "title": f"Specific objective {g + 1}.{s + 1}", "position": s}
        for g, goal_id in enumerate(general) for s in range(3)]).all()
    goals = general + specific
    action_ids = db.session.scalars(insert(Action).returning(Action.id), [
        {"plan_id": plan.id, "goal_id": goals[a % len(goals)], "position": a,
         "code": f"A{a + 1}", "title": f"Bench action number {a + 1}",
         "status": STATUSES[a % 5], "progress": (7 * a) % 101, "weight": 1 + a % 3,
         "planned_start": START + timedelta(days=(3 * a) % 500),
         # always after the start: the edit form refuses an end before the start (a save of
         # such an action was a 400, not a save)
         "planned_end": START + timedelta(days=(3 * a) % 500 + 60 + (5 * a) % 500),
         "actual_start": START + timedelta(days=(3 * a) % 500 + 10) if a % 5 else None}
        for a in range(ACTIONS)]).all()
    today = date.today()
    db.session.execute(insert(Milestone), [
        {"action_id": action_id, "title": f"Milestone {m + 1} of action {n + 1}",
         "due_date": today + timedelta(days=(n + 40 * m) % 120 - 30), "done": m == 0}
        for n, action_id in enumerate(action_ids) for m in range(2)])
    indicator_ids = db.session.scalars(insert(Indicator).returning(Indicator.id), [
        {"plan_id": plan.id, "goal_id": goals[i % len(goals)], "code": f"I{i + 1:02d}",
         "name": f"Bench indicator {i + 1}", "unit": "percent",
         "direction": "lower" if i % 4 == 0 else "higher", "baseline_value": 40.0,
         "baseline_date": START, "target_value": 10.0 if i % 4 == 0 else 80.0,
         "target_date": date(2028, 12, 31), "disaggregation": []}
        for i in range(INDICATORS)]).all()
    db.session.execute(insert(Measurement), [
        {"indicator_id": indicator_id, "measured_on": START + timedelta(days=90 * m),
         "value": 40.0 + (m * (i % 7) - 10) / 2, "disaggregated": {},
         "status": "submitted" if m == MEASUREMENTS - 1 else "approved"}
        for i, indicator_id in enumerate(indicator_ids) for m in range(MEASUREMENTS)])
    return plan, action_ids


def action_form(action):
    """The action's edit form as a browser posts it, with `{v}` for the version it was
    loaded at; every save names a new contact person, so each really changes the action."""
    fields = {"code": action.code, "title": action.title, "description": "",
              "lead_organisation_id": "", "planned_start": action.planned_start.isoformat(),
              "planned_end": action.planned_end.isoformat(), "actual_start": "",
              "actual_end": "", "status": action.status, "progress": str(action.progress),
              "progress_from": "entered", "weight": str(action.weight), "priority": "medium",
              "budget": "", "funding_source": "", "target_group": "",
              "planned_beneficiaries": "", "expected_outputs": "", "edit_id": ""}
    return urlencode(fields) + "&contact_person=Bench+editor+{v}&version={v}"


def prepare(app):
    coordinator = db.session.scalar(select(User).where(User.email == "trainer@demo.example.org"))
    network = db.session.scalar(select(Network).where(Network.slug == NETWORK_SLUG))
    with app.test_request_context():
        plan, action_ids = add_plan(coordinator, network)
    db.session.commit()
    slug = plan.slug
    forms = {action.id: action_form(action) for action in db.session.scalars(
        select(Action).where(Action.id.in_(action_ids)))}

    def saving(base, cookie):
        """Every action's form at its current version, with a token of this session."""
        token = csrf_token(base, cookie, f"/action-plans/{slug}/actions/{action_ids[0]}/edit")
        with app.app_context():
            versions = dict(db.session.execute(select(Action.id, Action.version).where(
                Action.id.in_(action_ids))).all())
        return posting_script(
            [(f"/action-plans/{slug}/actions/{action_id}/edit",
              f"csrf_token={token}&" + forms[action_id], versions[action_id])
             for action_id in action_ids])

    who = ("trainer@demo.example.org", demo_password("trainer"))
    base = f"/action-plans/{slug}"
    return [Scenario("plan of 300 actions (coordinator)", f"{base}/", login=who, goal=20),
            Scenario("plan dashboard (coordinator)", f"{base}/dashboard", login=who, goal=20),
            Scenario("plan timeline (coordinator)", f"{base}/timeline", login=who, goal=20),
            Scenario("save an action (coordinator)", f"{base}/actions/{action_ids[0]}/edit",
                     login=who, goal=15, script=saving)]
