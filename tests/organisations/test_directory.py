"""The directory of organisations and an organisation's own page."""
import html
import re

import pytest

from lms.extensions import db
from lms.models import Membership, Organisation, User
from tests.helpers import text


def listed(response):
    """Names of the organisations on a directory page, in order."""
    return [html.unescape(name) for name in re.findall(
        r'<h2 class="h3"><a href="/organisations/[^"]+">([^<]+)</a></h2>',
        response.get_data(as_text=True))]


@pytest.fixture
def directory(make_organisation):
    make_organisation(name="Caritas Bologna", kind="ngo", country="IT")
    make_organisation(name="Stadt Leipzig", kind="public_authority", country="DE")
    make_organisation(name="Welcome Volunteers", kind="volunteer_group", country="DE")
    make_organisation(name="Ankara University", kind="higher_education", country="TR")


def test_directory_lists_everyone_by_name_for_anonymous_visitors(client, directory):
    response = client.get("/organisations/")
    assert response.status_code == 200
    assert listed(response) == ["Ankara University", "Caritas Bologna", "Stadt Leipzig",
                                "Welcome Volunteers"]
    page = text(response)
    assert "NGO · Region, Italy" in page
    assert "Public authority or municipality · Region, Germany" in page
    assert "Add an organisation" not in page      # anonymous visitors cannot create


def test_signed_in_people_are_offered_to_add_one(client, auth, make_user, directory):
    auth.login(make_user())
    page = client.get("/organisations/").get_data(as_text=True)
    assert 'href="/organisations/new"' in page


@pytest.mark.parametrize(("query", "names"), [
    ("caritas", ["Caritas Bologna"]),
    ("  LEIPZIG ", ["Stadt Leipzig"]),
    ("univ", ["Ankara University"]),
    ("nobody here", []),
])
def test_search_by_name(client, directory, query, names):
    assert listed(client.get("/organisations/", query_string={"q": query})) == names


def test_search_by_region(app, client, make_organisation):
    alpha = make_organisation(name="Alpha")
    make_organisation(name="Beta")
    with app.app_context():
        db.session.get(Organisation, alpha.id).region = "Emilia-Romagna"
        db.session.commit()
    assert listed(client.get("/organisations/?q=romagna")) == ["Alpha"]


def test_search_takes_percent_and_underscore_literally(client, make_organisation):
    make_organisation(name="Fund 50% Inclusion")
    make_organisation(name="Route 50 Group")
    make_organisation(name="Hub_One")
    make_organisation(name="HubTwo")
    assert listed(client.get("/organisations/", query_string={"q": "50%"})) == [
        "Fund 50% Inclusion"]
    assert listed(client.get("/organisations/", query_string={"q": "hub_"})) == ["Hub_One"]


def test_filter_by_type(client, directory):
    response = client.get("/organisations/?kind=public_authority")
    assert listed(response) == ["Stadt Leipzig"]
    assert '<option value="public_authority" selected>' in response.get_data(as_text=True)
    assert listed(client.get("/organisations/?kind=volunteer_group&q=welcome")) == [
        "Welcome Volunteers"]
    assert listed(client.get("/organisations/?kind=ngo&q=leipzig")) == []


def test_unknown_type_filter_shows_everyone(client, directory):
    assert len(listed(client.get("/organisations/?kind=no-such-type"))) == 4


def test_empty_result_says_so(client, directory):
    page = text(client.get("/organisations/?q=zzz"))
    assert "No organisation matches your search." in page


def test_directory_pages_through_many_organisations(client, make_organisation):
    for number in range(35):
        make_organisation(name=f"Org {number:02d}")
    first = client.get("/organisations/?q=org")
    assert listed(first) == [f"Org {n:02d}" for n in range(30)]
    assert 'href="/organisations/?q=org&amp;kind=&amp;page=2">Next page' in \
        first.get_data(as_text=True)
    second = client.get("/organisations/?q=org&page=2")
    assert listed(second) == [f"Org {n:02d}" for n in range(30, 35)]
    assert "Previous page" in text(second) and "Next page" not in text(second)


@pytest.mark.parametrize("page", ["0", "-3", "abc", "99999999999999999999999"])
def test_odd_page_numbers_do_not_break_the_directory(client, directory, page):
    response = client.get(f"/organisations/?page={page}")
    assert response.status_code == 200


