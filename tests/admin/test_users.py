"""The people list, one person's page, site roles, deactivation and reactivation."""
import html
import re

import pytest
from sqlalchemy import select

from lms.extensions import db
from lms.models import AuditEvent, ServerSession, User
from tests.helpers import PASSWORD, Auth, text

GENERIC = "The email address or password is not correct."


def rows(response):
    """(name, email, role, status) for each person in the people table."""
    body = response.get_data(as_text=True).split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", c)).split())
                 for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        if len(cells) == 4:
            found.append(tuple(cells))
    return found


def stored(app, user):
    with app.app_context():
        found = db.session.get(User, user.id)
        db.session.expunge(found)
        return found


def events(app, name):
    with app.app_context():
        found = db.session.scalars(select(AuditEvent).where(AuditEvent.event == name)
                                   .order_by(AuditEvent.id)).all()
        for event in found:
            db.session.expunge(event)
        return found


@pytest.fixture
def admin(client, auth, make_user):
    person = make_user(role="admin", display_name="Ada Admin", email="ada@example.org")
    auth.login(person)
    return person


def test_people_list_shows_role_and_status(client, make_user, admin):
    make_user(role="trainer", display_name="Tom Trainer", email="tom@example.org")
    make_user(display_name="Ulla Unconfirmed", email="ulla@example.org", verified=False)
    make_user(display_name="Dana Deactivated", email="dana@example.org", active=False)
    response = client.get("/admin/users")
    assert response.status_code == 200
    assert rows(response) == [
        ("Ada Admin", "ada@example.org", "Admin", "Active"),
        ("Dana Deactivated", "dana@example.org", "Learner", "Deactivated"),
        ("Tom Trainer", "tom@example.org", "Trainer", "Active"),
        ("Ulla Unconfirmed", "ulla@example.org", "Learner", "Email not confirmed"),
    ]


@pytest.fixture
def people(make_user):
    make_user(display_name="Zeynep Yılmaz", email="zeynep@example.org")
    make_user(display_name="Marco Rossi", email="marco.rossi@comune.example.it")
    make_user(display_name="Anna Schmidt", email="anna@verein.example.de")


@pytest.mark.parametrize(("query", "names"), [
    ("rossi", ["Marco Rossi"]),
    ("SCHMIDT", ["Anna Schmidt"]),
    ("verein.example", ["Anna Schmidt"]),
    ("  zeynep@  ", ["Zeynep Yılmaz"]),
    ("example.org", ["Ada Admin", "Zeynep Yılmaz"]),
    ("%", []),
    ("_", []),
])
def test_search_by_name_or_email(client, admin, people, query, names):
    response = client.get("/admin/users", query_string={"q": query})
    assert [row[0] for row in rows(response)] == names
    if not names:
        assert "Nobody matches your search." in text(response)


def test_people_list_pages_through_many_accounts(app, client, admin):
    with app.app_context():
        for number in range(60):
            db.session.add(User(email=f"p{number:02d}@example.org",
                                display_name=f"Person {number:02d}", password_hash="x"))
        db.session.commit()
    first = client.get("/admin/users?q=person")
    assert [row[0] for row in rows(first)] == [f"Person {n:02d}" for n in range(50)]
    second = client.get("/admin/users?q=person&page=2")
    assert [row[0] for row in rows(second)] == [f"Person {n:02d}" for n in range(50, 60)]
    assert "Next page" in text(first) and "Next page" not in text(second)
    for odd in ("0", "-1", "x", "99999999999999999999999"):
        assert client.get(f"/admin/users?page={odd}").status_code == 200


def test_a_persons_page(client, make_user, admin):
    person = make_user(display_name="Lea Learner", email="lea@example.org")
    Auth(client.application.test_client()).login(person)
    page = text(client.get(f"/admin/users/{person.id}"))
    assert "Lea Learner" in page and "lea@example.org" in page
    assert "Status Active" in page
    assert "Recent events" in page and "Logged in" in page
    assert re.search(r'<option selected value="learner">',
                     client.get(f"/admin/users/{person.id}").get_data(as_text=True))


@pytest.mark.parametrize(("new_role", "label"), [("trainer", "Trainer"), ("admin", "Admin"),
                                                 ("learner", "Learner")])
def test_changing_the_site_role_is_audited(app, client, make_user, admin, new_role, label):
    person = make_user(role="trainer" if new_role == "learner" else "learner",
                       display_name="Lea Learner")
    old_role = person.role
    response = client.post(f"/admin/users/{person.id}", data={"role": new_role})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/admin/users/{person.id}"
    page = text(client.get(response.headers["Location"]))
    assert f"The site role of Lea Learner is now {label}." in page
    assert "Role changed (by Ada Admin)" in page
    assert stored(app, person).role == new_role
    assert [(e.actor_id, e.subject_id, e.details) for e in events(app, "role_changed")] == [
        (admin.id, person.id, {"scope": "site", "old": old_role, "new": new_role})]
    audit_page = text(client.get("/admin/audit?event=role_changed"))
    assert f"scope: site, old: {old_role}, new: {new_role}" in audit_page


def test_a_new_admin_sees_the_admin_pages_after_logging_in(app, client, make_user, admin):
    person = make_user(display_name="Lea Learner")
    client.post(f"/admin/users/{person.id}", data={"role": "admin"})
    theirs = app.test_client()
    Auth(theirs).login(person)
    page = theirs.get("/").get_data(as_text=True)
    assert 'href="/admin/users"' in page and 'href="/admin/audit"' in page
    assert theirs.get("/admin/users").status_code == 200

    client.post(f"/admin/users/{person.id}", data={"role": "learner"})
    page = theirs.get("/").get_data(as_text=True)      # takes effect on the next request
    assert 'href="/admin/users"' not in page
    assert theirs.get("/admin/users").status_code == 403


