"""Every route of the URL map, requested by every demo role with real ids, answers as its declared
permission says, and never with a 5xx. A new route is covered the day it is added: its URL
arguments come from the table in tests/harness/world.py, which fails loudly on one it cannot fill.
"""
import pytest
from flask_login import AnonymousUserMixin
from sqlalchemy import select

from lms.permissions import can
from tests.harness.world import ROLES, RULES, UnfilledArgument, converter_name, rule_of

# Public by design: everyone gets these (checked below against their declared permission).
PUBLIC = {"static", "courses.static", "networks.static", "oer.static", "toolkit.static",
          "core.healthz", "core.home", "core.set_language", "core.sitemap", "auth.login"}

LARGEST = 2 ** 63 + 1


def holders(world, permission):
    """The roles that hold `permission` (asked of can(), without an object)."""
    from lms.models import User
    cache = world.__dict__.setdefault("holders", {})
    if permission not in cache:
        with world.app.test_request_context():
            from lms.extensions import db
            people = {u.email: u for u in db.session.scalars(select(User))}
            cache[permission] = {role for role, email in ROLES.items()
                                 if can(people[email] if email else AnonymousUserMixin(),
                                        permission)}
    return cache[permission]


def verdict(response, holds, role, has_object, method, made_up=False):
    """None when the answer fits, else what is wrong."""
    status = response.status_code
    location = response.headers.get("Location", "")
    to_login = status in (301, 302, 303) and location.startswith("/login")
    if status >= 500:
        return f"{status}"
    if holds:
        if 200 <= status < 300 or (300 <= status < 400 and not to_login):
            return None
        if status == 404 and has_object:
            return None     # an object-level check: the object is private to others
        if status in (400, 403) and method == "POST":
            return None     # a POST with no data or for an object one may not change
        if status == 403 and has_object:
            return None
        if status == 400 and made_up:
            return None     # a made-up single-use token (the demo holds none) is refused
        return f"{status} {location}".strip()
    if role == "anonymous":
        return None if to_login else f"{status} {location} (expected the log-in page)".strip()
    return None if status in (403, 404) else f"{status} {location} (expected 403/404)".strip()


@pytest.mark.parametrize("path,endpoint", RULES, ids=[p for p, _e in RULES])
def test_every_role_gets_what_its_permission_says(world, path, endpoint):
    rule = rule_of(world, path, endpoint)
    view = world.app.view_functions[endpoint]
    permission = getattr(view, "required_permission", None)
    assert permission, f"{path} declares no permission"
    try:
        filled = world.fill(rule)
    except UnfilledArgument as problem:
        pytest.fail(str(problem))
    allowed = holders(world, permission)
    if endpoint in PUBLIC:
        assert allowed == set(ROLES), f"{path} is listed as public but {permission} is not"
    method = "GET" if "GET" in rule.methods else "POST"
    wrong = []
    for role in ROLES:
        response = world.request(world.client(role), method, filled.url)
        world.settle()
        problem = verdict(response, role in allowed, role, bool(rule.arguments), method,
                          bool(filled.absent))
        if problem:
            wrong.append(f"{role}: {method} {filled.url} -> {problem}")
    assert not wrong, f"{path} needs {permission}:\n" + "\n".join(wrong)


# ids that arrive as strings and are looked up as numbers
NUMERIC_STRINGS = {"key"}
ID_RULES = [(p, e) for p, e in RULES
            if "<int:" in p or "<id:" in p or any(f"<{n}>" in p for n in NUMERIC_STRINGS)]


@pytest.mark.parametrize("path,endpoint", ID_RULES, ids=[p for p, _e in ID_RULES])
def test_huge_ids_are_not_found_not_a_500(world, path, endpoint):
    rule = rule_of(world, path, endpoint)
    numeric = [name for name, converter in rule._converters.items()
               if converter_name(world.app, converter) in ("int", "id")
               or name in NUMERIC_STRINGS]
    filled = world.fill(rule, overrides={name: LARGEST for name in numeric})
    method = "GET" if "GET" in rule.methods else "POST"
    for role in ("admin", "trainer"):
        response = world.request(world.client(role), method, filled.url)
        world.settle()
        assert response.status_code < 500, f"{role}: {method} {filled.url}"
