"""A person's own profile, language and password."""
from tests.helpers import PASSWORD

NEW_PASSWORD = "purple elephant dancing slowly"


def test_profile_change_is_saved(client, auth, make_user):
    auth.login(make_user(display_name="Old Name"))
    response = client.post("/account/", data={"display_name": "New Name", "locale": "it"})
    assert response.status_code == 302
    page = client.get("/account/").get_data(as_text=True)
    assert "New Name" in page and '<html lang="it">' in page


def test_profile_errors_keep_input(client, auth, make_user):
    auth.login(make_user())
    page = client.post("/account/", data={"display_name": "", "locale": "xx"}).get_data(
        as_text=True)
    assert 'id="display_name-error"' in page and 'id="locale-error"' in page


def test_password_change_needs_the_current_password(client, auth, make_user):
    user = make_user()
    auth.login(user)
    page = client.post("/account/password", data={
        "current_password": "not my password", "password": NEW_PASSWORD,
        "confirm": NEW_PASSWORD}).get_data(as_text=True)
    assert "This is not your current password." in page
    response = client.post("/account/password", data={
        "current_password": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert response.status_code == 302
    auth.logout()
    assert auth.login(user, password=NEW_PASSWORD).status_code == 302


def test_password_change_keeps_this_session_and_ends_the_others(app, client, auth, make_user):
    user = make_user()
    other = app.test_client()
    other.post("/login", data={"email": user.email, "password": PASSWORD})
    auth.login(user)
    client.post("/account/password", data={
        "current_password": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert client.get("/account/").status_code == 200
    assert other.get("/account/").status_code == 302


def test_password_change_refuses_own_name(client, auth, make_user):
    auth.login(make_user(email="maria.rossi@example.org", display_name="Maria Rossi"))
    page = client.post("/account/password", data={
        "current_password": PASSWORD, "password": "maria.rossi-2026!",
        "confirm": "maria.rossi-2026!"}).get_data(as_text=True)
    assert "Please do not use your name or email address" in page


def test_a_chosen_time_zone_is_saved_and_used_for_times(app, client, auth, make_user):
    from flask_babel import format_datetime
    from datetime import datetime
    user = make_user()
    auth.login(user)
    form = client.get("/account/").get_data(as_text=True)
    assert '<option value="Europe/Istanbul">' in form and "The site's time zone (UTC)" in form
    assert client.post("/account/", data={"display_name": "Ayşe", "locale": "en",
                                          "timezone": "Europe/Istanbul"}).status_code == 302
    assert '<option selected value="Europe/Istanbul">' in client.get("/account/").get_data(
        as_text=True)
    from lms.extensions import db
    from lms.models import User
    from lms.timeutil import local_to_utc, utc_to_local
    with app.test_request_context():
        from flask_login import login_user
        login_user(db.session.get(User, user.id))
        noon_utc = datetime(2026, 6, 1, 12, 0)
        assert utc_to_local(noon_utc) == datetime(2026, 6, 1, 15, 0)      # UTC+3
        assert local_to_utc(datetime(2026, 6, 1, 15, 0)) == noon_utc
        assert "3:00" in format_datetime(noon_utc, "short")


def test_an_unknown_time_zone_is_refused_beside_the_field(client, auth, make_user):
    auth.login(make_user())
    page = client.post("/account/", data={"display_name": "Ayşe", "locale": "en",
                                          "timezone": "Mars/Olympus"}).get_data(as_text=True)
    assert 'id="timezone-error"' in page and 'value="Ayşe"' in page
