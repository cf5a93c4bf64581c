"""Creating an organisation, editing it, and who may do either."""
import html
import re

import pytest
from sqlalchemy import func, select

from lms.extensions import db
from lms.models import AuditEvent, Membership, Organisation
from lms.models.organisation import ORGANISATION_TYPES
from tests.helpers import PASSWORD, text

FULL = {"name": "Welcome Centre Lyon", "kind": "migrant_organisation", "country": "FR",
        "region": "Auvergne-Rhône-Alpes", "website": "https://welcome-lyon.example.org",
        "description": "Language cafés and legal advice for newcomers."}
WEB_ADDRESS = "Please enter a full web address, like https://example.org."


def field_error(response, field_id):
    """The error shown under one field, or None."""
    found = re.search(rf'<p class="error" id="{field_id}-error">(.*?)</p>',
                      response.get_data(as_text=True), re.S)
    return html.unescape(found.group(1)) if found else None


def stored(app, slug):
    with app.app_context():
        organisation = db.session.scalar(select(Organisation).where(Organisation.slug == slug))
        if organisation is not None:
            db.session.expunge(organisation)
        return organisation


def organisation_count(app):
    with app.app_context():
        return db.session.scalar(select(func.count(Organisation.id)))


def test_create_form_offers_the_eight_types(client, auth, make_user):
    auth.login(make_user())
    response = client.get("/organisations/new")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert re.findall(r'<option (?:selected )?value="([a-z_]+)"', page) == \
        list(ORGANISATION_TYPES)
    assert '<option value="FR">France</option>' in page


def test_creating_makes_the_founder_its_admin(app, client, auth, make_user):
    founder = make_user(display_name="Fatou Founder")
    auth.login(founder)
    response = client.post("/organisations/new", data=FULL)
    assert response.status_code == 302
    assert response.headers["Location"] == "/organisations/welcome-centre-lyon"

    organisation = stored(app, "welcome-centre-lyon")
    assert (organisation.name, organisation.kind, organisation.country, organisation.region,
            organisation.website, organisation.description) == tuple(FULL[k] for k in (
                "name", "kind", "country", "region", "website", "description"))
    with app.app_context():
        membership = db.session.scalar(select(Membership).where(
            Membership.organisation_id == organisation.id))
        assert (membership.user_id, membership.role, membership.status) == (
            founder.id, "admin", "active")
        events = db.session.scalars(select(AuditEvent).where(
            AuditEvent.event == "organisation_created")).all()
        assert [(e.actor_id, e.details) for e in events] == [
            (founder.id, {"organisation": "welcome-centre-lyon"})]

    page = client.get(response.headers["Location"])
    shown = text(page)
    assert "The organisation has been created. You are its admin." in shown
    assert "Migrant or diaspora organisation" in shown and "France" in shown
    assert "Auvergne-Rhône-Alpes" in shown and FULL["description"] in shown
    assert 'href="https://welcome-lyon.example.org"' in page.get_data(as_text=True)
    assert "Fatou Founder (Organisation admin)" in shown
    assert "You are a member of this organisation." in shown
    assert 'href="/organisations/welcome-centre-lyon/edit"' in page.get_data(as_text=True)


def test_only_the_name_type_and_country_are_needed(app, client, auth, make_user):
    auth.login(make_user())
    response = client.post("/organisations/new",
                           data={"name": "Tiny", "kind": "other", "country": "AT"})
    assert response.status_code == 302
    organisation = stored(app, "tiny")
    assert (organisation.region, organisation.website, organisation.description) == ("", "", "")


def test_the_same_name_twice_gets_its_own_address(app, client, auth, make_user):
    auth.login(make_user())
    first = client.post("/organisations/new", data=FULL).headers["Location"]
    second = client.post("/organisations/new", data=FULL).headers["Location"]
    assert (first, second) == ("/organisations/welcome-centre-lyon",
                               "/organisations/welcome-centre-lyon-2")
    assert client.get(second).status_code == 200


@pytest.mark.parametrize("name", ["New", "Invitations", "  NEW!  "])
def test_names_that_match_a_page_still_get_a_page_of_their_own(client, auth, make_user, name):
    auth.login(make_user())
    response = client.post("/organisations/new", data={**FULL, "name": name})
    location = response.headers["Location"]
    page = client.get(location)
    assert page.status_code == 200
    assert f"<h1>{name.strip()}</h1>" in page.get_data(as_text=True)
    assert client.get(f"{location}/edit").status_code == 200
    assert client.get(f"{location}/members").status_code == 200


def test_a_name_without_latin_letters_gets_an_address(client, auth, make_user):
    auth.login(make_user())
    location = client.post("/organisations/new",
                           data={**FULL, "name": "Σύλλογος Μεταναστών"}).headers["Location"]
    assert client.get(location).status_code == 200
    assert "Σύλλογος Μεταναστών" in text(client.get(location))


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"name": ""}, "name", "Please enter the organisation's name."),
    ({"name": "   "}, "name", "Please enter the organisation's name."),
    ({"website": "not a web address"}, "website", WEB_ADDRESS),
    ({"website": "welcome-lyon.example.org"}, "website", WEB_ADDRESS),
    ({"website": "ftp://welcome-lyon.example.org"}, "website", WEB_ADDRESS),
    ({"website": "javascript:alert(1)"}, "website", WEB_ADDRESS),
    ({"kind": "secret_society"}, "kind", None),
    ({"country": "XX"}, "country", None),
    ({"name": "N" * 201}, "name", None),
])
def test_bad_input_keeps_what_was_typed_and_says_what_is_wrong(app, client, auth, make_user,
                                                               changes, field, message):
    auth.login(make_user())
    data = {**FULL, **changes}
    response = client.post("/organisations/new", data=data)
    assert response.status_code == 200
    error = field_error(response, field)
    assert error, f"no error shown next to {field}"
    if message:
        assert error == message          # said once, not repeated
    assert [f for f in ("name", "kind", "country", "region", "website", "description")
            if field_error(response, f)] == [field]
    page = response.get_data(as_text=True)
    assert 'value="Auvergne-Rhône-Alpes"' in page
    assert FULL["description"] in page
    if field != "website":
        assert f'value="{data["website"]}"' in page
    if field != "kind":
        assert f'<option selected value="{data["kind"]}">' in page
    assert "Please correct the fields marked below." in text(response)
    assert organisation_count(app) == 0


