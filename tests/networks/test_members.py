"""Roles, contact persons, themes, removal, leaving, the last coordinator and the CSV export."""
import csv
import io

import pytest
from sqlalchemy import func, select

from lms.extensions import db
from lms.models import AuditEvent, Membership, Organisation, User
from networks import AUDIT_LABELS
from networks.models import Member, Person
from networks.services import membership
from tests.helpers import text


def person(app, network, role):
    with app.app_context():
        found = db.session.scalar(select(Person).where(
            Person.network_id == network.id, Person.user_id == network.people[role].id))
        if found is not None:
            db.session.expunge(found)
        return found


def audit_events(app, name):
    with app.app_context():
        return db.session.scalars(select(AuditEvent.details).where(AuditEvent.event == name)).all()


def test_a_coordinator_changes_a_role_and_the_person_is_told(app, client, auth, network,
                                                             outbox):
    viewer = person(app, network, "viewer")
    auth.login(network.people["coordinator"])
    response = client.post(f"/networks/{network.slug}/people/{viewer.id}/role",
                           data={"role": "editor"})
    assert response.status_code == 302
    assert "The role of Viewer Person is now: Editor." in text(client.get(response.location))
    assert person(app, network, "viewer").role == "editor"
    message = outbox.last(to=network.people["viewer"].email)
    assert message["Subject"] == "Your role in Rheinland Welcome Network"
    assert "Coordinator Person has changed your role in Rheinland Welcome Network to: Editor." \
        in message.get_content()
    assert audit_events(app, "network_role_changed") == [
        {"network": network.slug, "old": "viewer", "new": "editor"}]
    assert "Coordinator Person changed the role of Viewer Person." in text(
        client.get(f"/networks/{network.slug}"))


def test_the_role_mail_is_in_the_persons_language(app, client, auth, make_user, network,
                                                  outbox):
    with app.test_request_context():
        target = db.session.get(Person, person(app, network, "viewer").id)
        target.user.locale = "de"
        membership.set_role(target, "contributor", db.session.get(
            User, network.people["coordinator"].id))
        db.session.commit()
    assert "Ihre Rolle" in outbox.last(to=network.people["viewer"].email)["Subject"]


@pytest.mark.parametrize("action, data", [
    ("role", {"role": "editor"}), ("remove", {})])
def test_the_last_coordinator_cannot_be_demoted_or_removed(app, client, auth, network, outbox,
                                                           action, data):
    coordinator = person(app, network, "coordinator")
    auth.login(network.people["coordinator"])
    response = client.post(f"/networks/{network.slug}/people/{coordinator.id}/{action}",
                           data=data, follow_redirects=True)
    assert "A network needs at least one coordinator. Make someone else coordinator first." \
        in text(response)
    assert person(app, network, "coordinator").role == "coordinator"
    assert outbox.messages() == []


def test_the_last_coordinator_cannot_leave_or_take_their_organisation_out(app, client, auth,
                                                                          network):
    coordinator = person(app, network, "coordinator")
    auth.login(network.people["coordinator"])
    response = client.post(f"/networks/{network.slug}/leave", follow_redirects=True)
    assert "A network needs at least one coordinator." in text(response)
    response = client.post(
        f"/networks/{network.slug}/organisations/{coordinator.member_id}/remove",
        follow_redirects=True)
    assert "A network needs at least one coordinator." in text(response)
    assert person(app, network, "coordinator") is not None


def test_with_a_second_coordinator_the_first_can_step_down(app, client, auth, network):
    auth.login(network.people["coordinator"])
    editor, coordinator = person(app, network, "editor"), person(app, network, "coordinator")
    client.post(f"/networks/{network.slug}/people/{editor.id}/role", data={"role": "coordinator"})
    client.post(f"/networks/{network.slug}/people/{coordinator.id}/role", data={"role": "viewer"})
    assert person(app, network, "coordinator").role == "viewer"
    assert client.get(f"/networks/{network.slug}/people").status_code == 404


def test_removing_a_person_tells_them(app, client, auth, network, outbox):
    contributor = person(app, network, "contributor")
    auth.login(network.people["coordinator"])
    response = client.post(f"/networks/{network.slug}/people/{contributor.id}/remove",
                           follow_redirects=True)
    assert "Contributor Person is no longer a member of the network." in text(response)
    assert person(app, network, "contributor") is None
    assert "has removed you from Rheinland Welcome Network" in outbox.last(
        to=network.people["contributor"].email).get_content()
    assert audit_events(app, "network_person_removed") == [{"network": network.slug}]


def test_a_member_leaves_and_the_coordinators_are_told(app, client, auth, network, outbox):
    auth.login(network.people["viewer"])
    response = client.post(f"/networks/{network.slug}/leave", follow_redirects=True)
    assert "You have left Rheinland Welcome Network." in text(response)
    assert person(app, network, "viewer") is None
    assert outbox.last(to=network.people["coordinator"].email)["Subject"] == \
        "Viewer Person has left Rheinland Welcome Network"
    assert client.post(f"/networks/{network.slug}/leave").status_code == 404


