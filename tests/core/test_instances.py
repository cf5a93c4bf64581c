"""Two app processes on one database: sessions, throttling and single-use links hold across them."""
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.helpers import PASSWORD, Outbox
from tests.helpers.http import Browser, free_port


def environment(app, tmp_path):
    """What every process of one installation shares: database, key, instance folder (and so
    the SQLite job queue in it)."""
    return dict(os.environ, DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"],
                SECRET_KEY=app.config["SECRET_KEY"],
                LMS_INSTANCE_PATH=str(tmp_path / "shared-instance"), LOG_LEVEL="WARNING")


class Worker:
    """The background worker process of the installation."""

    def __init__(self, app, tmp_path, **env):
        self.log = open(tmp_path / "worker.log", "wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "lms", "worker", "--workers", "1"],
            env=dict(environment(app, tmp_path), **env), stdout=self.log,
            stderr=subprocess.STDOUT)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)
        self.log.close()


def wait_for(condition, seconds=30):
    """Poll `condition` until it returns something true; the worker runs in its own time."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"nothing after {seconds} s")


class Instance:
    """One app process serving on its own port."""

    def __init__(self, app, tmp_path, name):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = environment(app, tmp_path)
        self.log = open(tmp_path / f"{name}.log", "wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "lms", "run", "--port", str(self.port),
             "--no-reload"], env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=1)
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError((tmp_path / f"{name}.log").read_text())

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.log.close()


@pytest.fixture
def two_instances(app, tmp_path):
    started = []
    try:
        started.append(Instance(app, tmp_path, "first"))
        started.append(Instance(app, tmp_path, "second"))
        started.append(Worker(app, tmp_path))
        yield started[:2]
    finally:
        for instance in started:
            instance.stop()


def test_state_holds_across_two_app_processes(two_instances, make_user, tmp_path):
    first, second = two_instances
    user = make_user(email="shared@example.org")

    # a session opened on one instance is valid on the other
    visitor = Browser()
    status, _ = visitor.post(first.url + "/login", first.url + "/login",
                             {"email": user.email, "password": PASSWORD})
    assert status == 302
    assert user.display_name in visitor.get(second.url + "/account/")[1]
    visitor.post(second.url + "/logout", second.url + "/account/", {})
    assert visitor.get(first.url + "/account/")[0] == 302

    # failed log-ins counted on both instances lead to one lock
    attacker = Browser()
    for attempt in range(3):
        instance = (first, second)[attempt % 2]
        status, _ = attacker.post(instance.url + "/login", instance.url + "/login",
                                  {"email": user.email, "password": f"wrong guess {attempt}"})
        assert status == 200
    for instance in (first, second):
        status, page = attacker.post(instance.url + "/login", instance.url + "/login",
                                     {"email": user.email, "password": PASSWORD})
        assert status == 429 and "Too many failed log-ins" in page

    # a reset link used on one instance is spent on the other
    helper = Browser()
    make_user(email="other@example.org")
    helper.post(first.url + "/password/forgot", first.url + "/password/forgot",
                {"email": "other@example.org"})
    # the mail is sent by the worker, the third process
    outbox = Outbox(tmp_path / "shared-instance" / "outbox")
    link = wait_for(lambda: outbox.messages(to="other@example.org") and
                    outbox.link(to="other@example.org"))
    new = {"password": "purple elephant dancing slowly",
           "confirm": "purple elephant dancing slowly"}
    assert helper.post(second.url + link, second.url + link, new)[0] == 302
    status, page = helper.get(first.url + link)
    assert status == 400 and "already been used" in page


def test_log_level_may_be_written_in_lower_case(app_factory):
    import logging
    app_factory(LOG_LEVEL="warning")
    assert logging.getLogger("lms").level == logging.WARNING
