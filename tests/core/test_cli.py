"""Command-line tools and start-up behaviour."""
import os
import subprocess
import sys

from sqlalchemy import func, select

from lms.extensions import db
from lms.models import Organisation, User


CORE_LOGINS = ["admin", "trainer", "learner", "organisation-admin"]


def run_flask(*args, env=None, tmp_path=None):
    environment = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "flask", "--app", "lms", *args],
                          capture_output=True, text=True, env=environment, timeout=120)


def test_fresh_database_upgrade_then_seed_demo_twice(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path}/fresh.sqlite3",
           "LMS_INSTANCE_PATH": str(tmp_path / "instance"), "LOG_LEVEL": "WARNING"}
    upgrade = run_flask("db", "upgrade", env=env)
    assert upgrade.returncode == 0, upgrade.stderr
    first = run_flask("seed-demo", env=env)
    second = run_flask("seed-demo", env=env)
    assert first.returncode == second.returncode == 0, first.stderr
    logins = [line.split() for line in second.stdout.splitlines()
              if line.startswith("demo login: ")]
    # plugins may add demo accounts of their own; the core's four come in this order
    assert [parts[2] for parts in logins if parts[2] in CORE_LOGINS] == CORE_LOGINS
    assert logins == [line.split() for line in first.stdout.splitlines()
                      if line.startswith("demo login: ")]
    assert "Seeded 4 organisations and 4 accounts." in second.stdout


def test_demo_logins_work(app_factory):
    app = app_factory(LMS_PLUGINS=[])   # the core's demo alone; plugins test their own
    runner = app.test_cli_runner()
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    runner.invoke(args=["seed-demo"])
    with app.app_context():
        assert db.session.scalar(select(func.count(User.id))) == 4
        assert db.session.scalar(select(func.count(Organisation.id))) == 4
    for line in result.output.splitlines():
        if line.startswith("demo login: "):
            _, _, role, email, password = line.split()
            client = app.test_client()
            response = client.post("/login", data={"email": email, "password": password})
            assert response.status_code == 302, role
            with app.app_context():
                user = db.session.scalar(select(User).where(User.email == email))
                assert user.role == {"organisation-admin": "learner"}.get(role, role)


def test_create_admin(app):
    runner = app.test_cli_runner()
    weak = runner.invoke(args=["create-admin", "--email", "boss@example.org", "--name", "Boss",
                               "--password", "password1234"])
    assert weak.exit_code != 0 and "too common" in weak.output
    result = runner.invoke(args=["create-admin", "--email", "Boss@Example.org", "--name", "Boss",
                                 "--password", "granite lantern orbit"])
    assert result.exit_code == 0 and "Created admin boss@example.org" in result.output
    client = app.test_client()
    client.post("/login", data={"email": "boss@example.org", "password": "granite lantern orbit"})
    assert client.get("/admin/users").status_code == 200


def test_unreachable_database_stops_with_a_clear_message(tmp_path):
    env = {"DATABASE_URL": "postgresql://postgres@127.0.0.1:9/lms",
           "LMS_INSTANCE_PATH": str(tmp_path / "instance")}
    result = run_flask("db", "upgrade", env=env)
    assert result.returncode != 0
    assert "cannot reach the database at postgresql+psycopg://postgres@127.0.0.1:9/lms" \
        in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_plugin_stops_start_up_naming_it(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3", "LMS_PLUGINS": "courses,nowhere",
           "LMS_INSTANCE_PATH": str(tmp_path / "instance")}
    result = run_flask("routes", env=env)
    assert result.returncode != 0
    assert "plugin 'nowhere' is named in LMS_PLUGINS but is not installed" in result.stderr
    assert "Traceback" not in result.stderr


def test_healthz_answers_json(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_cleanup_removes_expired_rows(app, client, auth, make_user, time_machine):
    time_machine.move_to("2026-02-01 10:00", tick=False)
    auth.login(make_user())
    time_machine.shift(60 * 60 * 24 * 40)
    result = app.test_cli_runner().invoke(args=["cleanup"])
    assert "Deleted 1 sessions" in result.output
