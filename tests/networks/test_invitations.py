"""Invitations by email: a signed, expiring, single-use link that can create the account."""
from datetime import timedelta

import pytest
import time_machine
from sqlalchemy import func, select

from lms.extensions import db
from lms.models import AuditEvent, Invitation, Membership, Organisation, User
from lms.timeutil import utcnow
from networks.models import Person
from tests.helpers import text

NEW_PASSWORD = "lantern orchard pebble tuesday"


def invite(client, network, email, role="editor", organisation=0, name="", kind="ngo"):
    return client.post(f"/networks/{network.slug}/people", data={
        "email": email, "role": role, "organisation": str(organisation),
        "organisation_name": name, "organisation_kind": kind})


def role_of(app, network, email):
    with app.app_context():
        return db.session.scalar(select(Person.role).join(User, User.id == Person.user_id).where(
            Person.network_id == network.id, User.email == email))


def test_a_new_person_signs_up_through_the_link_and_joins(app, client, auth, network, outbox,
                                                          outsider):
    auth.login(network.people["coordinator"])
    response = invite(client, network, " Nadia@Example.org ", "editor",
                      organisation=outsider.organisation.id)
    assert response.status_code == 302
    assert "We have sent an invitation to nadia@example.org." in text(
        client.get(response.location))
    message = outbox.last(to="nadia@example.org")
    assert message["Subject"] == "You are invited to join the network Rheinland Welcome Network"
    assert "as Editor, for Outside Organisation" in message.get_content()
    link = outbox.link(to="nadia@example.org")
    auth.logout()

    offer = client.get(link)
    assert offer.status_code == 200
    assert "You have been invited to join this network as Editor, for Outside Organisation." \
        in text(offer)
    response = client.post(link, data={"display_name": "Nadia Nour", "password": NEW_PASSWORD,
                                       "confirm": NEW_PASSWORD, "locale": "en"})
    assert response.status_code == 302
    assert response.location == f"/networks/{network.slug}"
    page = text(client.get(response.location))
    assert "Welcome to Rheinland Welcome Network." in page and "Your role: Editor." in page
    assert role_of(app, network, "nadia@example.org") == "editor"
    with app.app_context():
        nadia = db.session.scalar(select(User).where(User.email == "nadia@example.org"))
        assert nadia.is_verified and nadia.display_name == "Nadia Nour"
        assert db.session.scalar(select(Membership.status).where(
            Membership.user_id == nadia.id,
            Membership.organisation_id == outsider.organisation.id)) == "active"
        events = set(db.session.scalars(select(AuditEvent.event)))
    assert {"network_invitation_sent", "network_invitation_accepted", "signup",
            "organisation_member_added", "network_person_added",
            "network_organisation_added"} <= events
    assert "Nadia Nour has accepted your invitation" in outbox.last(
        to=network.people["coordinator"].email).get_content()
    auth.logout()
    assert auth.login("nadia@example.org", NEW_PASSWORD).status_code == 302


def test_accepting_can_create_the_named_organisation(app, client, auth, network, outbox):
    auth.login(network.people["coordinator"])
    invite(client, network, "ines@example.org", "viewer", name="Integrationsrat Köln",
           kind="migrant_organisation")
    link = outbox.link(to="ines@example.org")
    auth.logout()
    client.post(link, data={"display_name": "Ines", "password": NEW_PASSWORD,
                            "confirm": NEW_PASSWORD, "locale": "de"})
    with app.app_context():
        organisation = db.session.scalar(select(Organisation).where(
            Organisation.name == "Integrationsrat Köln"))
        assert (organisation.kind, organisation.country, organisation.region) == \
            ("migrant_organisation", "DE", "Köln")
        assert db.session.scalar(select(Membership.role).where(
            Membership.organisation_id == organisation.id)) == "admin"
    assert role_of(app, network, "ines@example.org") == "viewer"


def test_someone_with_an_account_logs_in_and_accepts(app, client, auth, network, outbox,
                                                     outsider):
    auth.login(network.people["coordinator"])
    invite(client, network, outsider.user.email, "contributor",
           organisation=outsider.organisation.id)
    link = outbox.link(to=outsider.user.email)
    auth.logout()
    page = text(client.get(link))
    assert "There is already an account for" in page and "Log in to accept" in page
    auth.login(outsider.user)
    assert "Accept the invitation" in text(client.get(link))
    assert client.post(link).status_code == 302
    assert role_of(app, network, outsider.user.email) == "contributor"


def test_an_invitation_for_someone_else_is_refused(app, client, auth, network, outbox, outsider):
    auth.login(network.people["coordinator"])
    invite(client, network, "third@example.org", organisation=outsider.organisation.id)
    link = outbox.link(to="third@example.org")
    auth.logout()
    auth.login(outsider.user)
    response = client.post(link)
    assert response.status_code == 403
    assert "This invitation was sent to another email address." in text(response)
    assert role_of(app, network, outsider.user.email) is None


