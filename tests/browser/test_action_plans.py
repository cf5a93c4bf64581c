"""Two partners co-draft an action in Chromium: their saves meet, the second keeps both
sentences on the resolution page and the history shows every version; then both organisations
sign the plan, and a measurement is entered, approved and drawn on the indicator's chart, with
its breakdown by sex over time. Every page passes axe at desktop width and at a phone's 360 px,
without sideways scrolling (a chart scrolls sideways in a region of its own)."""
from datetime import date
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from lms.extensions import db
from lms.models import Organisation, User
from tests.helpers.browser import PHONE, Visitor
from tests.helpers.networks import PROFILE

pytestmark = pytest.mark.browser

FIRST = "Language cafés meet every Tuesday in the district library."
DESCRIPTION = FIRST + " Volunteers host them."
CARLAS = "The parish lends its hall in summer."
NADIAS = "Childcare is offered during each café."


@pytest.fixture
def partners(app, make_user, make_organisation):
    """A network of two organisations, each led by its admin (who signs for it): Carla of the
    city (coordinator) and Nadia of an NGO (editor); their plan in drafting, with one action
    and an indicator of it, broken down by sex, whose measurements Carla approves (the first
    one, of March, approved already)."""
    from action_plans.models import Measurement
    from action_plans.services import actions, goals, indicators, plans
    from networks.services import membership
    from networks.services import network as network_service
    carla = make_user(display_name="Carla Coordinator")
    nadia = make_user(display_name="Nadia Nour")
    city = make_organisation(name="Stadt Köln – Integrationsbüro", admin=carla,
                             kind="public_authority")
    ngo = make_organisation(name="Brücken e.V.", admin=nadia, kind="ngo")
    with app.test_request_context():
        coordinator = db.session.get(User, carla.id)
        network = network_service.create(coordinator, db.session.get(Organisation, city.id),
                                         PROFILE)
        membership.add_person(network, db.session.get(Organisation, ngo.id),
                              db.session.get(User, nadia.id), "editor")
        plan = plans.create(network, coordinator, "Kölner Aktionsplan Ankommen", "Köln",
                            date(2026, 1, 1), date(2028, 12, 31), "Arriving well in Köln.",
                            "en", "CC-BY-4.0", "network")
        goal = goals.add(plan, coordinator, None, {
            "code": "G1", "title": "Newcomers learn German", "description": "",
            "thematic_area": "education", "target_groups": "Adults", "assumptions": "",
            "risks": ""})
        action = actions.add(plan, goal, coordinator, {
            "code": "A1", "title": "Language cafés", "description": DESCRIPTION,
            "lead_organisation_id": ngo.id, "status": "in_progress", "progress": 20})
        indicator = indicators.create(plan, coordinator, f"action:{action.id}", {
            "code": "I1", "name": "Visits to the language cafés", "unit": "number",
            "direction": "higher", "baseline_value": 0.0, "baseline_date": date(2026, 1, 1),
            "target_value": 600.0, "target_date": date(2028, 12, 31), "disaggregation": ["sex"],
            "responsible_organisation_id": ngo.id, "approver_id": carla.id})
        indicator.measurements.append(Measurement(
            measured_on=date(2026, 3, 31), value=70.0, status="approved",
            disaggregated={"sex": {"female": 40.0, "male": 30.0}}))
        db.session.commit()
        return SimpleNamespace(carla=carla, nadia=nadia, plan=f"/action-plans/{plan.slug}",
                               action=f"/action-plans/{plan.slug}/actions/{action.id}",
                               indicator=f"/action-plans/{plan.slug}/indicators/{indicator.id}")


