"""Managing who belongs to an organisation: requests, roles, removal, leaving."""
import re

import pytest
from sqlalchemy import select

from lms.extensions import db
from lms.models import AuditEvent, Membership, User
from tests.helpers import PASSWORD, Auth, text

LAST_ADMIN = "An organisation needs at least one admin. Make someone else admin first."


def membership_of(app, user, organisation):
    """(role, status) of `user` in `organisation`, or None."""
    with app.app_context():
        found = db.session.scalar(select(Membership).where(
            Membership.user_id == user.id, Membership.organisation_id == organisation.id))
        return (found.role, found.status) if found else None


def membership_id(app, user, organisation):
    with app.app_context():
        return db.session.scalar(select(Membership.id).where(
            Membership.user_id == user.id, Membership.organisation_id == organisation.id))


def events(app, name):
    with app.app_context():
        found = db.session.scalars(select(AuditEvent).where(AuditEvent.event == name)).all()
        for event in found:
            db.session.expunge(event)
        return found


def add_membership(app, user, organisation, role="member", status="active"):
    with app.app_context():
        db.session.add(Membership(user_id=user.id, organisation_id=organisation.id, role=role,
                                  status=status))
        db.session.commit()


@pytest.fixture
def club(make_user, make_organisation):
    admin = make_user(display_name="Ada Admin")
    member = make_user(display_name="Mo Member", email="mo@example.org")
    organisation = make_organisation(name="Club", admin=admin, members=[member])
    return organisation, admin, member


def action(organisation, membership, verb):
    return f"/organisations/{organisation.slug}/members/{membership}/{verb}"


def ask_to_join_at_sign_up(app, outbox, organisation, email="nia@example.org"):
    """A newcomer signs up, choosing the organisation, and confirms the address."""
    visitor = app.test_client()
    response = visitor.post("/signup", data={
        "email": email, "display_name": "Nia Newcomer", "password": PASSWORD,
        "confirm": PASSWORD, "locale": "en", "organisation": str(organisation.id)})
    assert response.status_code == 302
    assert visitor.get(outbox.link(to=email)).status_code == 302
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        db.session.expunge(user)
    assert Auth(visitor).login(user).status_code == 302
    return user, visitor


def test_sign_up_request_waits_for_an_admin_and_is_approved(app, client, auth, outbox, club):
    organisation, admin, _member = club
    newcomer, newcomer_client = ask_to_join_at_sign_up(app, outbox, organisation)
    assert membership_of(app, newcomer, organisation) == ("member", "pending")
    own_view = text(newcomer_client.get(f"/organisations/{organisation.slug}"))
    assert "You have asked to join; an admin of this organisation will confirm." in own_view
    assert "Ada Admin" not in own_view                   # not a member yet

    auth.login(admin)
    page = text(client.get(f"/organisations/{organisation.slug}/members"))
    assert "Asking to join Nia Newcomer (nia@example.org)" in page
    response = client.post(action(organisation, membership_id(app, newcomer, organisation),
                                  "approve"), follow_redirects=True)
    assert "Nia Newcomer is now a member." in text(response)
    assert "Asking to join" not in text(response)
    assert membership_of(app, newcomer, organisation) == ("member", "active")
    assert "You are a member of this organisation." in text(
        newcomer_client.get(f"/organisations/{organisation.slug}"))
    added = events(app, "organisation_member_added")
    assert [(e.subject_id, e.actor_id) for e in added] == [(newcomer.id, admin.id)]


def test_approving_twice_adds_the_person_once(app, client, auth, outbox, club):
    organisation, admin, _member = club
    newcomer, _ = ask_to_join_at_sign_up(app, outbox, organisation)
    auth.login(admin)
    approve = action(organisation, membership_id(app, newcomer, organisation), "approve")
    client.post(approve)
    client.post(approve)
    assert len(events(app, "organisation_member_added")) == 1


def test_an_admin_declines_a_request(app, client, auth, outbox, club):
    organisation, admin, _member = club
    newcomer, newcomer_client = ask_to_join_at_sign_up(app, outbox, organisation)
    auth.login(admin)
    response = client.post(action(organisation, membership_id(app, newcomer, organisation),
                                  "remove"), follow_redirects=True)
    assert response.status_code == 200
    assert "You have declined the request of Nia Newcomer to join." in text(response)
    assert "Asking to join" not in text(response)
    assert membership_of(app, newcomer, organisation) is None
    own_view = text(newcomer_client.get(f"/organisations/{organisation.slug}"))
    assert "You have asked to join" not in own_view


def test_a_pending_person_can_withdraw(app, outbox, club):
    organisation = club[0]
    newcomer, newcomer_client = ask_to_join_at_sign_up(app, outbox, organisation)
    response = newcomer_client.post(f"/organisations/{organisation.slug}/leave")
    assert response.status_code == 302
    assert membership_of(app, newcomer, organisation) is None