def test_visitors_must_log_in_to_create(app, client):
    response = client.post("/organisations/new", data=FULL)
    assert response.status_code == 302
    assert response.headers["Location"] == "/login?next=/organisations/new"
    assert organisation_count(app) == 0


@pytest.fixture
def club(make_user, make_organisation):
    admin, member = make_user(), make_user()
    organisation = make_organisation(name="Club", admin=admin, members=[member], country="DE")
    return organisation, admin, member


@pytest.mark.parametrize("who", ["org_admin", "site_admin"])
def test_managers_edit_the_organisation(app, client, auth, make_user, club, who):
    organisation, admin, _member = club
    auth.login(admin if who == "org_admin" else make_user(role="admin"))
    form = client.get(f"/organisations/{organisation.slug}/edit")
    assert form.status_code == 200
    assert 'value="Club"' in form.get_data(as_text=True)
    assert '<option selected value="DE">' in form.get_data(as_text=True)

    response = client.post(f"/organisations/{organisation.slug}/edit",
                           data={**FULL, "name": "Club Renamed"})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/organisations/{organisation.slug}"
    saved = stored(app, organisation.slug)    # the address stays the same
    assert (saved.name, saved.kind, saved.country, saved.website) == (
        "Club Renamed", FULL["kind"], FULL["country"], FULL["website"])
    page = text(client.get(response.headers["Location"]))
    assert "The organisation has been saved." in page and "Club Renamed" in page


def test_edit_can_clear_the_optional_fields(app, client, auth, club):
    organisation, admin, _member = club
    auth.login(admin)
    client.post(f"/organisations/{organisation.slug}/edit", data=FULL)
    client.post(f"/organisations/{organisation.slug}/edit",
                data={**FULL, "region": "", "website": "", "description": ""})
    saved = stored(app, organisation.slug)
    assert (saved.region, saved.website, saved.description) == ("", "", "")


def test_bad_edit_changes_nothing_and_shows_the_error(app, client, auth, club):
    organisation, admin, _member = club
    auth.login(admin)
    response = client.post(f"/organisations/{organisation.slug}/edit",
                           data={**FULL, "name": "", "website": "nope"})
    assert response.status_code == 200
    assert field_error(response, "name") == "Please enter the organisation's name."
    assert field_error(response, "website") == WEB_ADDRESS
    assert 'value="nope"' in response.get_data(as_text=True)
    assert stored(app, organisation.slug).name == "Club"


@pytest.mark.parametrize("path", ["edit", "members"])
@pytest.mark.parametrize("who", ["member", "outsider", "trainer"])
def test_people_who_do_not_manage_it_get_404(app, client, auth, make_user, club, who, path):
    organisation, _admin, member = club
    auth.login({"member": member, "outsider": make_user(),
                "trainer": make_user(role="trainer")}[who])
    assert client.get(f"/organisations/{organisation.slug}/{path}").status_code == 404
    response = client.post(f"/organisations/{organisation.slug}/{path}",
                           data={**FULL, "name": "Hijacked", "email": "friend@example.org",
                                 "role": "admin"})
    assert response.status_code == 404
    assert stored(app, organisation.slug).name == "Club"


@pytest.mark.parametrize("path", ["edit", "members"])
def test_visitors_are_sent_to_log_in(client, club, path):
    organisation = club[0]
    response = client.get(f"/organisations/{organisation.slug}/{path}")
    assert response.status_code == 302
    assert response.headers["Location"] == \
        f"/login?next=/organisations/{organisation.slug}/{path}"


@pytest.mark.parametrize("path", ["edit", "members"])
def test_unknown_organisation_is_404_for_managers_too(client, auth, make_user, path):
    auth.login(make_user(role="admin"))
    assert client.get(f"/organisations/nowhere/{path}").status_code == 404


def test_create_and_edit_with_csrf_protection_on(app_factory, make_user):
    app = app_factory(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    founder = make_user()

    def token(path):
        page = client.get(path).get_data(as_text=True)
        return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)

    client.post("/login", data={"email": founder.email, "password": PASSWORD,
                                "csrf_token": token("/login")})
    created = client.post("/organisations/new", data={**FULL, "csrf_token": token(
        "/organisations/new")})
    assert created.status_code == 302
    edit = created.headers["Location"] + "/edit"
    saved = client.post(edit, data={**FULL, "name": "Renamed", "csrf_token": token(edit)})
    assert saved.status_code == 302
    assert "Renamed" in text(client.get(created.headers["Location"]))
    assert client.post(edit, data={**FULL, "name": "No token"}).status_code == 400
