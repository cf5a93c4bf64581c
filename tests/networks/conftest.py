"""Fixtures for the networks plugin: a network with a person in every role, and an outsider."""
import html
import re
from types import SimpleNamespace

import pytest
from lms.extensions import db
from lms.models import User

ROLES = ("coordinator", "editor", "contributor", "viewer")
PROFILE = {"name": "Rheinland Welcome Network", "region": "Köln", "country": "DE",
           "description": "We *work* together.", "visibility": "public",
           "themes": ["education", "housing"], "logo": b"", "logo_type": "", "logo_alt": ""}


def text(response):
    """What a person reads on the page: tags removed, entities decoded, spaces collapsed."""
    body = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return " ".join(html.unescape(body).split())


@pytest.fixture
def make_network(app, make_user, make_organisation):
    """`make_network(visibility=...)`: a network whose people are in `.people[role]`."""
    from networks import membership, services

    def make(visibility="public", name=None, kinds=("public_authority", "ngo", "vet_provider",
                                                    "employer")):
        people = {role: make_user(display_name=f"{role.title()} Person") for role in ROLES}
        organisations = {role: make_organisation(name=f"{role.title()} Organisation",
                                                 admin=people[role], kind=kind)
                         for role, kind in zip(ROLES, kinds)}
        with app.test_request_context():
            load = lambda model, row: db.session.get(model, row.id)  # noqa: E731
            from lms.models import Organisation
            profile = dict(PROFILE, visibility=visibility, name=name or PROFILE["name"])
            network = services.create(load(User, people["coordinator"]),
                                      load(Organisation, organisations["coordinator"]), profile)
            for role in ROLES[1:]:
                membership.add_person(network, load(Organisation, organisations[role]),
                                      load(User, people[role]), role)
            db.session.commit()
            slug, network_id = network.slug, network.id
        return SimpleNamespace(slug=slug, id=network_id, people=people,
                               organisations=organisations)
    return make


@pytest.fixture
def network(make_network):
    return make_network()


@pytest.fixture
def outsider(make_user, make_organisation):
    """Someone signed in who is not in the network, admin of an organisation that is not."""
    user = make_user(display_name="Olga Outsider")
    organisation = make_organisation(name="Outside Organisation", admin=user,
                                     kind="volunteer_group")
    return SimpleNamespace(user=user, organisation=organisation)


def load_network(app, slug):
    """The network as stored now, themes loaded."""
    from networks.services import by_slug
    with app.app_context():
        return by_slug(slug)
