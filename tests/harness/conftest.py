"""One seeded demo per test process for the harness (see tests/harness/world.py)."""
import os

import pytest
from sqlalchemy import select

from lms import create_app
from lms.extensions import db
from lms.plugins import tables_for
from tests.harness.world import World
from tests.helpers import base_config


def add_coordinator():
    """The demo's network is coordinated by the demo trainer; the harness adds a coordinator
    who holds no site role beside it, so the two roles are tried apart."""
    from lms.cli import seed_account
    from lms.models import Organisation
    from networks.services import membership
    from networks.models import Network
    network = db.session.scalar(select(Network).order_by(Network.id))
    municipality = db.session.scalar(select(Organisation).order_by(Organisation.id))
    _label, user = seed_account(("network-coordinator", "learner", "coordinator@demo.example.org",
                                 "Cora Coordinator", "en", 0, "member"), [municipality])
    membership.add_person(network, municipality, user, "coordinator")


@pytest.fixture(scope="session")
def world(postgres, tmp_path_factory):
    """The demo seeded once for this test process, everyone signed in, the state remembered."""
    folder = tmp_path_factory.mktemp("harness")
    url = postgres.create() if postgres is not None else f"sqlite:///{folder}/demo.sqlite3"
    # the harness signs in nine people and posts thousands of bad log-ins from one address
    app = create_app(base_config(folder, url, SECRET_KEY="harness-secret-key",
                                 LOGIN_IP_LOCK_AFTER=10 ** 9))
    with app.app_context():
        db.metadata.create_all(db.engine, tables=tables_for(app, db.metadata))
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    with app.test_request_context():
        add_coordinator()
        db.session.commit()
    # from here on jobs (package builds, mail) are queued in memory and never run: a publication
    # the fuzzer gets through would otherwise build five packages (seconds) in the request
    app.extensions["lms_jobs"].huey.immediate = False
    world = World(app)

    def password_of(role):
        from lms.cli import demo_password
        with app.app_context():
            return demo_password(role)

    world.log_in_everyone(password_of)
    world.demo_values()
    # the learner is enrolled in the demo course, so the learning pages have a learner
    course = world.values[("/courses/", "slug")]
    learner = world.client("learner")
    assert learner.post(f"/courses/{course}/enrol").status_code in (302, 303)
    world.demo_values()
    world.snapshot()
    yield world
    report = os.environ.get("HARNESS_REPORT")
    if report:   # one line per test process: requests made, form submissions among them
        with open(report, "a") as out:
            out.write(f"{os.getpid()} requests={world.requests} "
                      f"submissions={world.submissions} form shapes={len(world.shapes)}\n")
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def ci():
    return os.environ.get("CI") == "true"
