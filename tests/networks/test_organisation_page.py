"""An organisation's profile page lists the networks it belongs to that the visitor may see."""
import pytest
from sqlalchemy import insert

from lms.extensions import db
from lms.models import Membership
from lms.timeutil import utcnow
from networks.models import Member
from tests.helpers import text

HEADING = "Networks this organisation belongs to"


def join(app, organisation, *networks):
    """Make `organisation` a member of each of `networks`."""
    with app.app_context():
        db.session.execute(insert(Member), [
            {"network_id": network.id, "organisation_id": organisation.id,
             "created_at": utcnow()} for network in networks])
        db.session.commit()


def organisation_page(client, organisation):
    response = client.get(f"/organisations/{organisation.slug}")
    assert response.status_code == 200
    return response


def test_the_page_links_to_each_public_network_the_organisation_belongs_to(
        app, client, make_network, outsider):
    first = make_network(name="Köln Welcome Network")
    second = make_network(name="Bonn Jobs Network")
    join(app, outsider.organisation, first, second)
    response = organisation_page(client, outsider.organisation)
    page = text(response)
    assert HEADING in page
    assert page.index("Bonn Jobs Network") < page.index("Köln Welcome Network")
    body = response.get_data(as_text=True)
    assert f'href="/networks/{first.slug}"' in body and f'href="/networks/{second.slug}"' in body


def test_an_organisation_in_no_network_has_no_networks_section(client, outsider):
    assert HEADING not in text(organisation_page(client, outsider.organisation))


@pytest.mark.parametrize("who, sees", [("anonymous", False), ("outsider", False),
                                       ("organisation colleague", False), ("viewer", True),
                                       ("coordinator", True), ("admin", True)])
def test_members_only_networks_are_listed_only_for_their_members(
        app, client, auth, make_user, make_network, who, sees):
    public = make_network(name="Open Network")
    closed = make_network(visibility="members", name="Closed Network")
    organisation = closed.organisations["editor"]
    join(app, organisation, public)
    others = {"outsider": make_user, "admin": lambda: make_user(role="admin"),
              "organisation colleague": make_user, "anonymous": lambda: None}
    viewer = others[who]() if who in others else closed.people[who]
    if who == "organisation colleague":   # works for the organisation, not in the network
        with app.app_context():
            db.session.add(Membership(user_id=viewer.id, organisation_id=organisation.id,
                                      role="member", status="active"))
            db.session.commit()
    if viewer is not None:
        auth.login(viewer)
    page = text(organisation_page(client, organisation))
    assert "Open Network" in page
    assert ("Closed Network" in page) is sees
    assert ("Members only" in page) is sees


def test_the_page_asks_one_query_for_its_networks_however_many(
        app, client, auth, make_network, outsider, count_queries):
    auth.login(outsider.user)
    counts, joined = [], 0
    for size in (1, 8):
        join(app, outsider.organisation,
             *[make_network(name=f"Network {n}") for n in range(joined, size)])
        joined = size
        organisation_page(client, outsider.organisation)   # the first view renews the session
        with count_queries() as counter:
            page = text(organisation_page(client, outsider.organisation))
        assert all(f"Network {n}" in page for n in range(size))
        counts.append(counter.count)
    # the organisation page's seven (tests/organisations) and one for the networks
    assert counts == [7, 7]