def test_keeping_the_same_role_records_nothing(app, client, make_user, admin):
    person = make_user(role="trainer")
    response = client.post(f"/admin/users/{person.id}", data={"role": "trainer"})
    assert response.status_code in (200, 302)
    assert events(app, "role_changed") == []


def test_an_unknown_role_is_refused_next_to_the_field(app, client, make_user, admin):
    person = make_user()
    response = client.post(f"/admin/users/{person.id}", data={"role": "superuser"})
    assert response.status_code == 200
    assert 'id="role-error"' in response.get_data(as_text=True)
    assert stored(app, person).role == "learner"
    assert events(app, "role_changed") == []


@pytest.mark.parametrize("new_role", ["learner", "trainer"])
def test_an_admin_cannot_demote_themselves(app, client, admin, new_role):
    response = client.post(f"/admin/users/{admin.id}", data={"role": new_role})
    assert response.status_code == 200
    error = re.search(r'<p class="error" id="role-error">(.*?)</p>',
                      response.get_data(as_text=True))
    assert error and html.unescape(error.group(1)) == "You cannot take away your own admin role."
    assert stored(app, admin).role == "admin"
    assert events(app, "role_changed") == []
    assert client.get("/admin/users").status_code == 200


def test_an_admin_cannot_deactivate_themselves(app, client, admin):
    response = client.post(f"/admin/users/{admin.id}/deactivate", follow_redirects=True)
    assert "You cannot deactivate your own account." in text(response)
    assert stored(app, admin).active
    assert client.get("/admin/users").status_code == 200
    assert events(app, "account_deactivated") == []


def test_deactivation_ends_sessions_at_once_and_refuses_log_in(app, client, make_user, admin):
    person = make_user(display_name="Lea Learner", email="lea@example.org")
    laptop, phone = app.test_client(), app.test_client()
    Auth(laptop).login(person)
    Auth(phone).login(person, remember=True)
    assert laptop.get("/account/").status_code == 200

    response = client.post(f"/admin/users/{person.id}/deactivate", follow_redirects=True)
    page = text(response)
    assert "The account of Lea Learner has been deactivated." in page
    assert "Status Deactivated" in page and "Reactivate this account" in page
    assert not stored(app, person).active
    with app.app_context():
        assert db.session.scalars(select(ServerSession).where(
            ServerSession.user_id == person.id)).all() == []

    for device in (laptop, phone):
        refused = device.get("/account/")
        assert refused.status_code == 302
        assert refused.headers["Location"] == "/login?next=/account/"
        assert "Lea Learner" not in device.get("/").get_data(as_text=True)

    attempt = Auth(laptop).login(person)
    assert attempt.status_code == 200 and GENERIC in text(attempt)
    assert laptop.get("/account/").status_code == 302
    assert [e.actor_id for e in events(app, "account_deactivated")] == [admin.id]
    assert [e.subject_id for e in events(app, "login_refused_inactive")] == [person.id]


def test_a_deactivated_account_gets_no_password_reset_mail(client, make_user, admin, outbox):
    person = make_user(email="lea@example.org")
    client.post(f"/admin/users/{person.id}/deactivate")
    client.application.test_client().post("/password/forgot", data={"email": person.email})
    assert outbox.messages(to=person.email) == []


def test_reactivation_lets_them_log_in_again(app, client, make_user, admin):
    person = make_user(display_name="Lea Learner")
    client.post(f"/admin/users/{person.id}/deactivate")
    response = client.post(f"/admin/users/{person.id}/reactivate", follow_redirects=True)
    page = text(response)
    assert "The account of Lea Learner is active again." in page
    assert "Status Active" in page and "Deactivate this account" in page
    assert stored(app, person).active
    theirs = app.test_client()
    assert Auth(theirs).login(person).status_code == 302
    assert theirs.get("/account/").status_code == 200
    assert [e.actor_id for e in events(app, "account_reactivated")] == [admin.id]


def test_deactivating_twice_records_it_once(app, client, make_user, admin):
    person = make_user()
    client.post(f"/admin/users/{person.id}/deactivate")
    client.post(f"/admin/users/{person.id}/deactivate")
    client.post(f"/admin/users/{person.id}/reactivate")
    client.post(f"/admin/users/{person.id}/reactivate")
    assert len(events(app, "account_deactivated")) == 1
    assert len(events(app, "account_reactivated")) == 1


def test_an_admin_can_deactivate_another_admin(app, client, make_user, admin):
    other = make_user(role="admin")
    theirs = app.test_client()
    Auth(theirs).login(other)
    client.post(f"/admin/users/{other.id}/deactivate")
    assert theirs.get("/admin/users").status_code == 302
    assert Auth(theirs).login(other, password=PASSWORD).status_code == 200


def seed_people(app, count):
    with app.app_context():
        for number in range(count):
            db.session.add(User(email=f"person{number:03d}@example.org",
                                display_name=f"Person {number:03d}", password_hash="x",
                                role=("learner", "trainer", "admin")[number % 3],
                                active=number % 5 != 0))
        db.session.commit()


@pytest.mark.parametrize("count", [25, 50])
def test_people_list_runs_a_fixed_number_of_queries(app, client, admin, count_queries, count):
    seed_people(app, count - 1)          # and the admin makes `count`
    client.get("/admin/users")
    with count_queries() as counter:
        response = client.get("/admin/users")
    assert len(rows(response)) == count
    assert counter.count == 2            # the session with the admin, the people
