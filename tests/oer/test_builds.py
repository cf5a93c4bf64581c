"""Releases are built by a background job: the publisher sees the build queued, its progress,
and the release when it is ready; a crash, a killed worker or an absent queue publishes nothing
half-done and says so; a real worker process builds a release through Redis."""
import os
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from lms import jobs
from lms.extensions import db
from oer.models import OerBuild
from tests.helpers import IN_CI, Auth
from tests.helpers.oer import package_files, publish_url, releases, temporary_files

REDIS_URL = os.environ.get("LMS_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def build_row(app, build_id=1):
    with app.app_context():
        build = db.session.get(OerBuild, build_id)
        return build.status, build.formats_done, build.formats_total, list(build.reasons)


def run_job(app, name, *args):
    with app.app_context():
        return jobs.queue_of(app).tasks[name].call_local(*args)


@pytest.fixture
def auth_for():
    """A client of `app`, logged in as `user` (the tests here use a second app on the test's
    database, whose jobs wait for a worker)."""
    def make(app, user):
        client = app.test_client()
        assert Auth(client).login(user).status_code == 302
        return client
    return make


@pytest.fixture
def queued_app(app_factory, tmp_path):
    """An app whose jobs wait in a SQLite queue until a worker (here: the test) runs them."""
    return app_factory(JOBS_IMMEDIATE=False, JOBS_SQLITE_PATH=str(tmp_path / "jobs.sqlite3"))


def test_the_publisher_sees_the_build_waiting_then_the_release(queued_app, builders,
                                                               ready_course, auth_for):
    app = queued_app
    course = ready_course(title="Queued course")
    client = auth_for(app, course.trainer)
    response = client.post(publish_url(course))
    assert response.headers["Location"].endswith("/oer/builds/1")
    page = client.get("/oer/builds/1")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "The packages are being built" in text and "Waiting for the builder to start" in text
    assert client.get("/oer/builds/1.json").json["status"] == "queued"
    assert jobs.queue_of(app).pending_count() == 1
    assert releases(app, course) == []

    # while it builds, the publishing page says so and a second publication waits
    publish_page = client.get(publish_url(course)).get_data(as_text=True)
    assert "A release of this is being built now." in publish_page
    again = client.post(publish_url(course))
    assert again.status_code == 422
    assert "being built already" in again.get_data(as_text=True)

    with app.app_context():
        db.session.get(OerBuild, 1).status = "building"
        db.session.get(OerBuild, 1).formats_done = 2
        db.session.get(OerBuild, 1).current_format = "html"
        db.session.commit()
    state = client.get("/oer/builds/1.json").json
    assert (state["done"], state["total"]) == (2, 5)
    assert state["message"] == "Building 3 of 5: Website for offline use (HTML)…"
    assert 'value="2"' in client.get("/oer/builds/1").get_data(as_text=True)
    with app.app_context():
        db.session.get(OerBuild, 1).status = "queued"
        db.session.commit()

    task = jobs.queue_of(app).huey.dequeue()        # the worker's turn
    jobs.queue_of(app).huey.execute(task)
    state = client.get("/oer/builds/1.json").json
    assert state["status"] == "done" and state["release_url"].endswith("/oer/queued-course/v1/")
    assert state["done"] == state["total"] == 5
    done = client.get("/oer/builds/1")
    assert done.status_code == 302 and done.headers["Location"].endswith("/oer/queued-course/v1/")
    assert "Release 1 has been published." in client.get(done.headers["Location"]).get_data(
        as_text=True)
    run_job(app, "oer.build_release", 1)              # handed out twice: nothing more happens
    assert [r.number for r in releases(app, course)] == [1]


def test_only_who_may_publish_sees_a_build(queued_app, builders, ready_course, auth_for,
                                           make_user):
    app = queued_app
    course = ready_course()
    auth_for(app, course.trainer).post(publish_url(course))
    stranger = auth_for(app, make_user(role="trainer"))
    assert stranger.get("/oer/builds/1").status_code == 404
    assert stranger.get("/oer/builds/1.json").status_code == 404
    assert app.test_client().get("/oer/builds/1.json").status_code == 302   # to log in


def test_a_build_that_crashes_publishes_nothing_and_says_why(queued_app, builders,
                                                             ready_course, auth_for,
                                                             monkeypatch):
    app = queued_app
    course = ready_course(title="Crashing")
    client = auth_for(app, course.trainer)
    client.post(publish_url(course))
    real_build = builders.build

    def crash_on_epub(name, *args):
        if name == "epub":
            raise MemoryError("the machine ran out of memory")
        return real_build(name, *args)
    monkeypatch.setattr(builders, "build", crash_on_epub)
    run_job(app, "oer.build_release", 1)
    status, *_rest, reasons = build_row(app)
    assert status == "failed" and reasons == ["The EPUB 3 e-book package could not be built."]
    page = client.get("/oer/builds/1")
    assert page.status_code == 422
    text = page.get_data(as_text=True)
    assert "The EPUB 3 e-book package could not be built." in text and "Nothing was published." in text
    assert releases(app, course) == [] and package_files(app) == []
    assert temporary_files(app) == []
    assert client.get("/oer/crashing/").status_code == 404
    # the publisher may try again at once
    assert client.post(publish_url(course)).status_code == 302


def test_a_build_whose_worker_was_killed_fails_with_a_reason_and_leaves_nothing(
        queued_app, builders, ready_course, auth_for, time_machine):
    app = queued_app
    time_machine.move_to("2026-12-01 09:00", tick=False)
    course = ready_course(title="Killed")
    client = auth_for(app, course.trainer)
    client.post(publish_url(course))
    with app.app_context():
        build = db.session.get(OerBuild, 1)
        build.status, build.heartbeat_at, build.formats_done = "building", \
            build.created_at, 2
        db.session.commit()
        leftover = Path(app.instance_path) / "oer" / "packages" / "tmp" / "half.part"
        leftover.parent.mkdir(parents=True, exist_ok=True)
        leftover.write_bytes(b"half a zip")
        os.utime(leftover, (time.time() - 3600, time.time() - 3600))
    time_machine.shift(timedelta(minutes=5))
    run_job(app, "oer.sweep_builds")
    assert build_row(app)[0] == "building"               # still alive, as far as anyone knows
    time_machine.shift(timedelta(minutes=6))
    run_job(app, "oer.sweep_builds")
    assert build_row(app)[0] == "failed"
    text = client.get("/oer/builds/1").get_data(as_text=True)
    assert "The build was interrupted. Nothing was published; please publish again." in text
    assert not leftover.exists()
    assert releases(app, course) == []


def test_publishing_while_the_queue_is_away_waits_and_is_built_later(
        app_factory, builders, ready_course, auth_for, time_machine):
    time_machine.move_to("2026-12-01 09:00", tick=True)
    away = app_factory(JOBS_IMMEDIATE=False, REDIS_URL="redis://127.0.0.1:1/0")
    course = ready_course(title="Patient")
    client = auth_for(away, course.trainer)
    response = client.post(publish_url(course))
    assert response.status_code == 302                   # the page answers
    page = client.get(response.headers["Location"])
    assert page.status_code == 200 and "Waiting for the builder to start" in page.get_data(
        as_text=True)
    back = app_factory()                                  # the queue is back, jobs run at once
    time_machine.shift(timedelta(minutes=3))
    run_job(back, "oer.sweep_builds")
    assert build_row(back)[0] == "done"
    assert [r.number for r in releases(back, course)] == [1]


def redis_answers():
    import redis
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError:
        return False


def test_a_real_worker_builds_a_release_through_redis(app_factory, builders, ready_course,
                                                      auth_for, tmp_path):
    if not redis_answers():
        message = f"Redis does not answer at {REDIS_URL}"
        if IN_CI:
            pytest.fail(message + " and CI=true")
        pytest.skip(message)
    queue = f"lms-test-{uuid.uuid4().hex[:8]}"
    app = app_factory(JOBS_IMMEDIATE=False, REDIS_URL=REDIS_URL, JOBS_QUEUE_NAME=queue)
    course = ready_course(title="Worked")
    env = dict(os.environ, DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"],
               SECRET_KEY=app.config["SECRET_KEY"], LMS_INSTANCE_PATH=app.instance_path,
               REDIS_URL=REDIS_URL, JOBS_QUEUE_NAME=queue, LOG_LEVEL="WARNING")
    log = open(tmp_path / "worker.log", "wb")
    worker = subprocess.Popen([sys.executable, "-m", "flask", "--app", "lms", "worker",
                               "--workers", "1", "--no-periodic"],
                              env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        client = auth_for(app, course.trainer)
        assert client.post(publish_url(course)).status_code == 302
        deadline = time.monotonic() + 90
        state = None
        while time.monotonic() < deadline:
            state = client.get("/oer/builds/1.json").json
            if state["status"] in ("done", "failed"):
                break
            time.sleep(0.2)
        assert state["status"] == "done", (tmp_path / "worker.log").read_text()
        [release] = releases(app, course)
        assert sorted(p.format for p in release.packages) == sorted(
            ["imscc", "scorm12", "html", "epub", "pdf"])
        for package in release.packages:
            download = client.get(f"/oer/{release.slug}/v1/{package.filename}")
            assert download.status_code == 200 and len(download.data) == package.size
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        log.close()


def test_a_release_that_fails_to_build_at_once_does_not_hold_back_the_next(app, builders,
                                                                          ready_course):
    """publish() builds in the calling process (seed-demo); a failure there is over, not
    pending."""
    from courses.services.media import path_for
    from lms.models import User
    from oer.services import publishing
    course = ready_course(title="Missing picture")
    with app.app_context():
        path_for(course.media_sha256).unlink()
    with app.test_request_context():
        trainer = db.session.get(User, course.trainer.id)
        with pytest.raises(publishing.PublishError):
            publishing.publish(*publishing.load("courses.course", course.id), trainer)
        db.session.commit()
        assert publishing.pending_build("courses.course", course.id) is None
        assert db.session.scalar(select(OerBuild.status)) == "failed"
