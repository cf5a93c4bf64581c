"""Forgotten passwords: signed, expiring, single-use reset links."""
from sqlalchemy import select

from lms.extensions import db
from lms.models import AuditEvent, ServerSession
from tests.helpers import PASSWORD

NEW_PASSWORD = "purple elephant dancing slowly"


def ask(client, address):
    return client.post("/password/forgot", data={"email": address})


def test_reset_password_with_the_emailed_link(app, client, auth, make_user, outbox):
    user = make_user(email="forgetful@example.org")
    response = ask(client, "Forgetful@example.org")
    assert response.status_code == 302
    link = outbox.link(to="forgetful@example.org")
    form = client.get(link)
    assert form.status_code == 200 and "forgetful@example.org" in form.get_data(as_text=True)
    done = client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert done.status_code == 302 and done.headers["Location"].endswith("/login")
    assert auth.login(user).status_code == 200                          # old password fails
    assert auth.login(user, password=NEW_PASSWORD).status_code == 302
    with app.app_context():
        events = db.session.scalars(select(AuditEvent.event)).all()
    assert "password_reset_requested" in events and "password_reset" in events


def test_the_same_words_for_known_and_unknown_addresses(client, make_user, outbox):
    make_user(email="known@example.org")
    known = client.post("/password/forgot", data={"email": "known@example.org"},
                        follow_redirects=True).get_data(as_text=True)
    unknown = client.post("/password/forgot", data={"email": "unknown@example.org"},
                          follow_redirects=True).get_data(as_text=True)
    assert known.replace("known@", "X@") == unknown.replace("unknown@", "X@")
    assert outbox.messages(to="unknown@example.org") == []


def test_reset_link_works_once(client, make_user, outbox):
    make_user(email="once@example.org")
    ask(client, "once@example.org")
    link = outbox.link()
    client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    reused = client.get(link)
    assert reused.status_code == 400
    assert "already been used" in reused.get_data(as_text=True)
    again = client.post(link, data={"password": "another fine password", "confirm":
                                     "another fine password"})
    assert again.status_code == 400


def test_reset_link_expires(client, make_user, outbox, time_machine):
    time_machine.move_to("2026-05-01 12:00", tick=False)
    make_user(email="late@example.org")
    ask(client, "late@example.org")
    time_machine.shift(61 * 60)
    response = client.get(outbox.link())
    assert response.status_code == 400
    assert "This link has expired" in response.get_data(as_text=True)


def test_tampered_reset_link_is_refused(client, make_user, outbox):
    make_user(email="tamper@example.org")
    ask(client, "tamper@example.org")
    link = outbox.link()
    token = link.rsplit("/", 1)[1]
    forged = link.replace(token, token[:10] + ("A" if token[10] != "A" else "B") + token[11:])
    response = client.get(forged)
    assert response.status_code == 400
    assert "This link is not valid" in response.get_data(as_text=True)


def test_weak_new_password_is_refused_and_the_link_stays_usable(client, make_user, outbox):
    make_user(email="weak@example.org")
    ask(client, "weak@example.org")
    link = outbox.link()
    page = client.post(link, data={"password": "qwerty12345", "confirm": "qwerty12345"})
    assert page.status_code == 200
    assert "This password is too common" in page.get_data(as_text=True)
    assert client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
                       ).status_code == 302


def test_reset_ends_every_session_of_the_account(app, make_user, outbox):
    user = make_user(email="everywhere@example.org")
    phone = app.test_client()
    phone.post("/login", data={"email": user.email, "password": PASSWORD})
    assert phone.get("/account/").status_code == 200
    laptop = app.test_client()
    ask(laptop, user.email)
    laptop.post(outbox.link(), data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert phone.get("/account/").status_code == 302
    with app.app_context():
        assert db.session.scalar(select(ServerSession.id).where(
            ServerSession.user_id == user.id)) is None


def test_deactivated_account_gets_no_reset_mail(client, make_user, outbox):
    make_user(email="off@example.org", active=False)
    ask(client, "off@example.org")
    assert outbox.messages(to="off@example.org") == []
