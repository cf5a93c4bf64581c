"""A coordinator starts a network and invites a partner, who signs up through the link: Chromium."""
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Visitor

pytestmark = pytest.mark.browser

INVITEE = "nadia@bruecken.example.org"
INVITEE_PASSWORD = "lantern orchard pebble tuesday"


def test_coordinator_creates_a_network_invites_a_partner_and_changes_the_role(
        visitor, new_page, live_server, outbox, make_user, make_organisation):
    coordinator = make_user(display_name="Carla Coordinator")
    make_organisation(name="Stadt Köln – Integrationsbüro", admin=coordinator,
                      kind="public_authority")
    make_organisation(name="Brücken e.V.", kind="ngo")
    page = visitor.page

    visitor.log_in(coordinator.email)
    visitor.follow("Networks", within=visitor.header)
    visitor.follow("Start a network")
    visitor.fill("Name", "Kölner Netzwerk Ankommen")
    visitor.fill("Region or city", "Köln")
    page.get_by_label("Country").select_option("DE")
    visitor.fill("Description", "Partners of **Köln** working together.")
    page.get_by_label("Housing").check()
    visitor.press("Start the network")
    expect(page.get_by_role("status")).to_contain_text("The network has been created.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kölner Netzwerk Ankommen")

    visitor.follow("Manage members")
    visitor.fill("Email address of the person to invite", INVITEE)
    page.get_by_label("Role in the network").select_option(label="Editor")
    page.get_by_label("Organisation they act for").select_option(label="Brücken e.V.")
    visitor.press("Send invitation")
    expect(page.get_by_role("status")).to_contain_text(f"We have sent an invitation to {INVITEE}.")

    invitee = Visitor(new_page(), live_server)
    invitee.open(outbox.link(to=INVITEE))
    expect(invitee.main).to_contain_text("You have been invited to join this network as Editor, "
                                         "for Brücken e.V.")
    invitee.fill("Your name", "Nadia Nour")
    invitee.fill("Password", INVITEE_PASSWORD)
    invitee.fill("Repeat the password", INVITEE_PASSWORD)
    invitee.press("Create my account and join")
    expect(invitee.page.get_by_role("status")).to_contain_text(
        "Welcome to Kölner Netzwerk Ankommen.")
    expect(invitee.main).to_contain_text("Your role: Editor.")
    directory = invitee.main.get_by_role("table", name="Member organisations")
    expect(directory.get_by_role("row", name="Brücken e.V. NGO")).to_be_visible()
    by_type = invitee.main.get_by_role("table", name="Member organisations by type")
    expect(by_type.get_by_role("row", name="NGO 1")).to_be_visible()
    expect(invitee.main.get_by_role("img", name="Member organisations by type")).to_be_visible()

    visitor.open(page.url)
    page.get_by_label("Role of Nadia Nour").select_option(label="Contributor")
    visitor.press("Change the role of Nadia Nour")
    expect(page.get_by_role("status")).to_contain_text(
        "The role of Nadia Nour is now: Contributor.")

    invitee.open(invitee.page.url)
    expect(invitee.main).to_contain_text("Your role: Contributor.")
    expect(invitee.main.get_by_role("list").filter(has_text="changed the role of Nadia Nour")
           ).to_be_visible()
