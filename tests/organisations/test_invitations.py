"""Inviting people into an organisation by email, and accepting the invitation."""
import html
import re

import pytest
from sqlalchemy import select

from lms.extensions import db
from lms.models import AuditEvent, Membership
from tests.helpers import PASSWORD, text


def membership_of(app, user, organisation):
    """(role, status) of `user` in `organisation`, or None."""
    with app.app_context():
        found = db.session.scalar(select(Membership).where(
            Membership.user_id == user.id, Membership.organisation_id == organisation.id))
        return (found.role, found.status) if found else None


@pytest.fixture
def club(make_user, make_organisation):
    admin = make_user(display_name="Ada Admin")
    organisation = make_organisation(name="Club", admin=admin)
    return organisation, admin


def invite(client, organisation, email, role="member"):
    return client.post(f"/organisations/{organisation.slug}/members",
                       data={"email": email, "role": role})


@pytest.mark.parametrize("role", ["member", "admin"])
def test_invited_person_accepts_and_joins_with_the_invited_role(
        app, client, auth, client_for, make_user, outbox, club, role):
    organisation, admin = club
    guest = make_user(email="guest@example.org", display_name="Gina Guest")
    auth.login(admin)
    response = invite(client, organisation, "  Guest@Example.org ", role)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/organisations/{organisation.slug}/members"
    assert "We have sent an invitation to guest@example.org." in text(
        client.get(response.headers["Location"]))

    message = outbox.last(to="guest@example.org")
    assert message["Subject"] == "You are invited to join Club"
    assert "Ada Admin invites you to join Club" in message.get_content()
    link = outbox.link(to="guest@example.org")
    assert link.startswith("/organisations/invitations/")

    guest_client = client_for(guest)
    offer = guest_client.get(link)
    assert offer.status_code == 200
    label = {"member": "Member", "admin": "Organisation admin"}[role]
    assert f"You have been invited to join this organisation as: {label}." in text(offer)
    assert membership_of(app, guest, organisation) is None      # nothing happens on GET

    accepted = guest_client.post(link)
    assert accepted.status_code == 302
    assert accepted.headers["Location"] == f"/organisations/{organisation.slug}"
    page = text(guest_client.get(accepted.headers["Location"]))
    assert "Welcome to Club." in page and "You are a member of this organisation." in page
    assert membership_of(app, guest, organisation) == (role, "active")
    managing = guest_client.get(f"/organisations/{organisation.slug}/members").status_code
    assert managing == (200 if role == "admin" else 404)

    with app.app_context():
        events = {e.event: e for e in db.session.scalars(select(AuditEvent))}
        sent = events["organisation_invitation_sent"]
        assert (sent.actor_id, sent.email, sent.details) == (
            admin.id, "guest@example.org", {"organisation": organisation.slug, "role": role})
        assert events["organisation_member_added"].subject_id == guest.id


def test_the_link_works_once(client, auth, client_for, make_user, outbox, club):
    organisation, admin = club
    guest = make_user(email="guest@example.org")
    auth.login(admin)
    invite(client, organisation, guest.email)
    link = outbox.link(to=guest.email)
    guest_client = client_for(guest)
    assert guest_client.post(link).status_code == 302
    for again in (guest_client.get(link), guest_client.post(link)):
        assert again.status_code == 400
        assert "This link has already been used." in text(again)


def test_a_tampered_link_is_not_valid(app, client, auth, client_for, make_user, outbox, club):
    organisation, admin = club
    guest = make_user(email="guest@example.org")
    auth.login(admin)
    invite(client, organisation, guest.email)
    link = outbox.link(to=guest.email)
    tampered = link[:-3] + ("aaa" if not link.endswith("aaa") else "bbb")
    guest_client = client_for(guest)
    for response in (guest_client.get(tampered), guest_client.post(tampered)):
        assert response.status_code == 400
        assert "This link is not valid." in text(response)
    assert membership_of(app, guest, organisation) is None
    assert guest_client.get(link).status_code == 200              # the real one still works


def test_an_expired_link_is_refused(app, client, auth, client_for, make_user, outbox, club,
                                    time_machine):
    time_machine.move_to("2026-03-01 09:00", tick=False)
    organisation, admin = club
    guest = make_user(email="guest@example.org")
    auth.login(admin)
    invite(client, organisation, guest.email)
    link = outbox.link(to=guest.email)
    assert "valid for 14 days" in outbox.last(to=guest.email).get_content()
    time_machine.shift(15 * 24 * 3600)
    guest_client = client_for(guest)
    response = guest_client.post(link)
    assert response.status_code == 400
    assert "This link has expired." in text(response)
    assert membership_of(app, guest, organisation) is None


