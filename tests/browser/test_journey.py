"""A newcomer signs up, confirms, logs in, switches language, resets the password: in Chromium."""
import pytest
from playwright.sync_api import expect

from tests.helpers.browser import Visitor

pytestmark = pytest.mark.browser

EMAIL = "amina@example.org"
NAME = "Amina Yilmaz"
FIRST_PASSWORD = "lantern orchard pebble tuesday"
NEW_PASSWORD = "copper kettle violin meadow"


def test_newcomer_signs_up_confirms_logs_in_and_resets_the_password(visitor, outbox):
    page = visitor.page
    visitor.open("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Learn and work together")

    visitor.follow("Sign up", within=visitor.header)
    expect(page.get_by_role("heading", name="Create your account")).to_be_visible()
    visitor.fill("Email address", EMAIL)
    visitor.fill("Your name", NAME)
    visitor.fill("Password", FIRST_PASSWORD)
    visitor.fill("Repeat the password", FIRST_PASSWORD)
    visitor.press("Sign up")
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    expect(visitor.main).to_contain_text(EMAIL)

    visitor.open(outbox.link(to=EMAIL))
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("your email address is confirmed")

    visitor.log_in(EMAIL, FIRST_PASSWORD)
    expect(visitor.header.get_by_role("link", name=NAME)).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text(f"Welcome back, {NAME}.")

    switch_to_german_and_back(visitor)

    visitor.press("Log out")
    expect(page.get_by_role("status")).to_contain_text("You have logged out.")
    expect(visitor.header.get_by_role("link", name=NAME)).to_have_count(0)

    visitor.follow("Log in", within=visitor.header)
    visitor.follow("Forgot your password?")
    visitor.fill("Email address", EMAIL)
    visitor.press("Send the link")
    expect(page.get_by_role("status")).to_contain_text(f"If an account exists for {EMAIL}")

    visitor.open(outbox.link(to=EMAIL))
    expect(page.get_by_role("heading", name="Choose a new password")).to_be_visible()
    visitor.fill("Password", NEW_PASSWORD)
    visitor.fill("Repeat the password", NEW_PASSWORD)
    visitor.press("Save the new password")
    expect(page.get_by_role("status")).to_contain_text("Your password has been changed.")

    visitor.log_in(EMAIL, NEW_PASSWORD)
    expect(visitor.header.get_by_role("link", name=NAME)).to_be_visible()
    visitor.press("Log out")
    expect(visitor.header.get_by_role("link", name="Log in")).to_be_visible()


def switch_to_german_and_back(visitor):
    page = visitor.page
    visitor.follow("Deutsch", within=visitor.header)
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(visitor.header.get_by_role("button", name="Abmelden")).to_be_visible()
    expect(visitor.header.get_by_role("link", name="Organisationen")).to_be_visible()

    visitor.follow("English", within=visitor.header)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(visitor.header.get_by_role("button", name="Log out")).to_be_visible()


def test_wrong_password_is_explained_in_the_form_and_the_email_kept(visitor, make_user):
    user = make_user()
    response = visitor.log_in(user.email, "not the password at all")
    assert response.status == 200
    form = visitor.main.locator("form")
    expect(form.get_by_role("alert")).to_have_text("The email address or password is not correct.")
    expect(form.get_by_label("Email address")).to_have_value(user.email)
    expect(form.get_by_label("Password", exact=True)).to_have_value("")
    expect(visitor.header.get_by_role("link", name=user.display_name)).to_have_count(0)


def test_phone_sized_pages_do_not_scroll_sideways_and_the_skip_link_works(new_page,
                                                                           live_server):
    phone = Visitor(new_page(viewport={"width": 360, "height": 740}), live_server)
    page = phone.page

    phone.open("/")
    assert page_width(page) <= 360
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).not_to_be_in_viewport()
    page.keyboard.press("Tab")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(phone.main).to_be_focused()

    phone.follow("Sign up", within=phone.header)
    assert page_width(page) <= 360
    phone.press("Sign up")   # empty: every field shows its error
    expect(page.get_by_role("alert")).to_be_visible()
    assert page_width(page) <= 360


def page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")
