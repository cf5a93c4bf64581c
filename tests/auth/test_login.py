"""Log-in, log-out, remember-me, throttling of failed log-ins."""
import pytest
from sqlalchemy import select

from lms.extensions import db
from lms.models import AuditEvent, ServerSession
from tests.helpers import PASSWORD

GENERIC = "The email address or password is not correct."


def test_log_in_and_out(client, auth, make_user):
    user = make_user()
    response = auth.login(user)
    assert response.status_code == 302
    assert user.display_name in client.get("/").get_data(as_text=True)
    assert auth.logout().status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert user.display_name not in page and "Log in" in page


@pytest.mark.parametrize("case", ["unknown address", "wrong password", "deactivated"])
def test_failures_share_one_generic_message(client, auth, make_user, case):
    user = make_user(email="someone@example.org", active=case != "deactivated")
    if case == "unknown address":
        response = auth.login("nobody@example.org")
    elif case == "wrong password":
        response = auth.login(user, password="not the password at all")
    else:
        response = auth.login(user)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert GENERIC in page
    assert "someone@example.org" in page or "nobody@example.org" in page  # typed email kept
    assert client.get("/account/").status_code == 302


def test_next_redirects_stay_on_this_site(client, auth, make_user):
    user = make_user()
    assert auth.login(user, query_string={"next": "/account/"}).headers["Location"] == "/account/"
    auth.logout()
    for evil in ("https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:x"):
        location = auth.login(user, query_string={"next": evil}).headers["Location"]
        assert location == "/", evil
        auth.logout()


def test_protected_page_sends_visitor_to_log_in_and_back(client, auth, make_user):
    response = client.get("/account/password")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login?next=/account/password"
    user = make_user()
    assert auth.login(user, query_string={"next": "/account/password"}).headers[
        "Location"] == "/account/password"


def test_remember_me_sets_a_lasting_cookie(client, auth, make_user):
    user = make_user()
    auth.login(user)
    cookie = client.get_cookie("lms_session")
    assert cookie.expires is None            # a browser-session cookie
    auth.logout()
    auth.login(user, remember=True)
    cookie = client.get_cookie("lms_session")
    assert cookie.expires is not None and cookie.http_only


def test_login_renews_the_session_token(client, auth, make_user):
    client.get("/login")
    client.post("/verify/resend", data={"email": "x@example.org"})  # creates a session
    before = client.get_cookie("lms_session")
    auth.login(make_user())
    after = client.get_cookie("lms_session")
    assert after is not None and (before is None or before.value != after.value)


def test_logout_deletes_the_server_session(app, client, auth, make_user):
    auth.login(make_user())
    with app.app_context():
        assert db.session.scalar(select(ServerSession.id)) is not None
    auth.logout()
    with app.app_context():
        rows = db.session.scalars(select(ServerSession.user_id)).all()
        assert all(user_id is None for user_id in rows)


def test_logout_needs_post(client, auth, make_user):
    auth.login(make_user())
    assert client.get("/logout").status_code == 405
    assert client.get("/account/").status_code == 200


def test_repeated_failures_slow_down_then_refuse(app, client, auth, make_user, time_machine):
    time_machine.move_to("2026-03-01 09:00", tick=False)
    user = make_user()
    for _ in range(3):
        assert auth.login(user, password="wrong wrong wrong").status_code == 200
    slowed = auth.login(user)          # even the right password waits now
    assert slowed.status_code == 429
    assert "Please try again in 2 seconds" in slowed.get_data(as_text=True)
    time_machine.shift(3)
    assert auth.login(user, password="still wrong, sorry").status_code == 200
    for failure in range(5, 11):   # each waits out its growing delay: 4, 8, ... 128 seconds
        time_machine.shift(2 ** (failure - 3) + 1)
        assert auth.login(user, password="still wrong, sorry").status_code == 200
    refused = auth.login(user)
    page = refused.get_data(as_text=True)
    assert refused.status_code == 429
    assert "Please try again in 15 minutes" in page
    time_machine.shift(14 * 60)
    assert auth.login(user).status_code == 429
    time_machine.shift(61)
    assert auth.login(user).status_code == 302
    with app.app_context():
        events = db.session.scalars(select(AuditEvent.event)).all()
    assert events.count("login_failed") == 10 and "login_throttled" in events


def test_many_accounts_from_one_address_are_refused(app_factory, make_user, time_machine):
    app = app_factory(LOGIN_IP_LOCK_AFTER=5)
    client = app.test_client()
    time_machine.move_to("2026-03-01 09:00", tick=False)
    for number in range(5):
        client.post("/login", data={"email": f"guess{number}@example.org", "password": "x"})
    response = client.post("/login", data={"email": "other@example.org", "password": "x"})
    assert response.status_code == 429


def test_success_resets_the_count(client, auth, make_user, time_machine):
    time_machine.move_to("2026-03-01 09:00", tick=False)
    user = make_user()
    for _ in range(2):
        auth.login(user, password="wrong wrong wrong")
    assert auth.login(user).status_code == 302
    auth.logout()
    for _ in range(2):
        auth.login(user, password="wrong wrong wrong")
    assert auth.login(user).status_code == 302


def test_login_and_failures_are_audited(app, client, auth, make_user):
    user = make_user()
    auth.login(user, password="wrong wrong wrong")
    auth.login(user)
    with app.app_context():
        events = db.session.execute(select(AuditEvent.event, AuditEvent.ip)).all()
    assert [e.event for e in events] == ["login_failed", "login"]
    assert events[0].ip == "127.0.0.1"


def test_unverified_account_is_told_to_confirm(client, auth, make_user):
    user = make_user(verified=False)
    page = auth.login(user).get_data(as_text=True)
    assert "Please confirm your email address first" in page
    assert client.get("/account/").status_code == 302


def test_password_is_hashed_with_scrypt_in_production_settings(app_factory):
    from lms.auth.passwords import hash_password
    app = app_factory(PASSWORD_HASH_METHOD="scrypt")
    with app.app_context():
        assert hash_password(PASSWORD).startswith("scrypt:32768:8:1$")
