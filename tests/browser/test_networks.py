"""A coordinator starts a network and invites a partner, who signs up through the link: Chromium."""
import pytest
from playwright.sync_api import expect

from tests.helpers.browser import Visitor

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


def test_every_page_of_a_network_passes_axe_and_fits_a_phone(
        visitor, new_page, live_server, make_network, outsider):
    network = make_network()
    phone = Visitor(new_page(viewport={"width": 360, "height": 740}), live_server)
    phone.log_in(network.people["coordinator"].email)
    people = phone.open(f"/networks/{network.slug}/people")
    assert people.status == 200
    themes_link = phone.main.get_by_role("link", name="Edit the themes of Editor Organisation")
    paths = [f"/networks/{network.slug}", f"/networks/{network.slug}/activity",
             f"/networks/{network.slug}/edit", themes_link.get_attribute("href"),
             "/networks/", "/networks/organisations", "/networks/invitations/not-a-token",
             f"/organisations/{network.organisations['editor'].slug}"]
    for path in paths:
        phone.open(path)
        assert phone.page.evaluate(
            "document.documentElement.scrollWidth <= window.innerWidth"), path
    phone.open("/networks/new")
    phone.press("Start the network")
    expect(phone.main.get_by_text("Please enter the network's name.")).to_be_visible()

    visitor.log_in(outsider.user.email)
    visitor.open(f"/networks/{network.slug}")
    visitor.follow("Ask to join")
    visitor.fill("Message to the coordinators", "We run a volunteer tandem programme.")
    visitor.press("Send the request")
    expect(visitor.page.get_by_role("status")).to_contain_text("Your request has been sent.")
    phone.open(f"/networks/{network.slug}/people")
    expect(phone.main).to_contain_text("We run a volunteer tandem programme.")
