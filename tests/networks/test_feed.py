"""The activity feed: what other plugins record reaches the networks it concerns."""
import pytest
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from lms.activity import ActivityKind, record
from lms.extensions import db
from lms.models import Organisation, User
from networks.models import Event
from tests.helpers import text

COMPLETED = ActivityKind("courses.completed", _l("%(actor)s completed the course %(title)s."))
PUBLISHED = ActivityKind("oer.published", _l("%(actor)s published %(title)s."))


@pytest.fixture
def other_plugins(app):
    """Kinds that other plugins would declare; the networks plugin must not know them."""
    kinds = app.extensions["lms_activity_kinds"]
    kinds.update({COMPLETED.verb: COMPLETED, PUBLISHED.verb: PUBLISHED})


def send(app, verb, actor_id, **kwargs):
    with app.test_request_context():
        actor = db.session.get(User, actor_id)
        record(verb, actor=actor, **kwargs)
        db.session.commit()


def test_staff_of_a_member_organisation_completing_a_course_shows_to_members(
        app, client, auth, make_network, network, other_plugins):
    elsewhere = make_network(name="Elsewhere", kinds=("ngo",) * 4)
    send(app, "courses.completed", network.people["viewer"].id,
         organisation_ids=[network.organisations["viewer"].id], title="Intercultural basics",
         url="/courses/intercultural-basics")
    sentence = "Viewer Person completed the course Intercultural basics."
    auth.login(network.people["contributor"])
    page = client.get(f"/networks/{network.slug}").get_data(as_text=True)
    assert sentence in text(client.get(f"/networks/{network.slug}"))
    assert 'href="/courses/intercultural-basics"' in page
    assert sentence not in text(client.get(f"/networks/{elsewhere.slug}"))
    auth.logout()
    assert sentence not in text(client.get(f"/networks/{network.slug}"))


def test_public_events_show_to_everyone_who_may_see_the_network(app, client, auth, network,
                                                                other_plugins):
    send(app, "oer.published", network.people["editor"].id, network_ids=[network.id],
         title="Welcome guide", url="javascript:alert(1)", public=True)
    page = client.get(f"/networks/{network.slug}")
    assert "Editor Person published Welcome guide." in text(page)
    assert "javascript:" not in page.get_data(as_text=True)


def test_members_only_networks_show_nothing_to_others(app, client, auth, make_network,
                                                       other_plugins, outsider):
    network = make_network(visibility="members")
    send(app, "oer.published", network.people["editor"].id, network_ids=[network.id],
         title="Welcome guide", public=True)
    auth.login(outsider.user)
    assert client.get(f"/networks/{network.slug}/activity").status_code == 404


def test_events_for_unknown_networks_and_organisations_are_not_kept(app, network, other_plugins):
    with app.app_context():
        before = db.session.scalar(select(func.count(Event.id)))
        lonely = Organisation(name="Lonely", slug="lonely", kind="ngo", country="DE")
        db.session.add(lonely)
        db.session.commit()
        lonely_id = lonely.id
    send(app, "oer.published", network.people["editor"].id, network_ids=[999_999],
         organisation_ids=[lonely_id], title="Nowhere", public=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Event.id))) == before


def test_the_feed_speaks_the_viewers_language(app, client, auth, network):
    client.set_cookie("lms_lang", "de")
    assert "hat das Netzwerk Rheinland Welcome Network gegründet" in text(
        client.get(f"/networks/{network.slug}"))


def test_the_feed_is_newest_first_and_paginated(app, client, auth, network, other_plugins):
    for number in range(25):
        send(app, "oer.published", network.people["editor"].id, network_ids=[network.id],
             title=f"Guide {number:02d}", public=True)
    home = text(client.get(f"/networks/{network.slug}"))
    assert "Guide 24" in home and "Guide 15" in home and "Guide 14" not in home
    assert home.index("Guide 24") < home.index("Guide 23")
    first = text(client.get(f"/networks/{network.slug}/activity"))
    assert "Guide 05" in first and "Guide 04" not in first and "Older" in first
    second = text(client.get(f"/networks/{network.slug}/activity?page=2"))
    assert "Guide 04" in second and "Guide 24" not in second
    assert "Coordinator Person created the network" in second and "Newer" in second