def test_two_partners_co_draft_an_action_adopt_the_plan_and_chart_a_measurement(
        new_page, live_server, partners):
    carla = Visitor(new_page(), live_server, also_on_a_phone=True)
    nadia = Visitor(new_page(), live_server, also_on_a_phone=True)
    carla.log_in(partners.carla.email)
    nadia.log_in(partners.nadia.email)

    # both open the action's form at version 1 and add a sentence at the same place
    for editor in (carla, nadia):
        editor.open(partners.action + "/edit")
        expect(editor.page.get_by_role("heading", level=1)).to_have_text("Edit A1 Language cafés")
    carla.fill("Description", f"{DESCRIPTION} {CARLAS}")
    nadia.fill("Description", f"{DESCRIPTION} {NADIAS}")
    carla.press("Save")
    expect(carla.page.get_by_role("status")).to_contain_text("The action has been saved.")

    response = nadia.press("Save")
    assert response.status == 409
    page = nadia.page
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Your changes and someone else's meet: A1 Language cafés")
    conflict = page.get_by_role("region", name="Description")
    expect(conflict.get_by_text(NADIAS)).to_be_visible()
    expect(conflict.get_by_text(CARLAS)).to_be_visible()
    # the form below the two texts still holds her text: she adds Carla's sentence to it
    description = page.get_by_role("textbox", name="Description")
    expect(description).to_have_value(f"{DESCRIPTION} {NADIAS}")
    description.fill(f"{DESCRIPTION} {CARLAS} {NADIAS}")
    nadia.press("Save this version")
    expect(page.get_by_role("status")).to_contain_text("The action has been saved.")
    expect(nadia.main).to_contain_text(f"Volunteers host them. {CARLAS} {NADIAS}")

    nadia.follow("History of A1")
    versions = nadia.main.get_by_role("listitem")
    expect(versions).to_have_count(4)
    for position, name in enumerate(("Version 3 ·", "Text submitted from version 1",
                                     "Version 2 ·", "Version 1 ·")):
        expect(versions.nth(position)).to_contain_text(name)
    expect(versions.nth(1)).to_contain_text(f"{DESCRIPTION} {NADIAS}")
    expect(versions.nth(0).locator("ins")).to_contain_text(NADIAS)
    expect(versions.nth(2).locator("ins")).to_contain_text(CARLAS)

    # adoption: Carla freezes version 1 and signs for the city, Nadia for her NGO
    carla.open(partners.plan + "/")
    carla.follow("Adoption")
    carla.press("Start adoption")
    expect(carla.page.get_by_role("status")).to_contain_text(
        "Version 1 has been frozen; every partner organisation can now sign it.")
    carla.page.get_by_label("Approve", exact=True).check()
    carla.press("Record the decision")
    expect(carla.page.get_by_role("status")).to_contain_text(
        "Your organisation's decision has been recorded.")
    nadia.open(partners.plan + "/adoption/")
    nadia.follow("Sign version 1")
    expect(page.get_by_label("Signing for")).to_have_value(
        page.get_by_role("option", name="Brücken e.V.").get_attribute("value"))
    page.get_by_label("Approve", exact=True).check()
    nadia.press("Record the decision")
    expect(page.get_by_role("status")).to_contain_text(
        "Every partner has approved: the plan is adopted.")
    decisions = nadia.main.get_by_role("table", name="Partners' decisions on version 1")
    expect(decisions.get_by_role("row", name="Brücken e.V.")).to_contain_text("Approved")
    expect(decisions.get_by_role("row", name="Stadt Köln – Integrationsbüro")).to_contain_text(
        "Approved")
    nadia.open(partners.plan + "/")
    expect(nadia.main.locator("dl.facts")).to_contain_text("Implementation")
    nadia.follow("Adoption")
    expect(nadia.main).to_contain_text("Version 1 · Adopted")

    # tracking: Nadia enters a figure, Carla approves it, and the chart draws it
    nadia.open(partners.indicator + "/")
    nadia.follow("Enter a measurement")
    nadia.fill("Date of the measurement", "2026-06-30")
    nadia.fill("Value", "148")
    nadia.fill("Female", "80")       # no figure for men this time
    nadia.fill("Narrative", "Counted at the door of every café.")
    page.get_by_label("Submit for approval").check()
    nadia.press("Save")
    expect(page.get_by_role("status")).to_contain_text(
        "The measurement has been submitted for approval.")
    chart = nadia.main.get_by_role("table", name="path from baseline to target, and approved "
                                                 "measurements", exact=False)
    expect(chart.get_by_role("row", name="Jun 30, 2026")).to_have_count(0)
    # until it is approved, the breakdown is the March one alone, drawn as bars
    expect(nadia.main.get_by_role("img", name="Sex: the approved measurement of I1 on Mar 31, "
                                               "2026")).to_be_visible()

    carla.open(partners.indicator + "/")
    review = carla.main.get_by_role("group", name="Review the measurement of Jun 30, 2026")
    review.get_by_label("Approve").check()
    carla.press("Send the review")
    expect(carla.page.get_by_role("status")).to_contain_text("The measurement has been approved.")
    chart = carla.main.get_by_role("table", name="path from baseline to target, and approved "
                                                 "measurements", exact=False)
    expect(chart.get_by_role("row", name="Jun 30, 2026")).to_contain_text("148")
    expect(carla.main.get_by_role("img", name="path from baseline to target", exact=False)
           .locator(".series-1 .chart-point")).to_have_count(2)
    # the breakdown by sex over time: a line per category, a row per date, a gap for the men
    breakdown = carla.main.get_by_role("table", name="Sex: approved measurements of I1 over time")
    expect(breakdown.get_by_role("columnheader")).to_have_text(["Date", "Female", "Male"])
    expect(breakdown.get_by_role("row", name="Mar 31, 2026").get_by_role("cell")).to_have_text(
        ["40", "30"])
    expect(breakdown.get_by_role("row", name="Jun 30, 2026").get_by_role("cell")).to_have_text(
        ["80", "–"])
    sex = carla.main.get_by_role("img", name="Sex: approved measurements of I1 over time")
    expect(sex.locator(".series-0 circle")).to_have_count(2)
    expect(sex.locator(".series-1 rect")).to_have_count(1)
    expect(carla.main.locator(".chart-legend").last.get_by_role("listitem")).to_have_text(
        ["Female", "Male"])
    # on a phone the chart keeps its text's size and scrolls sideways instead
    size = carla.page.viewport_size
    carla.page.set_viewport_size(PHONE)
    assert sex.bounding_box()["width"] >= 400
    carla.page.set_viewport_size(size)
    expect(carla.main).to_contain_text("latest approved value 148 on Jun 30, 2026")