def test_members_page_lists_members_with_their_roles(client, auth, club):
    organisation, admin, _member = club
    auth.login(admin)
    page = client.get(f"/organisations/{organisation.slug}/members").get_data(as_text=True)
    rows = re.findall(r"<tr>\s*<td>([^<]+)</td>\s*<td>([^<]+)</td>.*?"
                      r'<option value="(\w+)" selected>', page, re.S)
    assert rows == [("Ada Admin", admin.email, "admin"), ("Mo Member", "mo@example.org",
                                                          "member")]


def test_an_admin_removes_a_member(app, client, auth, client_for, club):
    organisation, admin, member = club
    member_client = client_for(member)
    auth.login(admin)
    response = client.post(action(organisation, membership_id(app, member, organisation),
                                  "remove"), follow_redirects=True)
    assert "Mo Member is no longer a member." in text(response)
    assert "mo@example.org" not in text(response)
    assert membership_of(app, member, organisation) is None
    page = text(member_client.get(f"/organisations/{organisation.slug}"))
    assert "You are a member" not in page and "Ada Admin" not in page
    removed = events(app, "organisation_member_removed")
    assert [(e.subject_id, e.actor_id, e.details) for e in removed] == [
        (member.id, admin.id, {"organisation": organisation.slug})]


def test_an_admin_makes_a_member_admin(app, client, auth, client_for, club):
    organisation, admin, member = club
    auth.login(admin)
    response = client.post(action(organisation, membership_id(app, member, organisation),
                                  "role"), data={"role": "admin"}, follow_redirects=True)
    assert "The role of Mo Member has been changed." in text(response)
    assert membership_of(app, member, organisation) == ("admin", "active")
    assert client_for(member).get(f"/organisations/{organisation.slug}/members"
                                  ).status_code == 200
    changed = events(app, "role_changed")
    assert [(e.subject_id, e.actor_id, e.details) for e in changed] == [
        (member.id, admin.id, {"scope": f"organisation:{organisation.slug}", "old": "member",
                               "new": "admin"})]


def test_choosing_the_same_role_records_no_change(app, client, auth, club):
    organisation, admin, member = club
    auth.login(admin)
    client.post(action(organisation, membership_id(app, member, organisation), "role"),
                data={"role": "member"})
    assert events(app, "role_changed") == []


def test_an_unknown_role_changes_nothing(app, client, auth, club):
    organisation, admin, member = club
    auth.login(admin)
    response = client.post(action(organisation, membership_id(app, member, organisation),
                                  "role"), data={"role": "owner"})
    assert response.status_code == 302
    assert membership_of(app, member, organisation) == ("member", "active")


def test_one_of_two_admins_steps_down_and_lands_on_the_organisation(app, client, auth, club):
    organisation, admin, member = club
    with app.app_context():
        db.session.get(Membership, membership_id(app, member, organisation)).role = "admin"
        db.session.commit()
    auth.login(admin)
    response = client.post(action(organisation, membership_id(app, admin, organisation), "role"),
                           data={"role": "member"})
    assert response.headers["Location"] == f"/organisations/{organisation.slug}"
    page = client.get(response.headers["Location"])
    assert page.status_code == 200
    assert "The role of Ada Admin has been changed." in text(page)
    assert membership_of(app, admin, organisation) == ("member", "active")


def test_an_admin_who_removes_themselves_lands_on_the_organisation(app, client, auth, club):
    organisation, admin, member = club
    with app.app_context():
        db.session.get(Membership, membership_id(app, member, organisation)).role = "admin"
        db.session.commit()
    auth.login(admin)
    response = client.post(action(organisation, membership_id(app, admin, organisation),
                                  "remove"))
    assert response.headers["Location"] == f"/organisations/{organisation.slug}"
    assert "Ada Admin is no longer a member." in text(client.get(response.headers["Location"]))
    assert membership_of(app, admin, organisation) is None


@pytest.mark.parametrize("who", ["org_admin", "site_admin"])
@pytest.mark.parametrize("attempt", ["remove", "demote"])
def test_the_last_admin_cannot_be_removed_or_demoted(app, client, auth, make_user, club, who,
                                                     attempt):
    organisation, admin, _member = club
    auth.login(admin if who == "org_admin" else make_user(role="admin"))
    target = membership_id(app, admin, organisation)
    if attempt == "remove":
        response = client.post(action(organisation, target, "remove"), follow_redirects=True)
    else:
        response = client.post(action(organisation, target, "role"), data={"role": "member"},
                               follow_redirects=True)
    assert response.status_code == 200
    assert LAST_ADMIN in text(response)
    assert membership_of(app, admin, organisation) == ("admin", "active")
    assert events(app, "organisation_member_removed") == events(app, "role_changed") == []


def test_the_last_admin_cannot_leave(app, client, auth, club):
    organisation, admin, _member = club
    auth.login(admin)
    response = client.post(f"/organisations/{organisation.slug}/leave", follow_redirects=True)
    assert LAST_ADMIN in text(response)
    assert membership_of(app, admin, organisation) == ("admin", "active")


