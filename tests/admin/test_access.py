"""Only site admins reach the admin pages; others are refused and change nothing."""
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from lms.extensions import db
from lms.models import User

GET_PAGES = ["/admin/users", "/admin/users/{id}", "/admin/audit", "/admin/users?q=x",
             "/admin/audit?event=login"]
POSTS = [("/admin/users/{id}", {"role": "admin"}), ("/admin/users/{id}/deactivate", {}),
         ("/admin/users/{id}/reactivate", {})]


def stored(app, user):
    with app.app_context():
        found = db.session.scalar(select(User).where(User.id == user.id))
        return found.role, found.active


@pytest.mark.parametrize("role", ["anonymous", "learner", "trainer", "admin"])
@pytest.mark.parametrize("path", GET_PAGES)
def test_only_site_admins_open_admin_pages(client, auth, make_user, role, path):
    target = make_user(display_name="Tara Target")
    if role != "anonymous":
        auth.login(make_user(role=role))
    path = path.format(id=target.id)
    response = client.get(path)
    if role == "admin":
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 302
        location = urlsplit(response.headers["Location"])
        assert location.path == "/login"
        assert parse_qs(location.query) == {"next": [path]}
    else:
        assert response.status_code == 403
        assert "You do not have permission to do this." in response.get_data(as_text=True)
        assert "Tara Target" not in response.get_data(as_text=True)


@pytest.mark.parametrize("role", ["anonymous", "learner", "trainer"])
@pytest.mark.parametrize(("path", "data"), POSTS)
def test_others_cannot_change_accounts(app, client, auth, make_user, role, path, data):
    target = make_user(active=not path.endswith("reactivate"))
    before = stored(app, target)
    if role != "anonymous":
        auth.login(make_user(role=role))
    response = client.post(path.format(id=target.id), data=data)
    assert response.status_code == (302 if role == "anonymous" else 403)
    assert stored(app, target) == before


@pytest.mark.parametrize("user_id", [987654, 2 ** 31, 2 ** 63])
@pytest.mark.parametrize(("path", "data"), [("/admin/users/{id}", None)] + POSTS)
def test_unknown_user_is_404(client, auth, make_user, user_id, path, data):
    auth.login(make_user(role="admin"))
    path = path.format(id=user_id)
    response = client.get(path) if data is None else client.post(path, data=data)
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/admin/users/{id}/deactivate", "/admin/users/{id}/reactivate"])
def test_account_changes_need_post(client, auth, make_user, path):
    auth.login(make_user(role="admin"))
    assert client.get(path.format(id=make_user().id)).status_code == 405


@pytest.mark.parametrize(("role", "shown"), [("learner", False), ("trainer", False),
                                             ("admin", True)])
def test_nav_offers_admin_pages_only_to_site_admins(client, auth, make_user, role, shown):
    auth.login(make_user(role=role))
    page = client.get("/").get_data(as_text=True)
    assert ('href="/admin/users"' in page) is shown
    assert ('href="/admin/audit"' in page) is shown
