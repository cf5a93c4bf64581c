"""Starting a plan, who may read it, and the plan page's cost."""
from datetime import date

import pytest
from sqlalchemy import func, select

from action_plans.models import Action, Goal, Indicator, Plan, Section
from lms.extensions import db
from tests.helpers import text

FORM = {"title": "Plan for Newcomers", "territory": "Rheinland", "period_start": "2027-01-01",
        "period_end": "2029-12-31", "summary": "", "language": "de", "licence": "CC-BY-4.0",
        "visibility": "network"}


def test_a_coordinator_starts_a_plan_with_its_four_sections(app, client, auth, network):
    auth.login(network.people["coordinator"])
    response = client.post("/action-plans/new", data=dict(FORM, network=network.id),
                           follow_redirects=True)
    assert "The plan has been started." in text(response)
    page = text(response)
    for title in ("Context", "Needs analysis", "Vision", "Governance"):
        assert title in page
    with app.app_context():
        plan = db.session.scalar(select(Plan))
        assert (plan.slug, plan.language, plan.period_end) == (
            "plan-for-newcomers", "de", date(2029, 12, 31))


def test_a_period_that_ends_before_it_starts_is_explained_and_kept(app, client, auth, network):
    auth.login(network.people["editor"])
    response = client.post("/action-plans/new", data=dict(
        FORM, network=network.id, period_end="2026-01-01", title="Kept title"))
    assert response.status_code == 200
    assert "The end of the period must come after its start." in text(response)
    assert 'value="Kept title"' in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Plan.id))) == 0


@pytest.mark.parametrize("role", ["contributor", "viewer"])
def test_contributors_and_viewers_cannot_start_a_plan(app, client, auth, network, role):
    auth.login(network.people[role])
    assert "its coordinators and editors start it" in text(client.get("/action-plans/new"))
    response = client.post("/action-plans/new", data=dict(FORM, network=network.id))
    assert response.status_code == 200
    with app.app_context():
        assert db.session.scalar(select(func.count(Plan.id))) == 0


def test_a_draft_plan_is_for_the_networks_members_only(client, auth, network, plan, outsider):
    path = f"/action-plans/{plan.slug}/"
    assert client.get(path).status_code == 404                  # anonymous
    auth.login(outsider.user)
    assert client.get(path).status_code == 404
    assert "Regional Inclusion Plan" not in text(client.get("/action-plans/"))
    auth.logout()
    auth.login(network.people["viewer"])
    assert client.get(path).status_code == 200
    assert "Regional Inclusion Plan" in text(client.get("/action-plans/"))


def test_an_adopted_public_plan_is_for_everyone(client, make_plan):
    public = make_plan(title="Adopted Plan", visibility="public", phase="implementation")
    assert client.get(f"/action-plans/{public.slug}/").status_code == 200
    assert "Adopted Plan" in text(client.get("/action-plans/"))


def grow(app, plan, goals, actions_per_goal, indicators):
    with app.app_context():
        for g in range(goals):
            goal = Goal(plan_id=plan.id, code=f"G{g}", title=f"Goal {g}")
            db.session.add(goal)
            db.session.flush()
            db.session.add(Goal(plan_id=plan.id, parent_id=goal.id, code=f"G{g}.1",
                                title=f"Specific {g}"))
            for a in range(actions_per_goal):
                db.session.add(Action(plan_id=plan.id, goal_id=goal.id, code=f"A{g}-{a}",
                                      title=f"Action {g}-{a}"))
        for i in range(indicators):
            db.session.add(Indicator(plan_id=plan.id, code=f"I{i}", name=f"Indicator {i}"))
        db.session.commit()


@pytest.mark.parametrize("size", [(2, 2, 1), (30, 10, 50)])
def test_the_plan_page_costs_the_same_queries_at_any_size(app, client, auth, network, plan,
                                                          count_queries, size):
    grow(app, plan, *size)
    auth.login(network.people["viewer"])
    with count_queries() as counter:
        response = client.get(f"/action-plans/{plan.slug}/")
    assert response.status_code == 200
    assert f"A{size[0] - 1}-{size[1] - 1} Action" in text(response)
    assert counter.count <= 10, counter.statements
    with app.app_context():
        assert db.session.scalar(select(func.count(Section.id))) == 4
