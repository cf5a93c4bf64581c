"""core_0004, courses_0005, networks_0003: the three invitation tables become the core's one,
and back; links mailed before the move keep working after it."""
from datetime import timedelta

import flask_migrate
from sqlalchemy import text

from courses.models import Cohort, Course
from lms import create_app
from lms.auth import tokens
from lms.extensions import db
from lms.invitations import kind, services
from lms.models import Organisation, User
from lms.timeutil import utcnow
from networks.models import Network
from tests.helpers import base_config

BEFORE = "core_0003"


def test_invitations_move_into_the_core_table_and_back(tmp_path, new_database_url):
    app = create_app(base_config(tmp_path, new_database_url()))
    with app.test_request_context():
        flask_migrate.upgrade(revision="heads")
        flask_migrate.downgrade(revision=BEFORE)   # takes the plugins' moves down first
        inviter = User(email="inviter@example.org", display_name="Inviter", password_hash="x",
                       role="trainer", locale="en", timezone="", active=True)
        organisation = Organisation(name="Caritas Köln", slug="caritas-koeln", kind="ngo",
                                    country="DE")
        course = Course(title="Welcome desks", slug="welcome-desks")
        network = Network(name="Rheinland", slug="rheinland", country="DE")
        db.session.add_all([inviter, organisation, course, network])
        db.session.flush()
        cohort = Cohort(course_id=course.id, name="Spring")
        db.session.add(cohort)
        db.session.flush()
        links = {}
        now = utcnow()
        for purpose, table, values in [
                ("org_invitation", "organisation_invitations",
                 {"organisation_id": organisation.id, "role": "admin"}),
                ("course_invitation", "courses_invitation",
                 {"course_id": course.id, "cohort_id": cohort.id}),
                ("network_invitation", "networks_invitation",
                 {"network_id": network.id, "role": "editor", "locale": "tr",
                  "organisation_id": None, "organisation_name": "Göç Derneği",
                  "organisation_kind": "ngo"})]:
            row, links[purpose] = tokens.issue(purpose, f"{purpose}@example.org",
                                               timedelta(days=5))
            values = dict(values, email=f"{purpose}@example.org", invited_by_id=inviter.id,
                          token_id=row.id, created_at=now)
            db.session.execute(text(
                f"INSERT INTO {table} ({', '.join(values)}) "
                f"VALUES ({', '.join(':' + name for name in values)})"), values)
        db.session.commit()

        flask_migrate.upgrade(revision="heads")
        found = {}
        for name, purpose in [("core.organisation", "org_invitation"),
                              ("courses.course", "course_invitation"),
                              ("networks.network", "network_invitation")]:
            found[name] = services.pending(kind(name), links[purpose])
        invitation, target = found["core.organisation"]
        assert (target.name, invitation.role, invitation.organisation_id) == (
            "Caritas Köln", "admin", organisation.id)
        invitation, target = found["courses.course"]
        assert (target.title, invitation.details, invitation.email) == (
            "Welcome desks", {"cohort_id": cohort.id}, "course_invitation@example.org")
        invitation, target = found["networks.network"]
        assert (target.name, invitation.role, invitation.locale, invitation.organisation_label,
                invitation.invited_by.email) == (
            "Rheinland", "editor", "tr", "Göç Derneği", "inviter@example.org")
        db.session.remove()

        flask_migrate.downgrade(revision=BEFORE)
        assert db.session.execute(text(
            "SELECT organisation_id, role FROM organisation_invitations")).all() == [
            (organisation.id, "admin")]
        assert db.session.execute(text(
            "SELECT course_id, cohort_id FROM courses_invitation")).all() == [
            (course.id, cohort.id)]
        assert db.session.execute(text(
            "SELECT network_id, role, locale, organisation_name FROM networks_invitation")
        ).all() == [(network.id, "editor", "tr", "Göç Derneği")]
        db.session.remove()
        db.engine.dispose()
