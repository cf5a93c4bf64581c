"""Demo content: a regional network of eight organisations of every type, for `seed-demo`."""
import click
from flask import url_for
from sqlalchemy import select

from lms.activity import record
from lms.cli import demo_password, seed_account
from lms.extensions import db
from lms.models import Organisation
from lms.organisations.services import unique_slug
from networks.services import membership
from networks.services import network as network_service
from networks.models import Network

SLUG = "netzwerk-integration-musterstadt"
REGION, COUNTRY = "Nordrhein-Westfalen", "DE"
# name, type, themes it works on in the network (the municipality comes from the core's demo)
ORGANISATIONS = [
    ("Brücken e.V. – Beratung für Geflüchtete", "ngo", ["housing", "health", "participation"]),
    ("Berufskolleg Musterstadt", "vet_provider", ["education", "employment"]),
    ("Hochschule Musterstadt", "higher_education", ["education", "digital"]),
    ("Unternehmerverband Musterstadt", "employer", ["employment", "funding"]),
    ("Willkommen in Musterstadt – Ehrenamtsnetz", "volunteer_group",
     ["participation", "education"]),
    ("Deutsch-Türkischer Elternverein Musterstadt", "migrant_organisation",
     ["education", "anti_discrimination", "participation"]),
    ("Wohnungsgenossenschaft Musterstadt eG", "other", ["housing"]),
]
MUNICIPALITY_THEMES = ["education", "employment", "health", "housing", "anti_discrimination",
                       "funding"]
# login label, email, name, locale, index into ORGANISATIONS, role in the network
PEOPLE = [
    ("network-editor", "editor@demo.example.org", "Emre Demir", "tr", 5, "editor"),
    ("network-contributor", "contributor@demo.example.org", "Clara Becker", "de", 1,
     "contributor"),
    ("network-viewer", "viewer@demo.example.org", "Vittoria Russo", "it", 2, "viewer"),
]
PROFILE = {
    "name": "Netzwerk Integration Musterstadt", "region": REGION, "country": COUNTRY,
    "visibility": "public", "logo": b"", "logo_type": "", "logo_alt": "",
    "themes": ["education", "employment", "health", "housing", "participation"],
    "description": (
        "The municipality, NGOs, schools, the university, employers, volunteers and migrant "
        "organisations of Musterstadt working together on the **regional action plan for the "
        "inclusion of migrants and refugees**.\n\n"
        "- monthly partner meeting\n- shared referral routes\n- one contact point per theme"),
}


def organisation(name, kind):
    found = db.session.scalar(select(Organisation).where(Organisation.name == name))
    if found is None:
        found = Organisation(name=name, slug=unique_slug(name), kind=kind, country=COUNTRY,
                             region=REGION, description="")
        db.session.add(found)
        db.session.flush()
    return found


def seed(app, users, organisations, **extra):
    """Connected to `demo_seeding`: once made, the network is left as it is."""
    partners = [organisation(name, kind) for name, kind, _themes in ORGANISATIONS]
    accounts = {}
    for label, email, name, locale, index, _role in PEOPLE:
        _label, accounts[label] = seed_account(
            (label, "learner", email, name, locale, index, "member"), partners)
        click.echo(f"demo login: {label} {email} {demo_password(label)}")
    if db.session.scalar(select(Network.id).where(Network.slug == SLUG)) is not None:
        return
    municipality, coordinator = organisations[0], users["trainer"]
    with app.test_request_context():
        network = network_service.create(coordinator, municipality, PROFILE)
        membership.set_member_themes(membership.member_of(network, municipality),
                                     MUNICIPALITY_THEMES)
        for partner, (_name, _kind, themes) in zip(partners, ORGANISATIONS):
            membership.set_member_themes(membership.add_organisation(network, partner,
                                                                     coordinator), themes)
        for label, _email, _name, _locale, index, role in PEOPLE:
            person = membership.add_person(network, partners[index], accounts[label], role)
            person.is_contact = role == "editor"
        record("networks.updated", actor=users["trainer"], network_ids=[network.id],
               title=network.name, url=url_for("networks.home", slug=SLUG), public=True)
