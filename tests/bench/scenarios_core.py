"""The core's pages in `make bench`."""
from lms.cli import demo_password
from tests.bench.scenario import Scenario


def prepare(app):
    learner = ("learner@demo.example.org", demo_password("learner"))
    return [Scenario("home (visitor)", "/"),
            Scenario("log-in page", "/login"),
            Scenario("organisations directory", "/organisations/"),
            Scenario("profile (learner)", "/account/", login=learner)]
