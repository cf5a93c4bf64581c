"""The audit log: what happened, who did it, filtered by event."""
import html
import re
from datetime import timedelta

import pytest

from lms.extensions import db
from lms.models import AuditEvent, User
from lms.timeutil import utcnow
from tests.helpers import Auth

NEW_PASSWORD = "purple elephant dancing slowly"


def logged(response):
    """(event, who acted, account concerned, details) for each row of the log, newest first."""
    body = response.get_data(as_text=True).split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", c)).split())
                 for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        if len(cells) == 6:
            found.append((cells[1], cells[2], cells[3], cells[5]))
    return found


@pytest.fixture
def history(app, client, make_user, outbox):
    """A log-in, a failed log-in, a site role change and a password reset."""
    admin = make_user(role="admin", display_name="Ada Admin", email="ada@example.org")
    lea = make_user(display_name="Lea Learner", email="lea@example.org")
    visitor = app.test_client()
    assert Auth(visitor).login(lea, password="not the right one").status_code == 200
    visitor.post("/password/forgot", data={"email": lea.email})
    link = outbox.link(to=lea.email)
    assert visitor.post(link, data={"password": NEW_PASSWORD,
                                    "confirm": NEW_PASSWORD}).status_code == 302
    Auth(client).login(admin)
    client.post(f"/admin/users/{lea.id}", data={"role": "trainer"})
    return admin, lea


def test_the_log_shows_what_happened_newest_first(client, history):
    response = client.get("/admin/audit")
    assert response.status_code == 200
    assert logged(response) == [
        ("Role changed", "Ada Admin", "lea@example.org", "scope: site, old: learner, new: trainer"),
        ("Logged in", "Ada Admin", "ada@example.org", ""),
        ("Password reset", "Lea Learner", "lea@example.org", ""),
        ("Password reset requested", "", "lea@example.org", ""),
        ("Failed log-in", "", "lea@example.org", ""),
    ]
    page = response.get_data(as_text=True)
    assert '<td>127.0.0.1</td>' in page
    assert f'<a href="/admin/users/{history[1].id}">lea@example.org</a>' in page


@pytest.mark.parametrize(("event", "label"), [
    ("login", "Logged in"), ("login_failed", "Failed log-in"), ("role_changed", "Role changed"),
    ("password_reset", "Password reset")])
def test_the_log_filters_by_event(client, history, event, label):
    response = client.get("/admin/audit", query_string={"event": event})
    assert [row[0] for row in logged(response)] == [label]
    assert f'<option value="{event}" selected>{label}</option>' in response.get_data(as_text=True)


def test_the_filter_offers_only_events_that_happened(client, history):
    page = client.get("/admin/audit").get_data(as_text=True)
    offered = re.findall(r'<option value="([a-z_]+)"', page)
    assert offered == sorted(["login", "login_failed", "password_reset",
                              "password_reset_requested", "role_changed"])


def test_an_unknown_event_shows_an_empty_log(client, history):
    response = client.get("/admin/audit?event=no_such_event")
    assert response.status_code == 200
    assert logged(response) == []
    assert "No events yet." in response.get_data(as_text=True)


def test_a_failed_log_in_for_an_unknown_address_keeps_the_address(app, client, history):
    Auth(app.test_client()).login("nobody@example.org")
    assert logged(client.get("/admin/audit?event=login_failed"))[0] == (
        "Failed log-in", "", "nobody@example.org", "")


def test_deactivation_is_in_the_log(client, history):
    admin, lea = history
    client.post(f"/admin/users/{lea.id}/deactivate")
    client.post(f"/admin/users/{lea.id}/reactivate")
    assert logged(client.get("/admin/audit"))[:2] == [
        ("Account reactivated", "Ada Admin", "lea@example.org", ""),
        ("Account deactivated", "Ada Admin", "lea@example.org", "")]


def seed_events(app, count):
    """`count` events, each by and about a different person, one second apart."""
    start = utcnow() - timedelta(days=1)
    with app.app_context():
        for number in range(count):
            actor = User(email=f"actor{number}@example.org", display_name=f"Actor {number:03d}",
                         password_hash="x")
            subject = User(email=f"subject{number}@example.org",
                           display_name=f"Subject {number}", password_hash="x")
            db.session.add(AuditEvent(event=("login", "role_changed", "logout")[number % 3],
                                      actor=actor, subject=subject, ip="192.0.2.1",
                                      created_at=start + timedelta(seconds=number),
                                      details={"number": number}))
        db.session.commit()


def test_the_log_pages_through_many_events(app, client, make_user):
    seed_events(app, 70)
    Auth(client).login(make_user(role="admin"))
    first = logged(client.get("/admin/audit"))
    assert len(first) == 50
    assert first[0][1] == "Admin 1"                                   # the log-in just now
    assert first[1][1] == "Actor 069" and first[-1][1] == "Actor 021"
    second = logged(client.get("/admin/audit?page=2"))
    assert [row[1] for row in second] == [f"Actor {n:03d}" for n in range(20, -1, -1)]
    logins = logged(client.get("/admin/audit?event=login&page=1"))
    assert all(row[0] == "Logged in" for row in logins)
    for odd in ("0", "-1", "x", "99999999999999999999999"):
        assert client.get(f"/admin/audit?page={odd}").status_code == 200


@pytest.mark.parametrize("count", [25, 50])
def test_the_log_runs_a_fixed_number_of_queries(app, client, make_user, count_queries, count):
    seed_events(app, count - 1)          # and the admin's own log-in makes `count`
    Auth(client).login(make_user(role="admin"))
    client.get("/admin/audit")
    with count_queries() as counter:
        response = client.get("/admin/audit")
    rows = logged(response)
    assert len(rows) == count
    assert {row[1] for row in rows} >= {f"Actor {n:03d}" for n in range(count - 1)}
    # the session with the admin, the events, their actors, their subjects, the kinds of event
    assert counter.count == 5


def test_a_persons_page_runs_a_fixed_number_of_queries(app, client, make_user, count_queries):
    admin = make_user(role="admin")
    lea = make_user()
    with app.app_context():
        for number in range(30):
            actor = User(email=f"actor{number}@example.org", display_name=f"Actor {number}",
                         password_hash="x")
            db.session.add(AuditEvent(event="role_changed", actor=actor, subject_id=lea.id))
        db.session.commit()
    Auth(client).login(admin)
    client.get(f"/admin/users/{lea.id}")
    with count_queries() as counter:
        page = client.get(f"/admin/users/{lea.id}").get_data(as_text=True)
    assert page.count("Role changed (by Actor") == 20                # the 20 most recent
    # the session with the admin, the person, the events, their actors
    assert counter.count == 4
