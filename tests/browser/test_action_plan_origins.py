"""A coordinator starts a plan from a published good-practice blueprint, sees the suggested
partners of its actions and makes an adopted plan public: Chromium, axe on every page."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_plan_starts_from_a_blueprint_and_an_adopted_plan_is_made_public(
        visitor, network, make_blueprint, make_adopted_plan):
    make_blueprint()
    adopted = make_adopted_plan("Adopted Inclusion Plan", visibility="network")
    page = visitor.page
    visitor.log_in(network.people["coordinator"].email)
    visitor.open("/action-plans/new")
    visitor.fill("Title", "Welcome Plan")
    visitor.fill("Start of the period", "2027-01-01")
    visitor.fill("End of the period", "2029-12-31")
    page.get_by_label("A good-practice blueprint").check()
    page.get_by_label("Good-practice blueprint", exact=True).select_option(
        label="One-stop shop for newcomers")
    visitor.press("Start the plan")
    expect(page.get_by_role("status")).to_contain_text("its steps are planned actions now")
    visitor.follow("A1 Map what exists")
    expect(page.get_by_role("main")).to_contain_text("Public authority or municipality")

    visitor.open(f"/action-plans/{adopted.slug}/adoption/")
    page.get_by_role("combobox", name="Who can read it").select_option(label="Everyone, once adopted")
    visitor.press("Save who can read it")
    expect(page.get_by_role("main")).to_contain_text("The adopted plan is public")
    visitor.follow("Publish as open educational resource")