def test_inviting_an_existing_member_is_explained_and_changes_nothing(app, client, auth,
                                                                       network, outbox):
    auth.login(network.people["coordinator"])
    response = invite(client, network, network.people["viewer"].email, name="X")
    assert response.status_code == 200
    assert f"{network.people['viewer'].email} is already a member of this network." in text(
        response)
    assert outbox.messages() == []
    with app.app_context():
        assert db.session.scalar(select(func.count(Invitation.id))) == 0


def test_inviting_twice_is_explained_until_the_first_is_withdrawn(app, client, auth, network,
                                                                  outbox):
    auth.login(network.people["coordinator"])
    invite(client, network, "twice@example.org", name="X")
    response = invite(client, network, "twice@example.org", name="X")
    assert "twice@example.org has already been invited" in text(response)
    first = outbox.link(to="twice@example.org")
    with app.app_context():
        invitation_id = db.session.scalar(select(Invitation.id))
    response = client.post(f"/networks/{network.slug}/invitations/{invitation_id}/withdraw",
                           follow_redirects=True)
    assert "The invitation to twice@example.org has been withdrawn." in text(response)
    notice = outbox.last(to="twice@example.org")
    assert notice["Subject"] == "Your invitation to Rheinland Welcome Network"
    assert "Coordinator Person has withdrawn your invitation" in notice.get_content()
    assert invite(client, network, "twice@example.org", name="X").status_code == 302
    auth.logout()
    assert "This link has already been used." in text(client.get(first))


def test_an_address_in_a_refusal_is_text_not_markup(client, auth, network):
    """An address may hold & and ' (valid in its local part): the refusal escapes them."""
    auth.login(network.people["coordinator"])
    invite(client, network, "o'neil&co@example.org", name="X")
    raw = invite(client, network, "o'neil&co@example.org", name="X").get_data(as_text=True)
    assert 'id="email-error">o&#39;neil&amp;co@example.org has already been invited' in raw

def test_an_invitation_needs_an_organisation(app, client, auth, network, outbox):
    auth.login(network.people["coordinator"])
    response = invite(client, network, "x@example.org", name="")
    assert "Please choose an organisation above or name a new one." in text(response)
    assert outbox.messages() == []


@pytest.mark.parametrize("problem", ["expired", "reused", "tampered"])
def test_broken_links_get_a_clear_page(app, client, auth, network, outbox, outsider, problem):
    auth.login(network.people["coordinator"])
    invite(client, network, "late@example.org", organisation=outsider.organisation.id)
    link = outbox.link(to="late@example.org")
    auth.logout()
    form = {"display_name": "Late", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD,
            "locale": "en"}
    expected = {"expired": "This link has expired.", "reused": "This link has already been used.",
                "tampered": "This link is not valid."}[problem]
    if problem == "expired":
        with time_machine.travel(utcnow() + timedelta(days=15), tick=False):
            response = client.post(link, data=form)
    elif problem == "reused":
        client.post(link, data=form)
        auth.logout()
        response = client.get(link)
    else:
        response = client.get(link[:-3] + ("abc" if not link.endswith("abc") else "xyz"))
    assert response.status_code == 400
    assert expected in text(response)
    with app.app_context():
        assert db.session.scalar(select(func.count(User.id)).where(
            User.email == "late@example.org")) == (1 if problem == "reused" else 0)


def test_a_weak_password_is_explained_and_nothing_is_made(app, client, auth, network, outbox):
    auth.login(network.people["coordinator"])
    invite(client, network, "weak@example.org", name="Weak Org")
    link = outbox.link(to="weak@example.org")
    auth.logout()
    response = client.post(link, data={"display_name": "Wendy", "password": "password",
                                       "confirm": "password", "locale": "en"})
    assert response.status_code == 200
    assert 'value="Wendy"' in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(User.id).where(User.email == "weak@example.org")) is None


def test_the_invitation_comes_in_the_language_the_coordinator_chose(app, client, auth, network,
                                                                    outbox):
    auth.login(network.people["coordinator"])
    client.post(f"/networks/{network.slug}/people", data={
        "email": "giulia@example.org", "role": "viewer", "locale": "it", "organisation": "0",
        "organisation_name": "Cooperativa Ponte", "organisation_kind": "ngo"})
    message = outbox.last(to="giulia@example.org")
    assert message["Subject"] == "Sei invitato a entrare nella rete Rheinland Welcome Network"
    link = outbox.link(to="giulia@example.org")
    auth.logout()
    page = client.get(link).get_data(as_text=True)
    assert '<option selected value="it">Italiano</option>' in page
