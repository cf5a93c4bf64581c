"""Twenty editors save one record at the same moment through two gunicorn processes on
PostgreSQL: no request fails, and every text anyone submitted is either in the record or kept
as an edit revision that its author was shown."""
import os
import re
import subprocess
import sys
import threading
import time
import urllib.request

import pytest
from sqlalchemy import select

from action_plans.models import Revision, Section
from action_plans.services import coediting
from action_plans.services.records import SECTION
from lms.extensions import db
from lms.models import User
from tests.helpers import PASSWORD
from tests.helpers.http import CSRF, Browser, free_port

EDITORS = 20
SENTENCES = [f"Sentence number {n} of the context stays as it is." for n in range(12)]
VERSION = re.compile(r'name="version"[^>]*value="(\d+)"')


class Gunicorn:
    def __init__(self, app, tmp_path, name):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(tmp_path / f"{name}.log", "wb")
        env = dict(os.environ, DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"],
                   SECRET_KEY=app.config["SECRET_KEY"], LOG_LEVEL="WARNING",
                   LMS_INSTANCE_PATH=str(tmp_path / "instance"), WTF_CSRF_ENABLED="true")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", "1", "--threads", "8",
             "--worker-class", "gthread", "--bind", f"127.0.0.1:{self.port}",
             "lms:create_app()"], env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=1)
                return
            except OSError:        # not answering yet (refused, or timed out)
                time.sleep(0.2)
        self.stop()
        raise RuntimeError((tmp_path / f"{name}.log").read_text())

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)
        self.log.close()


def run_all(work):
    """`work(n)` for every editor, each in its own thread, all at once."""
    threads = [threading.Thread(target=work, args=(n,)) for n in range(EDITORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)


@pytest.fixture
def editors(app, network, plan, make_user):
    """Twenty editors of the plan's network, and the context section's text to start from."""
    from networks.models import Network
    from networks.services import membership
    from lms.models import Organisation
    people = [make_user(display_name=f"Editor {n}") for n in range(EDITORS)]
    with app.test_request_context():
        found = db.session.get(Network, network.id)
        organisation = db.session.get(Organisation, network.organisations["editor"].id)
        for person in people:
            membership.add_person(found, organisation, db.session.get(User, person.id), "editor")
        section = db.session.get(Section, plan.sections["context"])
        coediting.save(plan.id, SECTION, section, {"title": "Context",
                                                   "body": " ".join(SENTENCES)},
                       section.version, db.session.get(User, people[0].id))
        db.session.commit()
    return people


@pytest.mark.postgres_only
def test_twenty_editors_at_once_lose_nothing(app, postgres, tmp_path, plan, editors):
    if postgres is None:
        pytest.skip("runs in the PostgreSQL pass of make test: production runs on PostgreSQL")
    servers = []
    try:
        servers.append(Gunicorn(app, tmp_path, "first"))
        servers.append(Gunicorn(app, tmp_path, "second"))
        path = f"/action-plans/{plan.slug}/sections/{plan.sections['context']}/edit"
        visitors = [(Browser(), servers[n % 2]) for n in range(EDITORS)]
        forms = [None] * EDITORS

        def open_form(n):
            """Log in and open the edit page (all at once: each sees the same version)."""
            visitor, server = visitors[n]
            status, _page = visitor.post(server.url + "/login", server.url + "/login",
                                         {"email": editors[n].email, "password": PASSWORD})
            assert status == 302
            page = visitor.get(server.url + path)[1]
            forms[n] = {"csrf_token": CSRF.search(page).group(1),
                        "version": VERSION.search(page).group(1)}
        run_all(open_form)
        assert None not in forms, "an editor could not log in or open the form"

        def submission(n):
            """Editors 0-9 rewrite a sentence each (different ones: these merge), 10-14 all
            rewrite the first sentence (these meet), 15-19 all retitle the section."""
            sentences = list(SENTENCES)
            title = "Context"
            if n < 10:
                sentences[n + 1] = f"Editor {n} rewrote sentence {n + 1}."
            elif n < 15:
                sentences[0] = f"Editor {n} rewrote the first sentence."
            else:
                title = f"Context as editor {n} sees it"
            return {"title": title, "body": " ".join(sentences)}

        results = [None] * EDITORS
        start = threading.Barrier(EDITORS)

        def save(n):
            visitor, server = visitors[n]
            start.wait()
            results[n] = visitor.submit(server.url + path, dict(forms[n], **submission(n)))
        run_all(save)
    finally:
        for server in servers:
            server.stop()

    assert [status for status, _page in results if status >= 500] == []
    assert {status for status, _page in results} <= {302, 409}
    with app.app_context():
        section = db.session.get(Section, plan.sections["context"])
        kept = db.session.scalars(select(Revision).where(
            Revision.record_id == section.id, Revision.kind == "edit")).all()
        for n, person in enumerate(editors):
            wanted = submission(n)
            marker = f"Editor {n} rewrote" if n < 15 else f"as editor {n} sees it"
            in_record = marker in section.body or marker in section.title
            status, page = results[n]
            if status == 302:
                assert in_record, f"editor {n}'s save was acknowledged but is not in the record"
            else:
                # shown the resolution page with their text, and it is kept for them
                assert marker in page.replace("&#39;", "'")
                mine = [r for r in kept if r.author_id == person.id]
                assert [r.fields for r in mine] == [wanted]
        # the ten different sentences all arrived
        assert all(f"Editor {n} rewrote sentence {n + 1}." in section.body for n in range(10))
