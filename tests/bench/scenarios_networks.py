"""The networks plugin's pages in `make bench`: the home of a network of 200 organisations."""
from datetime import timedelta

from sqlalchemy import insert, select

from lms.cli import demo_password
from lms.extensions import db
from lms.models import Organisation, User
from lms.timeutil import utcnow
from networks.models import Event, Member, MemberTheme
from networks.services import network as network_service
from tests.bench.scenario import Scenario

PROFILE = {"name": "Bench Regional Network", "region": "Nordrhein-Westfalen", "country": "DE",
           "visibility": "public", "logo": b"", "logo_type": "", "logo_alt": "",
           "themes": ["education", "employment", "housing"],
           "description": "Two hundred organisations of one region and a year of activity."}
KINDS = ("ngo", "employer", "vet_provider", "public_authority", "volunteer_group",
         "migrant_organisation")
VERBS = ("networks.organisation_joined", "networks.person_joined", "networks.updated",
         "networks.role_changed")


def add_members(network, count):
    """`count` new organisations, each a member of `network` working on two themes."""
    now = utcnow()
    ids = db.session.scalars(insert(Organisation).returning(Organisation.id), [
        {"name": f"Bench Partner {n:03d}", "slug": f"bench-partner-{n}", "kind": KINDS[n % 6],
         "country": "DE", "region": "Nordrhein-Westfalen", "website": "", "description": "",
         "created_at": now} for n in range(count)]).all()
    member_ids = db.session.scalars(insert(Member).returning(Member.id), [
        {"network_id": network.id, "organisation_id": id_, "created_at": now}
        for id_ in ids]).all()
    db.session.execute(insert(MemberTheme), [
        {"member_id": member_id, "theme": theme}
        for member_id in member_ids for theme in ("education", "housing")])


def add_events(network, actors, count):
    """`count` feed events over the past weeks, half of them for members only."""
    now = utcnow()
    db.session.execute(insert(Event), [
        {"network_id": network.id, "verb": VERBS[n % len(VERBS)], "title": f"Bench event {n}",
         "url": "", "public": n % 2 == 0, "actor_id": actors[n % len(actors)].id,
         "created_at": now - timedelta(minutes=30 * n)} for n in range(count)])


def prepare(app):
    coordinator = db.session.scalar(select(User).where(User.email == "trainer@demo.example.org"))
    actors = db.session.scalars(select(User).order_by(User.id).limit(5)).all()
    with app.test_request_context():
        network = network_service.create(
            coordinator, network_service.my_organisations(coordinator)[0], PROFILE)
    add_members(network, 200)
    add_events(network, actors, 1000)
    db.session.commit()
    path = f"/networks/{network.slug}"
    who = ("trainer@demo.example.org", demo_password("trainer"))
    return [Scenario("network of 200 (visitor)", path),
            Scenario("network of 200 (coordinator)", path, login=who)]
