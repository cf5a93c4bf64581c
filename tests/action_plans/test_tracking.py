"""A plan's dashboard and timeline: the figures a known small plan should show, who may see
them, and that the plan page, the dashboard and the timeline cost the same queries for 30
actions as for 300."""
import re
from datetime import date, datetime, timedelta

import pytest
import time_machine
from sqlalchemy import insert, select

from action_plans.models import Action, Goal, Indicator, Measurement, Milestone
from lms.extensions import db
from tests.helpers import text

TODAY = date(2027, 3, 1)


@pytest.fixture
def today():
    with time_machine.travel(datetime(2027, 3, 1, 12, 0), tick=False):
        yield TODAY


def known_plan(app, plan):
    """Four actions and three indicators whose dashboard is worked out by hand."""
    with app.app_context():
        goal = Goal(plan_id=plan.id, code="G1", title="Language first")
        specific = Goal(plan_id=plan.id, code="G1.1", title="Shorter waiting", parent=goal)
        db.session.add_all([goal, specific])
        db.session.flush()
        actions = [
            Action(plan_id=plan.id, goal_id=goal.id, position=1, code="A1",
                   title="Evening courses", planned_start=date(2026, 2, 1),
                   planned_end=date(2026, 12, 31), actual_start=date(2026, 3, 1),
                   status="in_progress", progress=50, weight=1),
            Action(plan_id=plan.id, goal_id=goal.id, position=2, code="A2", title="Childcare",
                   planned_start=date(2026, 3, 1), planned_end=date(2026, 10, 1),
                   actual_start=date(2026, 3, 1), actual_end=date(2026, 11, 15), status="done",
                   progress=100, weight=3),
            Action(plan_id=plan.id, goal_id=specific.id, position=3, code="A3",
                   title="Cancelled pilot", planned_start=date(2026, 1, 1),
                   planned_end=date(2026, 6, 1), status="cancelled", progress=0, weight=5),
            Action(plan_id=plan.id, goal_id=specific.id, position=4, code="A4", title="Job fair",
                   planned_start=date(2027, 1, 1), planned_end=date(2027, 12, 31),
                   status="in_progress", progress=10, weight=1),
        ]
        actions[3].milestones = [
            Milestone(title="Flyers printed", due_date=TODAY + timedelta(days=10), done=True),
            Milestone(title="Venue booked", due_date=TODAY + timedelta(days=20)),
            Milestone(title="Fair day", due_date=TODAY + timedelta(days=40))]
        actions[0].milestones = [Milestone(title="Rooms agreed", due_date=date(2026, 2, 15),
                                           done=True)]
        db.session.add_all(actions)
        path = dict(baseline_date=date(2026, 1, 1), target_date=date(2028, 12, 31))
        behind = Indicator(plan_id=plan.id, goal_id=goal.id, code="I1",
                           name="Children in school", unit="percent", direction="higher",
                           baseline_value=50.0, target_value=90.0, **path)
        # the path is at 50 + 40 × 365 / 1095 ≈ 63.3 on 1 January 2027: 52 is behind it; the
        # 80 awaiting approval does not count
        behind.measurements = [
            Measurement(measured_on=date(2027, 1, 1), value=52.0, status="approved"),
            Measurement(measured_on=date(2027, 2, 1), value=80.0, status="submitted")]
        ahead = Indicator(plan_id=plan.id, goal_id=goal.id, code="I2", name="Months of waiting",
                          unit="months", direction="lower", baseline_value=9.0,
                          target_value=3.0, **path)
        # lower is better: the path is at 7 on 1 January 2027, 5 is ahead of it
        ahead.measurements = [Measurement(measured_on=date(2027, 1, 1), value=5.0,
                                          status="approved")]
        unmeasured = Indicator(plan_id=plan.id, goal_id=goal.id, code="I3",
                               name="Families housed", **path)
        db.session.add_all([behind, ahead, unmeasured])
        db.session.commit()
        return {action.code: action.id for action in actions}


def between(html, start, end):
    """The part of the page from the element with id `start` to the one with id `end`."""
    return html.split(f'id="{start}"', 1)[1].split(f'id="{end}"', 1)[0]


