"""Every route declares its permission; roles reach what they should and nothing more."""
import pytest
from sqlalchemy import select

from lms.permissions import Permission, ScopedRole, can, holds_role
from tests.helpers import SOURCES


def test_every_route_declares_a_permission(app_factory, new_database_url):
    app = app_factory(SQLALCHEMY_DATABASE_URI=new_database_url(), LMS_PLUGIN_SOURCES=SOURCES,
                      LMS_PLUGINS=["courses", "networks", "action_plans", "oer", "sample"])
    known = app.extensions["lms_permissions"].permissions
    missing, unknown = [], []
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        permission = getattr(view, "required_permission", None)
        if permission is None:
            missing.append(f"{rule.rule} ({rule.endpoint})")
        elif permission not in known:
            unknown.append(f"{rule.rule} needs unregistered {permission}")
    assert not missing, "routes without a declared permission: " + ", ".join(missing)
    assert not unknown, unknown


PAGES = {
    # path: roles that get 200 (others: anonymous -> log-in page, signed in -> 403)
    "/": "anonymous learner trainer admin",
    "/organisations/": "anonymous learner trainer admin",
    "/organisations/new": "learner trainer admin",
    "/account/": "learner trainer admin",
    "/account/password": "learner trainer admin",
    "/admin/users": "admin",
    "/admin/audit": "admin",
    "/courses/": "anonymous learner trainer admin",
    "/networks/": "anonymous learner trainer admin",
    "/action-plans/": "anonymous learner trainer admin",
    "/oer/": "anonymous learner trainer admin",
}


@pytest.mark.parametrize("role", ["anonymous", "learner", "trainer", "admin"])
@pytest.mark.parametrize("path", list(PAGES))
def test_access_by_role(client, auth, make_user, role, path):
    if role != "anonymous":
        auth.login(make_user(role=role))
    response = client.get(path)
    if role in PAGES[path].split():
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/login?next=")
    else:
        assert response.status_code == 403


def test_nav_shows_only_what_the_role_may_open(client, auth, make_user):
    anonymous = client.get("/").get_data(as_text=True)
    assert 'href="/admin/users"' not in anonymous and 'href="/courses/"' in anonymous
    auth.login(make_user(role="admin"))
    admin = client.get("/").get_data(as_text=True)
    assert 'href="/admin/users"' in admin and 'href="/admin/audit"' in admin


def test_home_page_links_into_every_enabled_plugin(app_factory):
    page = app_factory(LMS_PLUGINS=["courses", "oer"]).test_client().get("/").get_data(
        as_text=True)
    assert 'href="/courses/"' in page and 'href="/oer/"' in page
    assert 'href="/networks/"' not in page and 'href="/action-plans/"' not in page


def test_can_uses_policies_and_scoped_roles(app, make_user, make_organisation):
    from lms.extensions import db
    from lms.models import AuditEvent, Organisation, User
    from lms.roles import assign_role, holders, revoke_role

    registry = app.extensions["lms_permissions"]
    registry.add_scoped_role(ScopedRole("core.steward", "Steward", "organisations"))
    registry.add(Permission("core.steward_things", "Steward things", frozenset({"admin"})),
                 lambda user, obj, permission: obj is not None and holds_role(
                     user, "core.steward", obj))
    steward, other = make_user(), make_user()
    organisation = make_organisation()
    with app.test_request_context():
        target = db.session.get(Organisation, organisation.id)
        assign_role(db.session.get(User, steward.id), "core.steward", target)
        assign_role(db.session.get(User, steward.id), "core.steward", target)   # idempotent
        db.session.commit()
        assert holders("core.steward", target) == [steward.id]
        assert can(steward, "core.steward_things", target)
        assert not can(other, "core.steward_things", target)
        with pytest.raises(ValueError):
            assign_role(db.session.get(User, other.id), "core.unknown_role", target)
        with pytest.raises(KeyError):
            can(steward, "core.no_such_permission")
        assert revoke_role(db.session.get(User, steward.id), "core.steward", target)
        db.session.commit()
        assert not can(steward, "core.steward_things", target)
        changes = db.session.scalars(select(AuditEvent.details).where(
            AuditEvent.event == "role_changed")).all()
        assert changes == [{"scope": f"organisations:{organisation.id}", "granted": "core.steward"},
                           {"scope": f"organisations:{organisation.id}", "revoked": "core.steward"}]


def test_deactivated_user_holds_no_permission(app, make_user):
    user = make_user(active=False)
    with app.test_request_context():
        assert not can(user, "core.edit_own_profile")


def test_query_counts_of_core_pages(client, auth, make_user, count_queries):
    with count_queries() as anonymous:
        assert client.get("/").status_code == 200
    assert anonymous.count == 0          # no cookie: no session to read, nobody to load
    auth.login(make_user())
    client.get("/")                      # the first page after log-in stores a CSRF token
    with count_queries() as signed_in:
        assert client.get("/").status_code == 200
    assert signed_in.count == 1          # the session row, with the person in the same query
    with count_queries() as profile:
        assert client.get("/account/").status_code == 200
    assert profile.count == 2            # plus the person's organisations


def test_a_loader_checks_the_permission_its_route_declared(app, make_user, make_organisation):
    """`require_object(obj)` checks the route's own permission (stated once, in @require);
    outside a declared route it refuses to guess."""
    from flask_login import login_user
    from werkzeug.exceptions import NotFound

    from lms.extensions import db
    from lms.models import Organisation, User
    from lms.permissions import require, require_object

    admin, stranger = make_user(), make_user()
    organisation = make_organisation(admin=admin)

    @require("core.manage_organisation")
    def manage():
        return require_object(db.session.get(Organisation, organisation.id)).name

    @require("core.view_organisations")
    def view_then_manage():
        found = require_object(db.session.get(Organisation, organisation.id))
        return require_object(found, "core.manage_organisation").name

    for person, expected in [(admin, organisation.name), (stranger, None)]:
        with app.test_request_context():
            login_user(db.session.get(User, person.id))
            for view in (manage, view_then_manage):
                if expected is None:
                    with pytest.raises(NotFound):
                        view()
                else:
                    assert view() == expected
    with app.test_request_context(), pytest.raises(RuntimeError, match="no @require"):
        require_object(object())
