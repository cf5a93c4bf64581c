"""The permission registry, can(user, permission, obj) and the @require view decorator."""
from dataclasses import dataclass, field
from functools import wraps

from flask import abort, current_app, g, redirect, request, url_for
from flask_login import current_user
from sqlalchemy import select

from lms.extensions import db
from lms.models import RoleAssignment


ANONYMOUS = "anonymous"
EVERYONE = frozenset({ANONYMOUS, "learner", "trainer", "admin"})
SIGNED_IN = frozenset({"learner", "trainer", "admin"})
STAFF = frozenset({"trainer", "admin"})
ADMIN = frozenset({"admin"})


@dataclass(frozen=True)
class Permission:
    """A named right; `roles` are the site roles that hold it unless a policy decides otherwise."""
    name: str
    title: str
    roles: frozenset = field(default_factory=frozenset)


@dataclass(frozen=True)
class ScopedRole:
    """A role held on one object, e.g. `networks.coordinator` on a network."""
    name: str
    title: str
    scope_type: str


class PermissionRegistry:
    def __init__(self):
        self.permissions: dict[str, Permission] = {}
        self.policies: dict[str, object] = {}
        self.scoped_roles: dict[str, ScopedRole] = {}

    def add(self, permission, policy=None):
        if permission.name in self.permissions:
            raise ValueError(f"permission {permission.name!r} is registered twice")
        self.permissions[permission.name] = permission
        if policy is not None:
            self.policies[permission.name] = policy

    def add_scoped_role(self, role):
        self.scoped_roles[role.name] = role


def registry():
    return current_app.extensions["lms_permissions"]


def site_role(user):
    if user is None or not getattr(user, "is_authenticated", False):
        return ANONYMOUS
    return user.role


def can(user, name, obj=None):
    """True when `user` holds permission `name`, on `obj` when one is given.

    A registered policy decides when there is one (it gets the user and the object and may use
    scoped roles); otherwise the permission's default site roles do. Unknown names are an error,
    so a typo cannot silently open or close a page.
    """
    # Unwrap flask-login's proxy once: policies read the user many times per page.
    unwrap = getattr(user, "_get_current_object", None)
    if unwrap is not None:
        user = unwrap()
    reg = registry()
    permission = reg.permissions.get(name)
    if permission is None:
        raise KeyError(f"unknown permission {name!r}")
    if user is not None and getattr(user, "is_authenticated", False) and not user.is_active:
        return False
    policy = reg.policies.get(name)
    if policy is not None:
        return bool(policy(user, obj, permission))
    return site_role(user) in permission.roles


def holds_role(user, role, obj):
    """True when `user` holds the scoped `role` on `obj` (anything with a table and an id)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return db.session.scalar(select(RoleAssignment.id).where(
        RoleAssignment.user_id == user.id, RoleAssignment.role == role,
        RoleAssignment.scope_type == obj.__tablename__, RoleAssignment.scope_id == obj.id)) is not None


def require(name):
    """Declare the permission a view needs and enforce it before the view runs.

    Visitors who are not signed in are sent to the log-in page; signed-in people without the
    permission get 403. The view's loaders check the same permission on the object the URL
    names with `require_object(obj)`: the permission is stated once, here.
    """
    def decorate(view):
        @wraps(view)
        def guarded(*args, **kwargs):
            if not can(current_user, name):
                if not current_user.is_authenticated:
                    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
                abort(403)
            outer = g.get("route_permission")
            g.route_permission = name
            try:
                return view(*args, **kwargs)
            finally:
                g.route_permission = outer
        guarded.required_permission = name
        return guarded
    return decorate


def route_permission():
    """The permission the running view declared with `@require`."""
    name = g.get("route_permission")
    if name is None:
        raise RuntimeError("no permission declared: the view has no @require")
    return name


def require_object(obj, name=None):
    """404 unless the current user holds the route's declared permission on `obj` (or `name`,
    when the route checks another permission on it too): private things do not reveal
    themselves."""
    if obj is None or not can(current_user, name or route_permission(), obj):
        abort(404)
    return obj