def words(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_dashboard_shows_what_is_late_due_soon_and_off_track(app, client, auth, network,
                                                                 plan, today):
    ids = known_plan(app, plan)
    auth.login(network.people["viewer"])
    response = client.get(f"/action-plans/{plan.slug}/dashboard")
    assert response.status_code == 200
    page, html = text(response), response.get_data(as_text=True)
    assert "4 actions" in page
    # (50 × 1 + 100 × 3 + 10 × 1) / 5; the cancelled action does not count
    assert "Overall progress (weighted): 72 %" in page
    statuses = between(html, "statuses-caption", "overdue")
    assert '<th scope="row">In progress</th><td>2</td>' in statuses
    assert '<th scope="row">Cancelled</th><td>1</td>' in statuses
    assert '<th scope="row">Delayed</th><td>0</td>' in statuses

    overdue = between(html, "overdue", "milestones")
    assert "1 action is past its planned end" in words(overdue)
    assert f'href="/action-plans/{plan.slug}/actions/{ids["A1"]}/"' in overdue
    assert "A1 Evening courses" in words(overdue)
    for other in ("A2", "A3", "A4"):
        assert f"{other} " not in words(overdue)

    milestones = words(between(html, "milestones", "indicators"))
    assert "Venue booked" in milestones and "A4 Job fair" in milestones
    assert "Fair day" not in milestones            # due in 40 days
    assert "Flyers printed" not in milestones      # done already
    assert "Rooms agreed" not in milestones

    indicators = words(html.split('id="indicators"', 1)[1])
    assert "1 indicator on track · 1 indicator off track · 1 indicator without enough data" \
        in indicators
    assert "I1 Children in school Off track 52 %" in indicators
    assert "I2 Months of waiting On track 5" in indicators
    assert "I3 Families housed Not enough data –" in indicators


def test_the_plan_page_links_its_dashboard_and_timeline(client, auth, network, plan):
    auth.login(network.people["viewer"])
    html = client.get(f"/action-plans/{plan.slug}/").get_data(as_text=True)
    assert f'href="/action-plans/{plan.slug}/dashboard"' in html
    assert f'href="/action-plans/{plan.slug}/timeline"' in html


def test_the_timeline_lists_each_action_with_its_dates_grouped_by_goal(app, client, auth, network,
                                                                       plan, today):
    ids = known_plan(app, plan)
    auth.login(network.people["viewer"])
    response = client.get(f"/action-plans/{plan.slug}/timeline")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    svg, table = html.split("</svg>", 1)
    assert svg.count('class="chart-bar planned"') == 4          # one bar per action
    assert svg.count('class="chart-actual"') == 2               # A1 (running), A2 (done)
    assert svg.count('class="chart-mark done"') == 2 and svg.count('class="chart-mark"') == 2
    assert 'class="chart-scroll" tabindex="0"' in html          # scrolls sideways on a phone
    table = words(table.split("</table>", 1)[0])
    assert ("Action Planned start Planned end Actual start Actual end Milestones" in table)
    assert "G1 Language first A1 Evening courses Feb 1, 2026 Dec 31, 2026 Mar 1, 2026 –" \
        in table
    assert "A2 Childcare Mar 1, 2026 Oct 1, 2026 Mar 1, 2026 Nov 15, 2026" in table
    assert "G1.1 Shorter waiting A3 Cancelled pilot Jan 1, 2026 Jun 1, 2026 – – –" in table
    assert ("A4 Job fair Jan 1, 2027 Dec 31, 2027 – – Flyers printed: Mar 11, 2027 (done) "
            "Venue booked: Mar 21, 2027 (not yet) Fair day: Apr 10, 2027 (not yet)") in table
    assert f'<a href="/action-plans/{plan.slug}/actions/{ids["A4"]}/">A4 Job fair</a>' in html


def test_a_running_action_is_drawn_up_to_today(app, client, auth, network, plan, today):
    known_plan(app, plan)
    auth.login(network.people["viewer"])
    html = client.get(f"/action-plans/{plan.slug}/timeline").get_data(as_text=True)
    today_x = float(re.search(r'<line x1="([\d.]+)"[^>]*class="chart-today"', html).group(1))
    first = re.search(r'<rect x="([\d.]+)" y="\d+" width="([\d.]+)" height="5" '
                      r'class="chart-actual"', html)
    assert float(first.group(1)) + float(first.group(2)) == pytest.approx(today_x, abs=0.2)


def test_a_plan_without_actions_says_so(client, auth, network, plan):
    auth.login(network.people["viewer"])
    assert "No figures yet." in text(client.get(f"/action-plans/{plan.slug}/timeline"))
    page = text(client.get(f"/action-plans/{plan.slug}/dashboard"))
    assert "0 actions" in page and "No action is overdue." in page


@pytest.mark.parametrize("page", ["dashboard", "timeline"])
def test_a_draft_plans_dashboard_and_timeline_are_for_its_network(client, auth, network, plan,
                                                                  outsider, page):
    path = f"/action-plans/{plan.slug}/{page}"
    assert client.get(path).status_code == 404
    auth.login(outsider.user)
    assert client.get(path).status_code == 404
    auth.logout()
    auth.login(network.people["viewer"])
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("page", ["dashboard", "timeline"])
def test_an_adopted_public_plans_dashboard_and_timeline_are_for_everyone(client, make_plan,
                                                                         page):
    public = make_plan(title="Adopted Plan", visibility="public", phase="implementation")
    response = client.get(f"/action-plans/{public.slug}/{page}")
    assert response.status_code == 200 and "Adopted Plan" in text(response)


# --- what each page costs ---------------------------------------------------------------------

def grow(app, plan, actions, indicators, measurements=10):
    """`actions` actions (two milestones each) under five goals with a specific objective each,
    and `indicators` indicators of `measurements` approved measurements: bulk inserts."""
    with app.app_context():
        goal_ids = db.session.scalars(insert(Goal).returning(Goal.id), [
            {"plan_id": plan.id, "code": f"G{g}", "title": f"Goal {g}", "position": g}
            for g in range(5)]).all()
        goal_ids += db.session.scalars(insert(Goal).returning(Goal.id), [
            {"plan_id": plan.id, "parent_id": goal_id, "code": f"G{g}.1",
             "title": f"Specific {g}", "position": 0}
            for g, goal_id in enumerate(goal_ids)]).all()
        statuses = ("planned", "in_progress", "done", "delayed", "cancelled")
        action_ids = db.session.scalars(insert(Action).returning(Action.id), [
            {"plan_id": plan.id, "goal_id": goal_ids[a % len(goal_ids)], "position": a,
             "code": f"A{a}", "title": f"Action {a}", "status": statuses[a % 5],
             "progress": a % 101, "weight": 1 + a % 3,
             "planned_start": date(2026, 1, 1) + timedelta(days=a % 300),
             "planned_end": date(2026, 6, 1) + timedelta(days=a % 900),
             "actual_start": date(2026, 2, 1) if a % 2 else None}
            for a in range(actions)]).all()
        db.session.execute(insert(Milestone), [
            {"action_id": action_id, "title": f"Milestone {m} of {action_id}",
             "due_date": TODAY + timedelta(days=10 * m + n % 50), "done": m == 0}
            for n, action_id in enumerate(action_ids) for m in range(2)])
        indicator_ids = db.session.scalars(insert(Indicator).returning(Indicator.id), [
            {"plan_id": plan.id, "goal_id": goal_ids[0], "code": f"I{i:02d}",
             "name": f"Indicator {i}", "baseline_value": 0.0, "baseline_date": date(2026, 1, 1),
             "target_value": 100.0, "target_date": date(2028, 12, 31),
             "disaggregation": []} for i in range(indicators)]).all()
        db.session.execute(insert(Measurement), [
            {"indicator_id": indicator_id, "measured_on": date(2026, 1 + m, 1),
             "value": 10.0 * m, "status": "approved" if m % 4 else "submitted",
             "disaggregated": {}}
            for indicator_id in indicator_ids for m in range(measurements)])
        db.session.commit()


@pytest.mark.parametrize("page", ["", "dashboard", "timeline"])
def test_each_tracking_page_costs_the_same_queries_for_30_or_300_actions(
        app, client, auth, network, make_plan, count_queries, today, page):
    counts = []
    for number, (actions, indicators) in enumerate([(30, 5), (300, 50)]):
        plan = make_plan(title=f"Plan {number}")
        grow(app, plan, actions, indicators)
        auth.login(network.people["viewer"])
        client.get(f"/action-plans/{plan.slug}/{page}")     # the session is warm
        with count_queries() as counter:
            response = client.get(f"/action-plans/{plan.slug}/{page}")
        assert response.status_code == 200
        shown = f"{actions} actions" if page == "dashboard" else f"A{actions - 1} Action"
        assert shown in text(response)
        counts.append(counter.count)
        assert counter.count <= 10, "\n\n".join(s[:200] for s in counter.statements)
    assert counts[0] == counts[1]
