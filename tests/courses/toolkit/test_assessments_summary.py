"""Organisation admins read their organisation's averages, only once five people answered."""
import pytest

from tests.helpers.toolkit import add_attempt, make_tool
from tests.helpers import text


@pytest.fixture
def setting(app, make_user, make_organisation):
    admin = make_user(display_name="Olga Orgadmin")
    members = [make_user(display_name=f"Member {n}") for n in range(6)]
    organisation = make_organisation(name="Porta Aperta", admin=admin, members=members)
    return make_tool(app, make_user(role="trainer")), organisation, admin, members


def summary_path(tool, organisation):
    return f"/toolkit/assessments/{tool}/organisations/{organisation.slug}"


def test_the_summary_waits_for_five_people(app, client, auth, make_user, setting):
    tool, organisation, admin, members = setting
    for member in members[:4]:
        add_attempt(app, tool, member, 5, organisation.id)
    # answers for one's own practice and earlier attempts do not count
    add_attempt(app, tool, members[4], 5)
    add_attempt(app, tool, members[0], 1, organisation.id)
    auth.login(admin)
    page = text(client.get(summary_path(tool, organisation)))
    assert "4 members have answered for this organisation." in page
    assert "The summary appears once at least 5 members have answered" in page
    assert "%" not in page and "<svg" not in page

    add_attempt(app, tool, members[4], 3, organisation.id)
    response = client.get(summary_path(tool, organisation))
    page = text(response)
    assert "5 members have answered for this organisation." in page
    # latest answers: 1, 5, 5, 5, 3 -> 0, 100, 100, 100, 50 % -> 70 %
    assert "Effectiveness 70 % On the way Evaluation 70 % On the way" in page
    assert "<svg" in response.get_data(as_text=True)
    assert not any(member.display_name in page for member in members)


def test_people_who_left_no_longer_count(app, client, auth, setting, make_user):
    tool, organisation, admin, members = setting
    outsider = make_user()
    for member in members[:4]:
        add_attempt(app, tool, member, 5, organisation.id)
    add_attempt(app, tool, outsider, 5, organisation.id)
    auth.login(admin)
    assert "4 members have answered" in text(client.get(summary_path(tool, organisation)))


@pytest.mark.parametrize("who", ["member", "other organisation's admin", "trainer", "admin"])
def test_only_the_organisations_admins_read_its_summary(app, client, auth, make_user,
                                                        make_organisation, setting, who):
    tool, organisation, _admin, members = setting
    if who == "member":
        person = members[0]
    elif who == "other organisation's admin":
        person = make_user()
        make_organisation(admin=person)
    else:
        person = make_user(role=who)
    auth.login(person)
    assert client.get(summary_path(tool, organisation)).status_code == 404


def test_the_tool_page_links_admins_to_their_summaries(app, client, auth, setting):
    tool, organisation, admin, members = setting
    auth.login(admin)
    page = client.get(f"/toolkit/assessments/{tool}").get_data(as_text=True)
    assert f'href="{summary_path(tool, organisation)}"' in page
    auth.logout()
    auth.login(members[0])
    page = client.get(f"/toolkit/assessments/{tool}").get_data(as_text=True)
    assert summary_path(tool, organisation) not in page
