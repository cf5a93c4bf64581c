"""The network home asks the database a fixed number of questions, however big the network."""
from datetime import timedelta

import pytest
from sqlalchemy import insert, select

from lms.extensions import db
from lms.models import Organisation
from lms.timeutil import utcnow
from networks.models import Event, Member, MemberTheme

# session, person, network + themes, members count + page + themes, role, events + actors,
# two stakeholder counts, contacts, open join requests
HOME_QUERIES = 13


def grow(app, network, organisations, events):
    """Add `organisations` member organisations with two themes each, and `events` events."""
    with app.app_context():
        start = db.session.scalar(select(Organisation.id).order_by(Organisation.id.desc())) + 1
        db.session.execute(insert(Organisation), [
            {"id": start + n, "name": f"Partner {n:03d}", "slug": f"partner-{n}",
             "kind": ("ngo", "employer", "vet_provider")[n % 3], "country": "DE",
             "region": "", "website": "", "description": "", "created_at": utcnow()}
            for n in range(organisations)])
        db.session.execute(insert(Member), [
            {"network_id": network.id, "organisation_id": start + n, "created_at": utcnow()}
            for n in range(organisations)])
        member_ids = db.session.scalars(select(Member.id).where(
            Member.organisation_id >= start)).all()
        db.session.execute(insert(MemberTheme), [
            {"member_id": member_id, "theme": theme}
            for member_id in member_ids for theme in ("education", "housing")])
        now = utcnow()
        db.session.execute(insert(Event), [
            {"network_id": network.id, "verb": "networks.person_joined", "title": f"E{n}",
             "url": "", "public": n % 2 == 0, "actor_id": network.people["editor"].id,
             "created_at": now - timedelta(minutes=n)} for n in range(events)])
        db.session.commit()


def home_queries(client, network, count_queries, query=""):
    client.get(f"/networks/{network.slug}")   # the first page after log-in renews the session
    with count_queries() as counter:
        response = client.get(f"/networks/{network.slug}{query}")
    assert response.status_code == 200
    return counter.count


@pytest.mark.parametrize("query", ["", "?kind=ngo&q=r"])
def test_the_home_of_a_big_network_uses_a_fixed_number_of_queries(
        app, client, auth, network, count_queries, query):
    auth.login(network.people["coordinator"])
    small = home_queries(client, network, count_queries, query)
    grow(app, network, organisations=200, events=1000)
    big = home_queries(client, network, count_queries, query)
    assert big == small == HOME_QUERIES
    assert "204 organisations" in client.get(f"/networks/{network.slug}").get_data(as_text=True)


# the other pages that list members or events, and their fixed number of queries
OTHER_PAGES = {"/networks/": 4, "/networks/organisations": 3, "/networks/{slug}/people": 10,
               "/networks/{slug}/activity": 6, "/networks/{slug}/members.csv": 7}


@pytest.mark.parametrize("path", list(OTHER_PAGES))
def test_pages_listing_members_or_events_use_a_fixed_number_of_queries(
        app, client, auth, network, count_queries, path):
    auth.login(network.people["coordinator"])
    url = path.format(slug=network.slug)

    def queries():
        client.get(url)
        with count_queries() as counter:
            assert client.get(url).status_code == 200
        return counter.count
    small = queries()
    grow(app, network, organisations=200, events=1000)
    assert (small, queries()) == (OTHER_PAGES[path],) * 2
