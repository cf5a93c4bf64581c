"""Every form the app renders, for every demo role, fed malformed values with hypothesis: no 5xx,
no payload echoed unescaped, and nothing stored changed by a form the app refused.

The forms come from the pages themselves (each GET route of the URL map, with demo ids, as each
role sees it), so a new page's forms are covered the day it is added. One test item per role and
page. Each form gets a script in every text field; the first of its shape (the same fields, its
action with other ids) a role meets also gets hypothesis' examples, so a row's buttons or a form
shown on several pages are fuzzed once per role, not once per row and page. Under CI=true the examples are derandomized
(the same every run); locally each run draws new ones (`--hypothesis-seed=N` repeats one).
"""
import os
import re

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from tests.harness.forms import REFLECTED, all_payload, as_data, forms_on, submissions
from tests.harness.world import BOOKKEEPING, ROLES, RULES, rule_of

IN_CI = os.environ.get("CI") == "true"
# hypothesis examples per form shape with fields (a form of buttons only gets 2), besides three
# fixed submissions per shape and one per repeat of a shape: ~8,700 submissions on SQLite and
# ~3,500 on PostgreSQL (a request costs twice as much there), ~12,000 for the two runs of CI
POSTGRES = os.environ.get("LMS_TEST_DATABASE") == "postgresql"
EXAMPLES = int(os.environ.get("HARNESS_EXAMPLES", "9" if POSTGRES else "30"))
NOT_PAGES = ("/static/", "/healthz", ".csv", ".pdf", ".docx", ".svg", ".json", ".atom", ".xml", "/oai",
             "/logo/", "/media/<sha256>", "<filename>", "/language/", "/badge", "/assertions/",
             "/issuer")
IGNORED_ACTIONS = ("/logout",)   # in every page's header; tried once, on the home page below
# Answers of 200 that are a success, not a refusal (the page shows what was stored).
STORES_ON_200 = set()

def pages():
    for path, endpoint in RULES:
        if any(part in path for part in NOT_PAGES):
            continue
        for role in ROLES:
            yield pytest.param(role, path, endpoint, id=f"{role}:{path}")


class Trial:
    """Posts one submission to one form as one role and checks the answer."""

    def __init__(self, world, role, form, csrf=False):
        self.world, self.role, self.form = world, role, form
        self.problems = []

    def post(self, pairs, what, headers=None):
        world = self.world
        world.submissions += 1
        response = world.request(world.client(self.role), "POST", self.form.action,
                                 data=as_data(self.form, pairs), headers=headers,
                                 content_type="multipart/form-data" if self.form.multipart
                                 else "application/x-www-form-urlencoded")
        status = response.status_code
        body = response.get_data(as_text=True) if response.mimetype == "text/html" else ""
        changed = world.settle(bookkeeping=False) - BOOKKEEPING
        where = f"{self.role}: POST {self.form.action} ({what}) {pairs!r:.300}"
        if status >= 500:
            self.problems.append(f"{status} {where}")
        for payload in REFLECTED:
            if payload in body:
                self.problems.append(f"{status}, {payload} echoed unescaped: {where}")
        refused = 400 <= status < 500 or (status == 200 and self.form.action.split("?")[0]
                                           not in STORES_ON_200)
        if refused and changed:
            self.problems.append(f"{status} but stored {sorted(changed)}: {where}")
        return response


@pytest.mark.parametrize("role,path,endpoint", list(pages()))
def test_forms_refuse_bad_input(world, role, path, endpoint):
    filled = world.fill(rule_of(world, path, endpoint))
    page = world.request(world.client(role), "GET", filled.url)
    world.settle()
    if page.status_code != 200 or page.mimetype != "text/html":
        return
    ignore = IGNORED_ACTIONS if path != "/" else ()
    forms = forms_on(page.get_data(as_text=True), filled.url, ignore)
    problems = []
    for form in forms:
        trial = Trial(world, role, form)
        trial.post(all_payload(form), "every text field a script")
        # a form of the same shape (its action with other ids, the same fields) was tried by this
        # role already, here or on another page (a row's buttons, a form on several pages): the
        # same code answers, so the examples go to forms not tried yet
        shape = (role, re.sub(r"\d+", "#", form.action), form.key[1])
        if shape in world.shapes:
            problems += trial.problems
            continue
        world.shapes.add(shape)
        trial.post([], "no fields at all")
        trial.post(all_payload(form, "a\x00b"), "every text field a NUL")

        fields = [one for one in form.fields if one.kind not in ("hidden", "submit", "button")]

        @settings(max_examples=EXAMPLES if fields else 2, deadline=None, database=None, derandomize=IN_CI,
                  phases=[Phase.generate], suppress_health_check=list(HealthCheck))
        @given(pairs=submissions(form))
        def fuzz(pairs):
            trial.post(pairs, "fuzzed")

        fuzz()
        world.settle()
        problems += trial.problems
    assert not problems, "\n".join(dict.fromkeys(problems))


@pytest.mark.parametrize("role", [r for r in ROLES])
@pytest.mark.parametrize("path", ["/account/", "/organisations/new", "/courses/new",
                                  "/networks/new", "/oer/blueprints/new", "/login", "/signup"])
def test_forms_without_a_valid_csrf_token_change_nothing(world, role, path):
    """With CSRF protection on, a missing, stale or forged token is refused and stores nothing."""
    app = world.app
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        client = world.client(role)
        page = world.request(client, "GET", path)
        world.settle()
        if page.status_code != 200:
            return
        forms = [f for f in forms_on(page.get_data(as_text=True), path, IGNORED_ACTIONS)
                 if any(one.name == "csrf_token" for one in f.fields)]
        problems = []
        for form in forms:
            trial = Trial(world, role, form)
            good = [(f.name, f.value) for f in form.fields if f.kind != "file"]
            without = [(n, v) for n, v in good if n != "csrf_token"]
            for what, pairs in [
                    ("no token", without),
                    ("forged token", without + [("csrf_token", "forged")]),
                    ("stale token", without + [("csrf_token", stale_token(world))]),
                    ("two tokens", good + [("csrf_token", "forged")])]:
                response = trial.post(pairs, what)
                if what != "two tokens" and response.status_code != 400:
                    problems.append(f"{role}: {form.action} with {what}: "
                                    f"{response.status_code}, expected 400")
            problems += trial.problems
        assert not problems, "\n".join(problems)
    finally:
        app.config["WTF_CSRF_ENABLED"] = False


def stale_token(world):
    """A token made for another session (a form left open across a sign-out)."""
    client = world.app.test_client()
    page = client.get("/login")
    forms = forms_on(page.get_data(as_text=True), "/login")
    return next(f.value for form in forms for f in form.fields if f.name == "csrf_token")
