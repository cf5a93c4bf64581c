"""Every route of the plugin, for each network role, an outsider, a site admin and anonymous."""
import pytest
from flask_login import AnonymousUserMixin
from sqlalchemy import select

from lms.extensions import db
from lms.models import Organisation, User
from lms.permissions import can
from networks.models import Member, Network, Person
from networks.services import invitations
from tests.helpers import Auth

WHO = ("coordinator", "editor", "contributor", "viewer", "outsider", "admin", "anonymous")
EVERYONE = set(WHO)
MEMBERS = {"coordinator", "editor", "contributor", "viewer", "admin"}
SIGNED_IN = EVERYONE - {"anonymous"}

# path (with {slug}, {own} = the viewer's own member organisation, {other} = the coordinator's):
# who gets 200 on a public network, and on a members-only one. Anonymous visitors who may not
# open a page are sent to log in when the page needs an account, else they get 404 as well.
PAGES = {
    "/networks/": (EVERYONE, EVERYONE),
    "/networks/organisations": (EVERYONE, EVERYONE),
    "/networks/new": (SIGNED_IN, SIGNED_IN),
    "/networks/{slug}": (EVERYONE, MEMBERS),
    "/networks/{slug}/activity": (EVERYONE, MEMBERS),
    "/networks/{slug}/edit": ({"coordinator", "editor", "admin"},) * 2,
    "/networks/{slug}/people": ({"coordinator", "admin"},) * 2,
    "/networks/{slug}/members.csv": ({"coordinator", "admin"},) * 2,
    "/networks/{slug}/join": (SIGNED_IN, MEMBERS),
    "/networks/{slug}/organisations/{own}/themes": ({"coordinator", "editor", "contributor",
                                                     "admin"},) * 2,
    "/networks/{slug}/organisations/{other}/themes": ({"coordinator", "admin"},) * 2,
}
NEEDS_ACCOUNT = ("/new", "/edit", "/people", "/members.csv", "/join", "/themes")


@pytest.fixture
def visitors(app, make_user, outsider):
    def log_in_as(who, client, auth, network):
        if who == "anonymous":
            return None
        user = {"outsider": outsider.user, "admin": make_user(role="admin")}.get(who) or \
            network.people[who]
        auth.login(user)
        return user
    return log_in_as


def member_ids(app, network):
    with app.app_context():
        return {person.user_id: person.member_id for person in db.session.scalars(
            select(Person).where(Person.network_id == network.id))}


@pytest.mark.parametrize("visibility", ["public", "members"])
@pytest.mark.parametrize("path", list(PAGES))
def test_pages_by_role(app, make_network, visitors, path, visibility):
    """Each role in turn, with a client of its own, on one network (one network per role and
    page cost a sixth of the suite's networks time)."""
    network = make_network(visibility=visibility)
    members = member_ids(app, network)
    allowed = PAGES[path][0 if visibility == "public" else 1]
    wrong = []
    for who in WHO:
        client = app.test_client()
        user = visitors(who, client, Auth(client), network)
        own = members.get(user.id if user else None, members[network.people["coordinator"].id])
        url = path.format(slug=network.slug, own=own,
                          other=members[network.people["coordinator"].id])
        response = client.get(url)
        if who in allowed:
            expected = 200
        elif who == "anonymous" and url.endswith(NEEDS_ACCOUNT):
            expected = 302
            if not response.headers.get("Location", "").startswith("/login?next="):
                wrong.append(f"{who}: {url} redirects to {response.headers.get('Location')}")
        else:
            expected = 404
        if response.status_code != expected:
            wrong.append(f"{who}: {url} answered {response.status_code}, expected {expected}")
    assert not wrong, "\n".join(wrong)


def people_of(app, network):
    """user id -> (role, contact person?) of everyone in the network."""
    with app.app_context():
        return {person.user_id: (person.role, person.is_contact) for person in db.session.scalars(
            select(Person).where(Person.network_id == network.id))}


def organisations_of(app, network):
    with app.app_context():
        return set(db.session.scalars(select(Member.organisation_id).where(
            Member.network_id == network.id)))


# (path, form data): changes only a coordinator (or a site admin) may make
ACTIONS = {
    "role": ("/networks/{slug}/people/{viewer}/role", {"role": "editor"}),
    "contact": ("/networks/{slug}/people/{viewer}/contact", {"is_contact": "y"}),
    "remove person": ("/networks/{slug}/people/{viewer}/remove", {}),
    "remove organisation": ("/networks/{slug}/organisations/{viewer_member}/remove", {}),
    "invite": ("/networks/{slug}/people", {"email": "new@example.org", "role": "viewer",
                                           "organisation": "0", "organisation_name": "New",
                                           "organisation_kind": "ngo"}),
    "withdraw invitation": ("/networks/{slug}/invitations/{invitation}/withdraw", {}),
    "decide on a request": ("/networks/{slug}/requests/{request}",
                            {"decision": "decline", "role": "viewer", "reply": "No."}),
}