def test_anyone_sees_an_organisations_page(client, make_organisation):
    organisation = make_organisation(name="Caritas Bologna", kind="ngo", country="IT")
    response = client.get(f"/organisations/{organisation.slug}")
    assert response.status_code == 200
    page = text(response)
    assert "Caritas Bologna" in page and "NGO" in page and "Italy" in page


def test_unknown_organisation_is_404(client):
    assert client.get("/organisations/no-such-organisation").status_code == 404


@pytest.fixture
def club(make_user, make_organisation):
    """An organisation with an admin and a member, and people outside it."""
    admin = make_user(display_name="Ada Admin")
    member = make_user(display_name="Mo Member")
    organisation = make_organisation(name="Club", admin=admin, members=[member])
    return organisation, admin, member


@pytest.mark.parametrize(("who", "sees_members"), [
    ("anonymous", False),
    ("outsider", False),
    ("pending", False),
    ("member", True),
    ("org_admin", True),
    ("site_admin", True),
])
def test_only_members_and_site_admins_see_the_member_list(app, client, auth, make_user, club,
                                                          who, sees_members):
    organisation, admin, member = club
    if who == "pending":
        person = make_user()
        with app.app_context():
            db.session.add(Membership(user_id=person.id, organisation_id=organisation.id,
                                      status="pending"))
            db.session.commit()
    else:
        person = {"anonymous": None, "outsider": make_user(), "member": member,
                  "org_admin": admin, "site_admin": make_user(role="admin")}[who]
    if person is not None:
        auth.login(person)
    page = text(client.get(f"/organisations/{organisation.slug}"))
    assert ("Ada Admin (Organisation admin)" in page) is sees_members
    assert ("Mo Member" in page) is sees_members


@pytest.mark.parametrize(("who", "manages"), [
    ("member", False), ("outsider", False), ("org_admin", True), ("site_admin", True)])
def test_edit_and_manage_links_only_for_those_who_manage(client, auth, make_user, club, who,
                                                        manages):
    organisation, admin, member = club
    person = {"member": member, "outsider": make_user(), "org_admin": admin,
              "site_admin": make_user(role="admin")}[who]
    auth.login(person)
    page = client.get(f"/organisations/{organisation.slug}").get_data(as_text=True)
    assert (f'href="/organisations/{organisation.slug}/edit"' in page) is manages
    assert (f'href="/organisations/{organisation.slug}/members"' in page) is manages


def test_a_member_is_told_so_and_offered_to_leave(client, auth, club):
    organisation, _admin, member = club
    auth.login(member)
    page = text(client.get(f"/organisations/{organisation.slug}"))
    assert "You are a member of this organisation." in page
    assert "Leave this organisation" in page


def seed_organisations(app, count):
    with app.app_context():
        for number in range(count):
            founder = User(email=f"founder{number}@example.org", display_name=f"F {number}",
                           password_hash="x")
            organisation = Organisation(name=f"Org {number:03d}", slug=f"org-{number}",
                                        kind="ngo", country="DE", region=f"Region {number}")
            db.session.add(Membership(user=founder, organisation=organisation, role="admin"))
        db.session.commit()


@pytest.mark.parametrize("count", [15, 30])
def test_directory_runs_a_fixed_number_of_queries(app, client, auth, make_user, count_queries,
                                                  count):
    seed_organisations(app, count)
    auth.login(make_user())
    client.get("/organisations/")            # the first page after log-in stores a CSRF token
    with count_queries() as counter:
        response = client.get("/organisations/")
    assert len(listed(response)) == count
    assert counter.count == 2                # the session with the person, the organisations


@pytest.mark.parametrize("count", [10, 20])
def test_organisation_page_runs_a_fixed_number_of_queries(app, client, auth, make_user,
                                                          make_organisation, count_queries,
                                                          count):
    people = [make_user() for _ in range(count)]
    organisation = make_organisation(admin=people[0], members=people[1:])
    auth.login(people[1])
    client.get(f"/organisations/{organisation.slug}")
    with count_queries() as counter:
        page = text(client.get(f"/organisations/{organisation.slug}"))
    assert all(person.display_name in page for person in people)
    # the session, the person, the organisation, the member list, and the visitor's
    # membership (asked by the member-list and manage checks and the page itself); one more
    # for the plugins' sections (the networks the organisation belongs to)
    assert counter.count == 7
