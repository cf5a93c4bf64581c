"""The security baseline: headers, cookies, CSRF, request size, secret key, audit log."""
import re
import stat

import pytest

from lms import create_app
from tests.helpers import PASSWORD, base_config


def test_security_headers_on_every_page(client):
    for path in ("/", "/login", "/no-such-page"):
        headers = client.get(path).headers
        policy = headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_no_inline_script_and_no_cdn_in_pages(client):
    page = client.get("/").get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert not re.search(r"""(src|href)=["']https?://""", page)
    assert " style=" not in page and "onclick" not in page


def test_session_cookie_flags(client, auth, make_user):
    auth.login(make_user())
    header = [v for v in client.get("/").headers.getlist("Set-Cookie")] or []
    response = client.post("/login", data={"email": "x@example.org", "password": "y"})
    cookies = response.headers.getlist("Set-Cookie") + header
    session = [c for c in cookies if c.startswith("lms_session=")]
    assert session, cookies
    assert all("HttpOnly" in c and "SameSite=Lax" in c for c in session)
    assert all("Secure" not in c for c in session)


def test_session_cookie_is_secure_over_https(client, make_user):
    response = client.post("/login", base_url="https://lms.example.org",
                           data={"email": make_user().email, "password": PASSWORD})
    cookie = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("lms_session=")]
    assert cookie and "Secure" in cookie[0]
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_forms_refuse_posts_without_csrf_token(app_factory, make_user):
    app = app_factory(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    user = make_user()
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert "This form has expired" in response.get_data(as_text=True)
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post("/login", data={"email": user.email, "password": PASSWORD,
                                            "csrf_token": token})
    assert response.status_code == 302


def test_oversized_request_gets_413_page(app_factory):
    client = app_factory(MAX_CONTENT_LENGTH=1024).test_client()
    response = client.post("/signup", data={"display_name": "x" * 4096})
    assert response.status_code == 413
    assert "larger than this site accepts" in response.get_data(as_text=True)


@pytest.mark.parametrize(("code", "text"), [(404, "Page not found"), (405, "Not allowed")])
def test_error_pages(client, code, text):
    response = client.get("/no-such-page") if code == 404 else client.get("/logout")
    assert response.status_code == code
    assert text in response.get_data(as_text=True)


def test_error_pages_speak_the_visitors_language(client):
    page = client.get("/no-such-page", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert '<html lang="de">' in page and "Seite nicht gefunden" in page


def test_unexpected_error_gives_500_page_and_rolls_back(app, client):
    from lms.extensions import db
    from lms.models import Organisation
    from lms.permissions import require

    @app.route("/explode")
    @require("core.view_public")
    def explode():
        db.session.add(Organisation(name="Half", slug="half", kind="ngo", country="DE"))
        db.session.flush()
        raise RuntimeError("boom")

    response = client.get("/explode")
    assert response.status_code == 500
    assert "Something went wrong" in response.get_data(as_text=True)
    assert client.get("/organisations/half").status_code == 404


def test_secret_key_is_generated_into_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    config = base_config(tmp_path, f"sqlite:///{tmp_path}/k.sqlite3")
    del config["SECRET_KEY"]
    first = create_app(config)
    key_file = tmp_path / "instance" / "secret_key"
    assert key_file.exists() and len(first.secret_key) == 64
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert create_app(dict(config)).secret_key == first.secret_key


def test_audit_log_is_for_admins(client, auth, make_user):
    auth.login(make_user(role="learner"))
    assert client.get("/admin/audit").status_code == 403
    auth.logout()
    auth.login(make_user(role="admin"))
    page = client.get("/admin/audit").get_data(as_text=True)
    assert "Logged in" in page


def test_a_nul_character_in_a_form_is_refused_and_stores_nothing(client, auth, make_user):
    """No one types a NUL; PostgreSQL cannot store one and answered 500 (found by the harness).
    In a search it is dropped, in an address it finds no page."""
    from lms.extensions import db
    from lms.models import Organisation
    auth.login(make_user())
    response = client.post("/organisations/new", data={
        "name": "Nul Verein", "kind": "ngo", "country": "DE", "region": "Köln",
        "website": "", "description": "before\x00after"})
    assert response.status_code == 400
    search = client.get("/organisations/?q=Nul%00")
    assert search.status_code == 200 and 'value="Nul"' in search.get_data(as_text=True)
    assert client.get("/networks/invitations/abc%00").status_code == 404
    with client.application.app_context():
        assert db.session.query(Organisation).filter_by(name="Nul Verein").count() == 0