def test_a_member_leaves(app, client, auth, club):
    organisation, _admin, member = club
    auth.login(member)
    response = client.post(f"/organisations/{organisation.slug}/leave", follow_redirects=True)
    page = text(response)
    assert "You have left Club." in page
    assert "You are a member of this organisation." not in page and "Ada Admin" not in page
    assert membership_of(app, member, organisation) is None


def test_leaving_an_organisation_one_is_not_in_is_404(client, auth, make_user, club):
    auth.login(make_user())
    assert client.post(f"/organisations/{club[0].slug}/leave").status_code == 404
    assert client.post("/organisations/nowhere/leave").status_code == 404


def test_leaving_needs_a_log_in(client, club):
    response = client.post(f"/organisations/{club[0].slug}/leave")
    assert response.headers["Location"] == f"/login?next=/organisations/{club[0].slug}/leave"


MEMBER_ACTIONS = [("approve", {}), ("role", {"role": "admin"}), ("remove", {})]


@pytest.mark.parametrize(("verb", "data"), MEMBER_ACTIONS)
@pytest.mark.parametrize(("who", "status"), [
    ("anonymous", 302), ("outsider", 404), ("member", 404), ("trainer", 404),
    ("org_admin", 302), ("site_admin", 302)])
def test_who_may_manage_members(app, client, auth, make_user, club, verb, data, who, status):
    organisation, admin, member = club
    newcomer = make_user()
    add_membership(app, newcomer, organisation, status="pending")
    person = {"anonymous": None, "outsider": make_user(), "member": member,
              "trainer": make_user(role="trainer"), "org_admin": admin,
              "site_admin": make_user(role="admin")}[who]
    if person is not None:
        auth.login(person)
    path = action(organisation, membership_id(app, newcomer, organisation), verb)
    response = client.post(path, data=data)
    assert response.status_code == status
    if who == "anonymous":
        assert response.headers["Location"] == f"/login?next={path}"
    changed = membership_of(app, newcomer, organisation) != ("member", "pending")
    assert changed is (who in ("org_admin", "site_admin"))


@pytest.mark.parametrize(("verb", "data"), MEMBER_ACTIONS)
def test_a_membership_of_another_organisation_is_404(app, client, auth, make_user,
                                                     make_organisation, club, verb, data):
    organisation, admin, _member = club
    stranger = make_user()
    elsewhere = make_organisation(admin=make_user(), members=[stranger])
    auth.login(admin)
    response = client.post(action(organisation, membership_id(app, stranger, elsewhere), verb),
                           data=data)
    assert response.status_code == 404
    assert membership_of(app, stranger, elsewhere) == ("member", "active")


@pytest.mark.parametrize("number", [987654, 2 ** 31, 2 ** 63])
@pytest.mark.parametrize(("verb", "data"), MEMBER_ACTIONS)
def test_an_unknown_membership_is_404(client, auth, club, number, verb, data):
    organisation, admin, _member = club
    auth.login(admin)
    assert client.post(action(organisation, number, verb), data=data).status_code == 404


@pytest.mark.parametrize("verb", ["approve", "role", "remove"])
def test_member_actions_need_post(client, auth, club, verb):
    organisation, admin, _member = club
    auth.login(admin)
    assert client.get(action(organisation, 1, verb)).status_code == 405


@pytest.mark.parametrize("count", [10, 20])
def test_members_page_runs_a_fixed_number_of_queries(app, client, auth, make_user,
                                                     make_organisation, count_queries, count):
    admin = make_user()
    people = [make_user() for _ in range(count)]
    organisation = make_organisation(admin=admin, members=people)
    for _ in range(count // 2):
        add_membership(app, make_user(), organisation, status="pending")
    auth.login(admin)
    client.get(f"/organisations/{organisation.slug}/members")
    with count_queries() as counter:
        page = text(client.get(f"/organisations/{organisation.slug}/members"))
    assert all(person.email in page for person in people)
    assert page.count("Accept") == count // 2
    # the session, the person, the organisation, the admin check, members, requests
    assert counter.count == 5


def test_member_forms_carry_their_csrf_token(app_factory, make_user, make_organisation):
    """With CSRF protection on, the buttons on the members page still work."""
    app = app_factory(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    admin, member = make_user(), make_user(display_name="Mo Member")
    organisation = make_organisation(admin=admin, members=[member])
    login_page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', login_page).group(1)
    client.post("/login", data={"email": admin.email, "password": PASSWORD, "csrf_token": token})
    page = client.get(f"/organisations/{organisation.slug}/members").get_data(as_text=True)
    target = membership_id(app, member, organisation)
    for verb, data in (("role", {"role": "admin"}), ("remove", {})):
        form = re.search(rf'<form method="post" action="{action(organisation, target, verb)}"'
                         r'.*?name="csrf_token" value="([^"]+)"', page, re.S)
        assert form, verb
        response = client.post(action(organisation, target, verb),
                               data={**data, "csrf_token": form.group(1)})
        assert response.status_code == 302, verb
    assert membership_of(app, member, organisation) is None
    assert client.post(f"/organisations/{organisation.slug}/leave").status_code == 400
