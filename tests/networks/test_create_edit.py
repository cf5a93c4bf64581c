"""Starting a network, editing its profile, Markdown made safe at save, and the logo."""
import io

import pytest
from sqlalchemy import select

from lms.extensions import db
from lms.models import AuditEvent
from networks.models import Member, Network, Person
from tests.helpers.networks import load_network
from tests.helpers import PNG, text

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 64
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def new_network(organisation, **changes):
    data = {"name": "Netzwerk Ruhr", "organisation": str(organisation.id), "region": "Essen",
            "country": "DE", "description": "Hello **partners**", "visibility": "public",
            "themes": ["health", "employment"]}
    data.update(changes)
    return data


def test_a_person_starts_a_network_for_their_organisation(app, client, auth, make_user,
                                                          make_organisation):
    founder = make_user(display_name="Frida Founder")
    organisation = make_organisation(name="Caritas Essen", admin=founder)
    auth.login(founder)
    response = client.post("/networks/new", data=new_network(organisation))
    assert response.status_code == 302
    assert response.headers["Location"] == "/networks/netzwerk-ruhr"
    page = text(client.get("/networks/netzwerk-ruhr"))
    assert "The network has been created. You are its coordinator." in page
    assert "Your role: Coordinator." in page
    assert "Themes: Employment and skills, Health" in page
    assert "Frida Founder (Caritas Essen)" in page
    with app.app_context():
        network = db.session.scalar(select(Network))
        assert network.description_html == "<p>Hello <strong>partners</strong></p>"
        person = db.session.scalar(select(Person))
        assert (person.role, person.is_contact) == ("coordinator", True)
        assert db.session.scalar(select(Member.organisation_id)) == organisation.id
        assert db.session.scalar(select(AuditEvent.details).where(
            AuditEvent.event == "network_created")) == {"network": "netzwerk-ruhr",
                                                        "organisation": organisation.slug}


def test_someone_without_an_organisation_is_told_to_join_one_first(client, auth, make_user):
    auth.login(make_user())
    page = text(client.get("/networks/new"))
    assert "Please join your organisation, or add it, first." in page
    assert client.post("/networks/new", data={"name": "X"}).status_code == 200


def test_one_cannot_start_a_network_for_someone_elses_organisation(
        app, client, auth, make_user, make_organisation):
    founder = make_user()
    make_organisation(admin=founder)
    foreign = make_organisation(name="Foreign")
    auth.login(founder)
    response = client.post("/networks/new", data=new_network(foreign))
    assert response.status_code == 200
    assert "Not a valid choice." in text(response)
    with app.app_context():
        assert db.session.scalar(select(Network.id)) is None


@pytest.mark.parametrize("changes, message", [
    ({"name": "  "}, "Please enter the network's name."),
    ({"name": "x" * 201}, "Field cannot be longer than 200 characters."),
    ({"country": "XX"}, "Not a valid choice."),
    ({"visibility": "secret"}, "Not a valid choice."),
    ({"themes": ["astrology"]}, "'astrology' is not a valid choice for this field."),
])
def test_bad_input_is_explained_and_kept(app, client, auth, make_user, make_organisation,
                                         changes, message):
    founder = make_user()
    organisation = make_organisation(admin=founder)
    auth.login(founder)
    response = client.post("/networks/new", data=new_network(organisation, region="Bochum",
                                                             **changes))
    assert response.status_code == 200
    assert message in text(response)
    assert 'value="Bochum"' in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Network.id)) is None


def test_markdown_is_sanitised_when_saved(app, client, auth, network):
    auth.login(network.people["editor"])
    response = client.post(f"/networks/{network.slug}/edit", data={
        "name": "Renamed", "region": "Köln", "country": "DE", "visibility": "members",
        "description": "<script>alert(1)</script>[link](javascript:alert(1)) *ok*"})
    assert response.status_code == 302
    stored = load_network(app, network.slug)
    assert "<script" not in stored.description_html and "javascript:" not in stored.description_html
    assert "<em>ok</em>" in stored.description_html
    assert stored.name == "Renamed" and stored.visibility == "members" and stored.themes == []
    assert "Renamed" in text(client.get(f"/networks/{network.slug}"))


def edit_with_logo(client, network, data, filename="logo.png", **changes):
    form = {"name": "Rheinland Welcome Network", "region": "Köln", "country": "DE",
            "visibility": "public", "description": "", "logo_alt": "Two hands", **changes}
    form["logo"] = (io.BytesIO(data), filename)
    return client.post(f"/networks/{network.slug}/edit", data=form,
                       content_type="multipart/form-data")


@pytest.mark.parametrize("data, kind", [(PNG, "image/png"), (JPEG, "image/jpeg"),
                                        (WEBP, "image/webp")])
def test_logo_is_stored_by_content_and_served_with_its_type(app, client, auth, network, data,
                                                            kind):
    auth.login(network.people["coordinator"])
    assert edit_with_logo(client, network, data, filename="whatever.gif").status_code == 302
    stored = load_network(app, network.slug)
    assert (stored.logo_type, stored.logo_alt) == (kind, "Two hands")
    url = f"/networks/{network.slug}/logo/{stored.logo_hash}"
    assert f'src="{url}" alt="Two hands"' in client.get(f"/networks/{network.slug}").get_data(
        as_text=True)
    auth.logout()
    response = client.get(url)
    assert response.status_code == 200
    assert response.data == data and response.mimetype == kind
    assert "immutable" in response.headers["Cache-Control"]
    assert "public" in response.headers["Cache-Control"]
    assert client.get(f"/networks/{network.slug}/logo/{'0' * 64}").status_code == 404


def test_a_members_only_logo_is_private(app, client, auth, make_network):
    network = make_network(visibility="members")
    auth.login(network.people["coordinator"])
    edit_with_logo(client, network, PNG, visibility="members")
    url = f"/networks/{network.slug}/logo/{load_network(app, network.slug).logo_hash}"
    assert "private" in client.get(url).headers["Cache-Control"]
    auth.logout()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("data, changes, message", [
    (SVG, {}, "Please choose a PNG, JPEG or WebP image. Other files, SVG included, are not "
              "accepted."),
    (b"GIF89a" + b"\x00" * 10, {}, "Please choose a PNG, JPEG or WebP image."),
    (PNG + b"\x00" * (1024 * 1024), {}, "The logo is too large: at most 1024 KB, please."),
    (PNG, {"logo_alt": ""}, "Please describe the logo for people who cannot see it."),
])
def test_bad_logos_are_refused(app, client, auth, network, data, changes, message):
    auth.login(network.people["coordinator"])
    response = edit_with_logo(client, network, data, **changes)
    assert response.status_code == 200
    assert message in text(response)
    assert load_network(app, network.slug).logo_hash == ""


def test_the_logo_can_be_removed(app, client, auth, network):
    auth.login(network.people["coordinator"])
    edit_with_logo(client, network, PNG)
    response = client.post(f"/networks/{network.slug}/edit", data={
        "name": "Rheinland Welcome Network", "country": "DE", "visibility": "public",
        "remove_logo": "y"})
    assert response.status_code == 302
    assert load_network(app, network.slug).logo_hash == ""