@pytest.fixture
def pending(app, network, make_user, make_organisation):
    """An open invitation and a join request waiting for the coordinators."""
    asker = make_user()
    organisation = make_organisation(name="Asking Organisation", admin=asker)
    with app.test_request_context():
        subject = db.session.get(Network, network.id)
        coordinator = db.session.get(User, network.people["coordinator"].id)
        invitation = invitations.invite(subject, coordinator, "guest@example.org", "viewer",
                                        organisation_name="Guests", organisation_kind="ngo")
        request = invitations.request_to_join(subject, db.session.get(
            Organisation, organisation.id), db.session.get(User, asker.id), "")
        db.session.commit()
        return {"invitation": invitation.id, "request": request.id}


def state(app, network, outbox):
    with app.app_context():
        subject = db.session.get(Network, network.id)
        return (people_of(app, network), organisations_of(app, network), len(outbox.messages()),
                len(invitations.open_invitations(subject)),
                invitations.pending_request_count(subject))


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("action", list(ACTIONS))
def test_only_coordinators_change_members(app, client, auth, network, visitors, outbox, pending,
                                          who, action):
    visitors(who, client, auth, network)
    with app.app_context():
        viewer = db.session.scalar(select(Person).where(
            Person.user_id == network.people["viewer"].id))
        ids = {"viewer": viewer.id, "viewer_member": viewer.member_id, **pending}
    before = state(app, network, outbox)
    path, data = ACTIONS[action]
    response = client.post(path.format(slug=network.slug, **ids), data=data)
    after = state(app, network, outbox)
    if who in ("coordinator", "admin"):
        assert response.status_code == 302
        assert after != before
    else:
        assert response.status_code == (302 if who == "anonymous" else 404)
        assert after == before


@pytest.mark.parametrize("who", WHO)
def test_members_may_leave_others_have_nothing_to_leave(app, client, auth, network, visitors,
                                                        who):
    visitors(who, client, auth, network)
    before = people_of(app, network)
    response = client.post(f"/networks/{network.slug}/leave")
    after = people_of(app, network)
    if who in ("editor", "contributor", "viewer"):
        assert response.status_code == 302
        assert network.people[who].id in before and network.people[who].id not in after
    elif who == "coordinator":   # the only one: refused with a message
        assert response.status_code == 302 and after == before
    else:
        assert response.status_code == (302 if who == "anonymous" else 404)
        assert after == before


PERMISSIONS = {
    # permission: roles that hold it on a network (site admins hold them all)
    "networks.view": {"coordinator", "editor", "contributor", "viewer"},
    "networks.view_people": {"coordinator", "editor", "contributor", "viewer"},
    "networks.contribute": {"coordinator", "editor", "contributor"},
    "networks.edit": {"coordinator", "editor"},
    "networks.manage_members": {"coordinator"},
}


@pytest.mark.parametrize("who", WHO)
def test_can_answers_for_each_network_role(app, make_user, make_network, outsider, who):
    network = make_network(visibility="members")
    wrong = []
    with app.test_request_context():
        user = {"anonymous": AnonymousUserMixin(), "outsider": outsider.user,
                "admin": make_user(role="admin")}.get(who) or network.people[who]
        if who != "anonymous":
            user = db.session.get(User, user.id)
        subject = db.session.get(Network, network.id)
        for permission, holders in PERMISSIONS.items():
            expected = who in holders or who == "admin"
            if can(user, permission, subject) is not expected:
                wrong.append(f"can({who}, {permission}) is not {expected}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("path", [
    "/networks/{slug}/people/99999999999/role", "/networks/{slug}/people/0/remove",
    "/networks/{slug}/organisations/99999999999/remove", "/networks/{slug}/requests/7",
    "/networks/{slug}/invitations/5/withdraw", "/networks/no-such-network/leave"])
def test_unknown_rows_answer_404_not_500(client, auth, network, path):
    auth.login(network.people["coordinator"])
    response = client.post(path.format(slug=network.slug), data={"role": "viewer"})
    assert response.status_code == 404


def test_rows_of_another_network_answer_404(app, client, auth, make_network, network):
    other = make_network(name="Other Network")
    with app.app_context():
        foreign = db.session.scalar(select(Person.id).where(Person.network_id == other.id))
    auth.login(network.people["coordinator"])
    response = client.post(f"/networks/{network.slug}/people/{foreign}/remove")
    assert response.status_code == 404
    assert foreign in people_ids(app, other)


def people_ids(app, network):
    with app.app_context():
        return db.session.scalars(select(Person.id).where(Person.network_id == network.id)).all()
