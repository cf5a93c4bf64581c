"""Who may do what in a network: a person's role there, and the policies behind can().

Plugins that build on networks (action plans) ask `can(user, "networks.edit", network)` and the
like, or `role_in(user, network)` / `has_role(user, network, "contributor")` for their own
policies. Roles rank coordinator > editor > contributor > viewer; site admins hold every
network permission so they can step in when a network has lost its coordinators' attention.
"""
from flask import g, has_request_context
from sqlalchemy import select

from lms.extensions import db
from lms.permissions import site_role
from networks import ROLES
from networks.models import Person

RANK = {role: len(ROLES) - index for index, role in enumerate(ROLES)}


def _standing(user, network_id):
    """(role, member id) of `user` in the network, or (None, None); asked once per request."""
    if not getattr(user, "is_authenticated", False) or network_id is None:
        return None, None
    cache = g.setdefault("networks_standing", {}) if has_request_context() else {}
    key = (user.id, network_id)
    if key not in cache:
        row = db.session.execute(select(Person.role, Person.member_id).where(
            Person.user_id == user.id, Person.network_id == network_id)).first()
        cache[key] = (row.role, row.member_id) if row else (None, None)
    return cache[key]


def remember_standing(user, network_id, role, member_id):
    """What a query of the caller read of `user`'s standing in the network (their `Person`
    row's role and member id, None when they have none), so the request's policies ask no
    more."""
    if has_request_context():
        g.setdefault("networks_standing", {})[(user.id, network_id)] = (role, member_id)


def forget():
    """Drop what this request remembers about roles, after a role has changed."""
    if has_request_context():
        g.pop("networks_standing", None)


def role_in(user, network):
    """The role `user` holds in `network`: "coordinator", "editor", ... or None."""
    return _standing(user, network.id)[0]


def has_role(user, network, at_least):
    role = role_in(user, network)
    return role is not None and RANK[role] >= RANK[at_least]


def is_admin(user):
    return site_role(user) == "admin"


def view_policy(user, network, permission):
    if network is None:
        return site_role(user) in permission.roles
    return network.is_public or is_admin(user) or role_in(user, network) is not None


def role_policy(at_least):
    """A policy granting the permission on a network to `at_least` and the roles above it."""
    def policy(user, network, permission):
        if network is None:
            return site_role(user) in permission.roles
        return is_admin(user) or has_role(user, network, at_least)
    policy.__name__ = f"at_least_{at_least}"
    return policy


def member_themes_policy(user, member, permission):
    """Coordinators, and the people acting for the organisation itself (contributors and up)."""
    if member is None:
        return site_role(user) in permission.roles
    if is_admin(user):
        return True
    role, member_id = _standing(user, member.network_id)
    if role is None:
        return False
    return role == "coordinator" or (member_id == member.id and RANK[role] >= RANK["contributor"])
