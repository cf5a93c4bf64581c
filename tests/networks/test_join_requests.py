"""Organisations ask to join; coordinators accept or decline with a message."""
from sqlalchemy import func, select

from lms.extensions import db
from networks.models import JoinRequest, Member, Person
from tests.helpers import text


def ask(client, network, organisation, message="We run language cafés."):
    return client.post(f"/networks/{network.slug}/join",
                       data={"organisation": str(organisation.id), "message": message})


def pending_request(app):
    with app.app_context():
        return db.session.scalar(select(JoinRequest.id).where(JoinRequest.status == "pending"))


def test_an_organisation_asks_and_the_coordinator_accepts(app, client, auth, client_for,
                                                          network, outsider, outbox):
    auth.login(outsider.user)
    response = ask(client, network, outsider.organisation)
    assert response.status_code == 302
    assert "Your request has been sent." in text(client.get(response.location))
    note = outbox.last(to=network.people["coordinator"].email)
    assert note["Subject"] == "Outside Organisation asks to join Rheinland Welcome Network"
    assert "We run language cafés." in note.get_content()

    coordinator = client_for(network.people["coordinator"])
    assert "Manage members (1 request)" in text(coordinator.get(f"/networks/{network.slug}"))
    people_page = text(coordinator.get(f"/networks/{network.slug}/people"))
    assert "Olga Outsider asks for Outside Organisation to join" in people_page
    response = coordinator.post(f"/networks/{network.slug}/requests/{pending_request(app)}",
                                data={"decision": "approve", "role": "editor",
                                      "reply": "Welcome aboard!"}, follow_redirects=True)
    assert "Outside Organisation is now a member of the network." in text(response)
    answer = outbox.last(to=outsider.user.email)
    assert answer["Subject"] == "Welcome to Rheinland Welcome Network"
    assert "Your role: Editor." in answer.get_content()
    assert "Welcome aboard!" in answer.get_content()
    assert "Your role: Editor." in text(client.get(f"/networks/{network.slug}"))


def test_the_coordinator_declines_with_a_message(app, client, auth, client_for, network,
                                                 outsider, outbox):
    auth.login(outsider.user)
    ask(client, network, outsider.organisation)
    coordinator = client_for(network.people["coordinator"])
    request_id = pending_request(app)
    response = coordinator.post(f"/networks/{network.slug}/requests/{request_id}",
                                data={"decision": "decline", "role": "viewer",
                                      "reply": "Only organisations of the region, sorry."},
                                follow_redirects=True)
    assert "You have declined the request of Outside Organisation." in text(response)
    answer = outbox.last(to=outsider.user.email)
    assert "has declined the request of Outside Organisation" in answer.get_content()
    assert "Only organisations of the region, sorry." in answer.get_content()
    with app.app_context():
        assert db.session.scalar(select(func.count(Member.id)).where(
            Member.organisation_id == outsider.organisation.id)) == 0
    again = coordinator.post(f"/networks/{network.slug}/requests/{request_id}",
                             data={"decision": "approve", "role": "viewer"},
                             follow_redirects=True)
    assert "This request has already been answered." in text(again)


def test_a_decision_needs_a_choice(app, client, auth, client_for, network, outsider):
    auth.login(outsider.user)
    ask(client, network, outsider.organisation)
    coordinator = client_for(network.people["coordinator"])
    response = coordinator.post(f"/networks/{network.slug}/requests/{pending_request(app)}",
                                data={"role": "viewer"}, follow_redirects=True)
    assert "Please accept or decline." in text(response)
    assert pending_request(app) is not None


def test_asking_for_an_organisation_already_in_the_network_changes_nothing(
        app, client, auth, network, outbox):
    auth.login(network.people["editor"])
    response = ask(client, network, network.organisations["editor"])
    assert response.status_code == 200
    assert "Editor Organisation already belongs to this network." in text(response)
    assert pending_request(app) is None and outbox.messages() == []


def test_asking_twice_is_explained(app, client, auth, network, outsider, outbox):
    auth.login(outsider.user)
    ask(client, network, outsider.organisation)
    response = ask(client, network, outsider.organisation)
    assert "Outside Organisation has already asked to join" in text(response)
    with app.app_context():
        assert db.session.scalar(select(func.count(JoinRequest.id))) == 1
    assert len(outbox.messages()) == 1


def test_an_organisation_name_in_a_refusal_is_text_not_markup(client, auth, make_user,
                                                              make_organisation, network):
    """Anyone may name an organisation; the refusal that names it is escaped."""
    user = make_user()
    organisation = make_organisation(name="<script>alert(1)</script> Helpers", admin=user)
    auth.login(user)
    ask(client, network, organisation)
    raw = ask(client, network, organisation).get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Helpers has already asked to join" in raw
    assert "<script>alert(1)" not in raw

def test_one_asks_only_for_ones_own_organisation(app, client, auth, make_user, network,
                                                 outsider):
    auth.login(make_user())
    page = text(client.get(f"/networks/{network.slug}/join"))
    assert "Please join your organisation, or add it, first." in page
    response = ask(client, network, outsider.organisation)
    assert response.status_code == 200
    assert pending_request(app) is None
    with app.app_context():
        assert db.session.scalar(select(func.count(Person.id))) == 4
