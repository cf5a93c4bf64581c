"""Twenty editors save one action at the same moment through two gunicorn processes on
PostgreSQL, some the same long text (different sentences, and the same one), some other fields:
no request fails, and every text anyone submitted is either in the action or kept as an edit
revision that its author was shown, and finds again in the action's history."""
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from action_plans.models import Action, Plan, Revision
from action_plans.services import actions, goals
from lms.extensions import db
from lms.models import User
from tests.helpers import PASSWORD
from tests.helpers.http import CSRF, Browser, free_port

EDITORS = 20
DESCRIPTION = [f"Sentence number {n} of the description stays as it is." for n in range(10)]
OUTPUTS = [f"Output number {n} stays as it is." for n in range(4)]
VERSION = re.compile(r'name="version"[^>]*value="(\d+)"')
# the action as its edit form sends it back unchanged
FORM = {"code": "A1", "title": "Language cafés in every district",
        "description": " ".join(DESCRIPTION), "lead_organisation_id": "",
        "contact_person": "Ana Alves", "planned_start": "2026-02-01", "planned_end": "2026-12-31",
        "actual_start": "", "actual_end": "", "status": "planned", "progress": "0",
        "progress_from": "entered", "weight": "1", "priority": "medium", "budget": "1200.50",
        "funding_source": "", "target_group": "Adults new to the city",
        "planned_beneficiaries": "40", "expected_outputs": " ".join(OUTPUTS)}


class Gunicorn:
    """An app process; started at once, `wait()` until it answers (both start side by side)."""

    def __init__(self, app, tmp_path, name):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = tmp_path / f"{name}.log"
        self.log = open(self.log_path, "wb")
        env = dict(os.environ, DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"],
                   SECRET_KEY=app.config["SECRET_KEY"], LOG_LEVEL="WARNING",
                   LMS_INSTANCE_PATH=str(tmp_path / "instance"), WTF_CSRF_ENABLED="true")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", "1", "--threads", "8",
             "--worker-class", "gthread", "--bind", f"127.0.0.1:{self.port}",
             "lms:create_app()"], env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def wait(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=1)
                return
            except OSError:        # not answering yet (refused, or timed out)
                time.sleep(0.2)
        raise RuntimeError(self.log_path.read_text())

    def stop(self):
        """A quick shutdown (nothing is in flight any more); `join()` waits for it."""
        self.process.send_signal(signal.SIGINT)

    def join(self):
        self.process.wait(timeout=20)
        self.log.close()


