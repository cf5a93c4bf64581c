"""An adopted public plan's dashboard and timeline in Chromium: axe-clean at desktop width and on
a 360 px phone, where the timeline scrolls sideways in its own region and the page does not."""
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import Visitor

pytestmark = pytest.mark.browser


def add_actions(app, plan):
    from action_plans.models import Action, Goal, Indicator, Measurement, Milestone
    from lms.extensions import db
    today = date.today()
    with app.app_context():
        goal = Goal(plan_id=plan.id, code="G1", title="Newcomers learn German")
        db.session.add(goal)
        db.session.flush()
        for number in range(6):
            action = Action(plan_id=plan.id, goal_id=goal.id, position=number,
                            code=f"A{number}", title=f"Evening course number {number}",
                            planned_start=date(2026, 1 + number, 1),
                            planned_end=date(2027, 1 + number, 1),
                            actual_start=date(2026, 2 + number, 1) if number % 2 else None,
                            status="in_progress" if number % 2 else "planned",
                            progress=10 * number)
            action.milestones = [Milestone(title=f"Milestone {number}",
                                           due_date=today + timedelta(days=5 * number))]
            db.session.add(action)
        indicator = Indicator(plan_id=plan.id, goal_id=goal.id, code="I1",
                              name="Learners passing B1", baseline_value=10.0,
                              baseline_date=date(2026, 1, 1), target_value=90.0,
                              target_date=date(2028, 12, 31))
        indicator.measurements = [Measurement(measured_on=date(2026, 6, 1), value=12.0,
                                              status="approved")]
        db.session.add(indicator)
        db.session.commit()


def test_the_dashboard_and_timeline_read_at_desktop_width_and_on_a_phone(
        visitor, new_page, live_server, app, make_plan):
    plan = make_plan(title="Adopted Plan", visibility="public", phase="implementation")
    add_actions(app, plan)
    visitor.open(f"/action-plans/{plan.slug}/")
    visitor.follow("Dashboard")
    expect(visitor.page.get_by_role("heading", level=1)).to_have_text("Dashboard")
    expect(visitor.main.get_by_role("img", name="Actions by status")).to_be_visible()
    expect(visitor.main.get_by_role("row", name="Milestone 1")).to_be_visible()
    visitor.follow("Timeline of the actions", within=visitor.main)
    expect(visitor.main.get_by_role("row", name="A3 Evening course number 3")).to_be_visible()

    phone = Visitor(new_page(viewport={"width": 360, "height": 740}), live_server)
    for page in ("dashboard", "timeline"):
        phone.open(f"/action-plans/{plan.slug}/{page}")
        width = phone.page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"the {page} is {width}px wide on a 360px phone"
    region = phone.page.locator(".chart-scroll")
    assert region.evaluate("r => r.scrollWidth > r.clientWidth")     # the chart scrolls
    row = phone.main.get_by_role("row", name="A3 Evening course number 3")
    expect(row).to_be_visible()
    assert row.bounding_box()["width"] <= 360                        # the table does not
