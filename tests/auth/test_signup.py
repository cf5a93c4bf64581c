"""Sign-up and email confirmation."""
import pytest
from sqlalchemy import func, select

from lms.extensions import db
from lms.models import AuditEvent, Membership, User
from tests.helpers import PASSWORD


def signup(client, **overrides):
    data = {"email": "newcomer@example.org", "display_name": "Nia Newcomer",
            "password": PASSWORD, "confirm": PASSWORD, "locale": "de", "organisation": "0"}
    data.update(overrides)
    return client.post("/signup", data=data)


def stored(app, email):
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        if user is not None:
            db.session.expunge(user)
        return user


def test_signup_then_confirm_then_log_in(app, client, auth, outbox):
    response = signup(client, email="  Newcomer@Example.org ")
    assert response.status_code == 302
    assert "/signup/check-email" in response.headers["Location"]
    user = stored(app, "newcomer@example.org")
    assert user.display_name == "Nia Newcomer" and user.locale == "de" and user.role == "learner"
    assert user.password_hash != PASSWORD and user.password_hash.startswith("scrypt:")
    assert not user.is_verified
    message = outbox.last(to="newcomer@example.org")
    assert message["Content-Language"] == "de"

    page = auth.login("newcomer@example.org").get_data(as_text=True)
    assert "Please confirm your email address first" in page or "Bitte bestätigen" in page

    response = client.get(outbox.link(to="newcomer@example.org"))
    assert response.status_code == 302 and response.headers["Location"].endswith("/login")
    assert stored(app, "newcomer@example.org").is_verified
    assert auth.login("newcomer@example.org").status_code == 302
    assert "Nia Newcomer" in client.get("/").get_data(as_text=True)


def test_confirmation_link_works_once(client, outbox):
    signup(client)
    link = outbox.link()
    assert client.get(link).status_code == 302
    again = client.get(link)
    assert again.status_code == 400
    assert "already been used" in again.get_data(as_text=True)


def test_tampered_confirmation_link_is_refused(client, outbox):
    signup(client)
    link = outbox.link()
    response = client.get(link[:-3] + ("aaa" if not link.endswith("aaa") else "bbb"))
    assert response.status_code == 400
    assert "This link is not valid" in response.get_data(as_text=True)


def test_expired_confirmation_link_is_refused(client, outbox, time_machine):
    time_machine.move_to("2026-01-01 10:00")
    signup(client)
    time_machine.move_to("2026-01-03 10:01")
    response = client.get(outbox.link())
    assert response.status_code == 400
    assert "This link has expired" in response.get_data(as_text=True)


def test_duplicate_email_reveals_nothing_and_warns_the_owner(app, client, make_user, outbox):
    owner = make_user(email="taken@example.org")
    response = signup(client, email="TAKEN@example.org")
    fresh = signup(client, email="free@example.org")
    # both visitors see the same next step
    assert response.status_code == fresh.status_code == 302
    assert response.headers["Location"].split("?")[0] == fresh.headers["Location"].split("?")[0]
    with app.app_context():
        assert db.session.scalar(select(func.count(User.id)).where(
            func.lower(User.email) == "taken@example.org")) == 1
    warning = outbox.last(to=owner.email)
    assert "Someone tried to create an account" in warning.get_content()


@pytest.mark.parametrize(("field", "value", "message"), [
    ("password", "short1", "Use at least 10 characters."),
    ("password", "password123", "This password is too common"),
    ("password", "newcomer-2026-x", "Please do not use your name or email address"),
    ("email", "not-an-address", "Please enter a valid email address"),
    ("display_name", "   ", "Please tell us your name."),
])
def test_bad_input_is_shown_next_to_the_field_and_kept(client, field, value, message):
    overrides = {field: value}
    if field == "password":
        overrides["confirm"] = value
    response = signup(client, **overrides)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f'id="{field}-error"' in page and message in page
    assert f'aria-describedby="{field}-error"' in page or f'{field}-error"' in page
    if field != "email":
        assert 'value="newcomer@example.org"' in page
    if field != "display_name":
        assert 'value="Nia Newcomer"' in page


def test_mismatched_passwords(client):
    page = signup(client, confirm=PASSWORD + "x").get_data(as_text=True)
    assert "The two passwords are not the same." in page


def test_choosing_an_organisation_asks_to_join_it(app, client, make_user, make_organisation):
    organisation = make_organisation(admin=make_user())
    signup(client, organisation=str(organisation.id))
    with app.app_context():
        membership = db.session.scalar(select(Membership).join(Membership.user).where(
            User.email == "newcomer@example.org"))
        assert membership.organisation_id == organisation.id
        assert membership.status == "pending"


def test_signup_is_audited(app, client):
    signup(client)
    with app.app_context():
        assert db.session.scalar(select(AuditEvent.event).where(
            AuditEvent.email == "newcomer@example.org")) == "signup"


def test_resend_confirmation_does_not_reveal_accounts(client, make_user, outbox):
    make_user(email="unconfirmed@example.org", verified=False)
    known = client.post("/verify/resend", data={"email": "unconfirmed@example.org"})
    unknown = client.post("/verify/resend", data={"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert len(outbox.messages(to="unconfirmed@example.org")) == 1
    assert outbox.messages(to="nobody@example.org") == []