def run_all(work):
    """`work(n)` for every editor, each in its own thread, all at once."""
    threads = [threading.Thread(target=work, args=(n,)) for n in range(EDITORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)


def change(n):
    """The field editor `n` changes, and the words of theirs to look for afterwards.

    0-7 rewrite a sentence of the description each (different ones: these merge), 8-11 all
    rewrite its first sentence (these meet: one is stored, three are asked to resolve), 12-13
    rewrite different sentences of the expected outputs, 14-15 both its first one, 16-17 both
    retitle the action (one short field: one is stored, one asked), 18 changes the target
    group and 19 the funding source."""
    if n < 8:
        return "description", DESCRIPTION, n + 1, f"Editor {n} rewrote sentence {n + 1}."
    if n < 12:
        return "description", DESCRIPTION, 0, f"Editor {n} rewrote the first sentence."
    if n < 14:
        return "expected_outputs", OUTPUTS, n - 11, f"Editor {n} rewrote output {n - 11}."
    if n < 16:
        return "expected_outputs", OUTPUTS, 0, f"Editor {n} rewrote the first output."
    if n < 18:
        return "title", None, None, f"Language cafés as editor {n} names them"
    if n == 18:
        return "target_group", None, None, "Parents of pupils new to the city"
    return "funding_source", None, None, f"City fund chosen by editor {n}"


def submission(n):
    """What editor `n` sends: the form as they loaded it, with their one change."""
    name, sentences, index, words = change(n)
    if sentences is None:
        return {name: words}
    changed = list(sentences)
    changed[index] = words
    return {name: " ".join(changed)}


def marker(n):
    return change(n)[3]


@pytest.fixture
def editors(postgres, app, network, plan, make_user):
    """Twenty editors of the plan's network, and the action they all edit (its id)."""
    if postgres is None:
        pytest.skip("runs in the PostgreSQL pass of make test: production runs on PostgreSQL")
    from networks.models import Network
    from networks.services import membership
    from lms.models import Organisation
    people = [make_user(display_name=f"Editor {n}") for n in range(EDITORS)]
    with app.test_request_context():
        found = db.session.get(Network, network.id)
        organisation = db.session.get(Organisation, network.organisations["editor"].id)
        for person in people:
            membership.add_person(found, organisation, db.session.get(User, person.id), "editor")
        stored = db.session.get(Plan, plan.id)
        author = db.session.get(User, people[0].id)
        goal = goals.add(stored, author, None, {
            "code": "G1", "title": "Newcomers learn German", "description": "",
            "thematic_area": "education", "target_groups": "", "assumptions": "", "risks": ""})
        action = actions.add(stored, goal, author, dict(
            FORM, lead_organisation_id=None, planned_start=date(2026, 2, 1),
            planned_end=date(2026, 12, 31), actual_start=None, actual_end=None, progress=0,
            weight=1, budget=Decimal("1200.50"), planned_beneficiaries=40))
        db.session.commit()
        action_id = action.id
    return people, action_id


@pytest.mark.postgres_only
def test_twenty_editors_save_one_action_at_once_and_lose_nothing(app, tmp_path, plan, editors):
    people, action_id = editors
    base = f"/action-plans/{plan.slug}/actions/{action_id}"
    servers = []
    failures = []          # (editor, what, status) of every answer of 500 or more

    def fetch(n, method, what, *args):
        status, page = getattr(visitors[n][0], method)(*args)
        if status >= 500:
            failures.append((n, what, status))
        return status, page.replace("&#39;", "'")

    try:
        servers.append(Gunicorn(app, tmp_path, "first"))
        servers.append(Gunicorn(app, tmp_path, "second"))
        for server in servers:
            server.wait()
        visitors = [(Browser(), servers[n % 2]) for n in range(EDITORS)]
        forms = [None] * EDITORS

        def open_form(n):
            """Log in and open the edit page (all at once: each sees the same version)."""
            url = visitors[n][1].url
            status, _page = fetch(n, "post", "log in", url + "/login", url + "/login",
                                  {"email": people[n].email, "password": PASSWORD})
            assert status == 302
            page = fetch(n, "get", "edit page", url + base + "/edit")[1]
            forms[n] = {"csrf_token": CSRF.search(page).group(1),
                        "version": VERSION.search(page).group(1)}
        run_all(open_form)
        assert None not in forms, "an editor could not log in or open the form"
        assert {form["version"] for form in forms} == {"1"}

        results = [None] * EDITORS
        start = threading.Barrier(EDITORS)

        def save(n):
            url = visitors[n][1].url
            start.wait()
            results[n] = fetch(n, "submit", "save", url + base + "/edit",
                               dict(FORM, **forms[n], **submission(n)))
        run_all(save)
        assert None not in results, "a save got no answer"

        # what each editor finds afterwards, through the process they used: the action's page
        # when their save was taken, else the history and the edit page
        seen = [None] * EDITORS

        def look(n):
            url = visitors[n][1].url
            if results[n][0] == 302:
                seen[n] = {"action": fetch(n, "get", "action page", url + base + "/")[1]}
            else:
                seen[n] = {"history": fetch(n, "get", "history", url + base + "/history")[1],
                           "edit": fetch(n, "get", "edit page again", url + base + "/edit")[1]}
        run_all(look)
    finally:
        for server in servers:
            server.stop()
        for server in servers:
            server.join()

    assert failures == []
    statuses = [status for status, _page in results]
    assert set(statuses) <= {302, 409}
    # only the texts that meet are sent to be resolved: three of the four rewrites of the
    # description's first sentence, one of the two of the first output, one of the two titles
    asked = {n for n, status in enumerate(statuses) if status == 409}
    assert len(asked & set(range(8, 12))) == 3
    assert len(asked & {14, 15}) == 1 and len(asked & {16, 17}) == 1
    assert len(asked) == 5

    with app.app_context():
        action = db.session.get(Action, action_id)
        edits = db.session.scalars(select(Revision).where(
            Revision.record_type == "action", Revision.record_id == action_id,
            Revision.kind == "edit")).all()
        saves = db.session.scalars(select(Revision).where(
            Revision.record_type == "action", Revision.record_id == action_id,
            Revision.kind == "saved")).all()
        # all twenty saved from version 1: the first save is stored as it came, the nineteen
        # after it are first kept as edits, then merged (resolved) or left to resolve
        assert len(edits) == EDITORS - 1
        assert {e.author_id for e in edits if e.resolved_at is None} == \
            {people[n].id for n in asked}
        assert sorted(r.merged for r in saves) == [False, False] + [True] * (EDITORS - 6)
        assert action.version == 1 + EDITORS - len(asked)
        for n, person in enumerate(people):
            name, _sentences, _index, words = change(n)
            status, page = results[n]
            if status == 302:
                assert words in getattr(action, name), \
                    f"editor {n}'s save was acknowledged but is not in the action"
                assert words in seen[n]["action"], f"editor {n} does not see their text"
            else:
                # shown the resolution page with their text, which is kept for them, shown in
                # the history and announced when they open the form again
                assert words not in getattr(action, name)
                assert words in page
                mine = [e for e in edits if e.author_id == person.id]
                assert len(mine) == 1 and mine[0].resolved_at is None
                assert mine[0].fields[name] == submission(n)[name]
                assert words in seen[n]["history"], f"editor {n}'s kept text is not shown"
                assert "You have 1 unresolved text for this in its history." in \
                    seen[n]["edit"]
        # every rewrite of a different sentence arrived, and one of each that met
        assert all(f"Editor {n} rewrote sentence {n + 1}." in action.description
                   for n in range(8))
        assert all(f"Editor {n} rewrote output {n - 11}." in action.expected_outputs
                   for n in (12, 13))
        assert sum(marker(n) in action.description for n in range(8, 12)) == 1
        assert action.target_group == marker(18) and action.funding_source == marker(19)