def test_someone_with_another_address_cannot_use_the_invitation(
        app, client, auth, client_for, make_user, outbox, club):
    organisation, admin = club
    guest = make_user(email="guest@example.org")
    intruder = make_user(email="intruder@example.org")
    auth.login(admin)
    invite(client, organisation, guest.email, role="admin")
    link = outbox.link(to=guest.email)
    intruder_client = client_for(intruder)
    for response in (intruder_client.get(link), intruder_client.post(link)):
        assert response.status_code == 403
        assert "This invitation was sent to another email address." in text(response)
    assert membership_of(app, intruder, organisation) is None
    assert client_for(guest).post(link).status_code == 302       # still unused


def test_anonymous_visitor_is_sent_to_log_in_then_back(client, auth, make_user, outbox, club):
    organisation, admin = club
    guest = make_user(email="guest@example.org")
    auth.login(admin)
    invite(client, organisation, guest.email)
    auth.logout()
    link = outbox.link(to=guest.email)
    response = client.get(link)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/login?next={link}"
    back = auth.login(guest, query_string={"next": link})
    assert back.headers["Location"] == link
    assert "Join Club" in text(client.get(link))


def test_a_pending_request_becomes_membership_when_invited(
        app, client, auth, client_for, make_user, outbox, club):
    organisation, admin = club
    guest = make_user(email="guest@example.org")
    with app.app_context():
        db.session.add(Membership(user_id=guest.id, organisation_id=organisation.id,
                                  status="pending"))
        db.session.commit()
    auth.login(admin)
    invite(client, organisation, guest.email)
    assert client_for(guest).post(outbox.link(to=guest.email)).status_code == 302
    assert membership_of(app, guest, organisation) == ("member", "active")


def test_an_invitation_never_demotes_an_admin(app, client, auth, client_for, make_user,
                                              make_organisation, outbox):
    admin, other_admin = make_user(), make_user()
    organisation = make_organisation(admin=admin)
    with app.app_context():
        db.session.add(Membership(user_id=other_admin.id, organisation_id=organisation.id,
                                  role="admin"))
        db.session.commit()
    auth.login(admin)
    invite(client, organisation, other_admin.email, role="member")
    assert client_for(other_admin).post(outbox.link(to=other_admin.email)).status_code == 302
    assert membership_of(app, other_admin, organisation) == ("admin", "active")


@pytest.mark.parametrize(("email", "role", "field", "message"), [
    ("", "member", "email", None),
    ("not an address", "member", "email",
     "Please enter a valid email address, like name@example.org."),
    ("guest@example.org", "owner", "role", None),
])
def test_bad_invitations_show_the_error_and_send_nothing(client, auth, outbox, club, email,
                                                          role, field, message):
    organisation, admin = club
    auth.login(admin)
    response = invite(client, organisation, email, role)
    assert response.status_code == 200
    error = re.search(rf'<p class="error" id="{field}-error">(.*?)</p>',
                      response.get_data(as_text=True))
    assert error
    if message:
        assert html.unescape(error.group(1)) == message
    if email:
        assert f'value="{email}"' in response.get_data(as_text=True)
    assert outbox.messages() == []


def test_invitation_mail_speaks_the_invited_persons_language(client, auth, make_user, outbox,
                                                             club):
    organisation, admin = club
    make_user(email="gast@example.org", locale="de")
    auth.login(admin)
    invite(client, organisation, "gast@example.org")
    assert outbox.last(to="gast@example.org")["Content-Language"] == "de"


def test_someone_without_an_account_signs_up_then_accepts(app, client, auth, outbox, club):
    organisation, admin = club
    auth.login(admin)
    invite(client, organisation, "newcomer@example.org")
    auth.logout()
    link = outbox.link(to="newcomer@example.org")
    assert "Sign up with this email address first" in outbox.last(
        to="newcomer@example.org").get_content()
    client.post("/signup", data={"email": "newcomer@example.org", "display_name": "Nia",
                                 "password": PASSWORD, "confirm": PASSWORD, "locale": "en",
                                 "organisation": "0"})
    assert client.get(outbox.link(to="newcomer@example.org")).status_code == 302   # confirm
    auth.login("newcomer@example.org", query_string={"next": link})
    assert client.post(link).status_code == 302
    assert "You are a member of this organisation." in text(
        client.get(f"/organisations/{organisation.slug}"))