def test_taking_an_organisation_out_removes_its_people(app, client, auth, network, outbox):
    editor = person(app, network, "editor")
    auth.login(network.people["coordinator"])
    response = client.post(f"/networks/{network.slug}/organisations/{editor.member_id}/remove",
                           follow_redirects=True)
    assert "Editor Organisation is no longer a member of the network." in text(response)
    assert person(app, network, "editor") is None
    with app.app_context():
        assert db.session.scalar(select(func.count(Member.id)).where(
            Member.network_id == network.id)) == 3
    assert "has taken Editor Organisation out of Rheinland Welcome Network" in outbox.last(
        to=network.people["editor"].email).get_content()
    page = text(client.get(f"/networks/{network.slug}"))
    assert "Editor Organisation is no longer a member of the network." in page


def test_contact_persons_are_named_on_the_home(app, client, auth, network):
    viewer = person(app, network, "viewer")
    auth.login(network.people["coordinator"])
    client.post(f"/networks/{network.slug}/people/{viewer.id}/contact", data={"is_contact": "y"})
    auth.logout()
    page = text(client.get(f"/networks/{network.slug}"))
    assert "Viewer Person (Viewer Organisation)" in page
    assert network.people["viewer"].email not in page   # addresses are for members
    auth.login(network.people["contributor"])
    assert network.people["viewer"].email in text(client.get(f"/networks/{network.slug}"))


def test_an_organisations_own_people_say_which_themes_it_works_on(app, client, auth, network):
    contributor = person(app, network, "contributor")
    auth.login(network.people["contributor"])
    url = f"/networks/{network.slug}/organisations/{contributor.member_id}/themes"
    assert client.post(url, data={"themes": ["health", "housing"]}).status_code == 302
    page = text(client.get(f"/networks/{network.slug}?theme=health"))
    assert "1 organisation" in page and "Contributor Organisation" in page
    assert "Editor Organisation" not in page.split("Stakeholder map")[0]
    response = client.post(url, data={"themes": ["nonsense"]})
    assert response.status_code == 200
    assert "'nonsense' is not a valid choice for this field." in text(response)


def test_coordinators_download_the_member_list(app, client, auth, network):
    with app.app_context():
        db.session.get(Organisation, network.organisations["editor"].id).name = "=HYPERLINK(1)"
        db.session.commit()
    auth.login(network.people["coordinator"])
    response = client.get(f"/networks/{network.slug}/members.csv")
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == \
        f'attachment; filename="{network.slug}-members.csv"'
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == ["Organisation", "Type", "Country", "Region or city", "Themes", "Name",
                       "Email address", "Role", "Contact person"]
    by_name = {row[5]: row for row in rows[1:]}
    assert by_name["Coordinator Person"][7:] == ["Coordinator", "yes"]
    assert by_name["Editor Person"][0] == "'=HYPERLINK(1)"
    assert len(rows) == 5


def test_leaving_ones_organisation_ends_acting_for_it_in_its_networks(app, client, auth,
                                                                       client_for, network):
    auth.login(network.people["editor"])
    organisation = network.organisations["editor"]
    client.post(f"/organisations/{organisation.slug}/leave")
    # the editor was the organisation's only admin: the core asks for another admin first
    assert person(app, network, "editor") is not None
    with app.app_context():
        db.session.scalar(select(Membership).where(
            Membership.user_id == network.people["editor"].id)).role = "member"
        db.session.commit()
    client.post(f"/organisations/{organisation.slug}/leave")
    assert person(app, network, "editor") is None
    coordinator = client_for(network.people["coordinator"])
    assert "Editor Person left the network." in text(coordinator.get(f"/networks/{network.slug}"))


def test_the_last_coordinator_keeps_the_role_when_leaving_the_organisation(app, network):
    with app.test_request_context():
        membership.organisation_member_removed(
            app, user=db.session.get(User, network.people["coordinator"].id),
            organisation=db.session.get(Organisation, network.organisations["coordinator"].id))
        db.session.commit()
    assert person(app, network, "coordinator").role == "coordinator"


def test_the_audit_log_names_network_events(app, client, auth, make_user, network):
    viewer = person(app, network, "viewer")
    auth.login(network.people["coordinator"])
    client.post(f"/networks/{network.slug}/people/{viewer.id}/role", data={"role": "editor"})
    auth.logout()
    auth.login(make_user(role="admin"))
    page = text(client.get("/admin/audit"))
    assert "Role in a network changed" in page and "network_role_changed" not in page
    with app.app_context():
        events = set(db.session.scalars(select(AuditEvent.event)))
    assert {event for event in events if event.startswith("network_")} <= set(AUDIT_LABELS)
