"""Writing a plan's sections together: nothing anyone saves is lost."""
import re

from sqlalchemy import select

from action_plans.models import Revision, Section
from lms.extensions import db
from tests.helpers import text

BODY = ("Musterstadt welcomes about 600 newcomers a year. Most are families. "
        "The partners meet every month.")


def edit_url(plan, key="context"):
    return f"/action-plans/{plan.slug}/sections/{plan.sections[key]}/edit"


def save(client, plan, body, version, title="Context", key="context", follow_redirects=False,
         **extra):
    return client.post(edit_url(plan, key), data={"title": title, "body": body,
                                                  "version": version, **extra},
                       follow_redirects=follow_redirects)


def section(app, plan, key="context"):
    with app.app_context():
        found = db.session.get(Section, plan.sections[key])
        return found.version, found.body, found.body_html


def test_an_editor_writes_a_section_and_readers_see_it_rendered(app, client, auth, network,
                                                                 plan):
    auth.login(network.people["editor"])
    response = save(client, plan, BODY + "\n\n**Shared** referral routes.", 1,
                    follow_redirects=True)
    assert "The section has been saved." in text(response)
    assert "<strong>Shared</strong> referral routes." in response.get_data(as_text=True)
    auth.logout()
    auth.login(network.people["viewer"])
    page = client.get(f"/action-plans/{plan.slug}/")
    assert page.status_code == 200 and "Shared referral routes." in text(page)
    assert client.get(edit_url(plan)).status_code == 403 or \
        client.get(edit_url(plan)).status_code == 404


def test_two_editors_changing_different_sentences_both_keep_their_change(app, client, auth,
                                                                         network, plan):
    auth.login(network.people["editor"])
    save(client, plan, BODY, 1)                                  # version 2
    save(client, plan, BODY.replace("600", "650"), 2)            # the coordinator's, say: v3
    response = save(client, plan, BODY.replace("every month", "every two weeks"), 2,
                    follow_redirects=True)                       # made from version 2
    assert "their changes and yours have been merged" in text(response)
    version, body, _html = section(app, plan)
    assert version == 4
    assert "650 newcomers" in body and "every two weeks" in body


def test_the_same_sentence_changed_twice_gives_the_resolution_page_and_loses_nothing(
        app, client, auth, network, plan):
    auth.login(network.people["editor"])
    save(client, plan, BODY, 1)
    save(client, plan, BODY.replace("Most are families.", "Most are young men."), 2)
    mine = BODY.replace("Most are families.", "Half of them are children.")
    response = save(client, plan, mine, 2)
    assert response.status_code == 409
    page = text(response)
    assert "you both changed the same words" in page
    assert "Half of them are children." in page and "Most are young men." in page
    version, body, _html = section(app, plan)
    assert version == 3 and "Most are young men." in body        # nothing stored yet
    with app.app_context():
        kept = db.session.scalars(select(Revision).where(Revision.kind == "edit")).all()
        assert [r.fields["body"] for r in kept] == [mine] and kept[0].resolved_at is None
        edit_id = kept[0].id
    # back on the form later, the editor is told their text waits in the history
    assert "You have 1 unresolved text for this in its history." in text(client.get(edit_url(plan)))
    both = BODY.replace("Most are families.", "Most are young men. Half of them are children.")
    response = save(client, plan, both, 3, edit_id=edit_id, follow_redirects=True)
    assert "The section has been saved." in text(response)
    assert section(app, plan)[1] == both
    with app.app_context():
        assert db.session.get(Revision, edit_id).resolved_at is not None
    history = text(client.get(f"/action-plans/{plan.slug}/sections/{plan.sections['context']}"
                              "/history"))
    assert "Version 4" in history and "Version 3" in history and "Version 2" in history
    assert "Half of them are children." in history     # the kept edit, shown in the history


def test_the_resolution_page_saves_against_the_current_version_and_settles_the_edit(
        app, client, auth, network, plan):
    """The page's own form, sent back as it comes (a browser does not type hidden fields),
    saves: it carries the version now stored and the kept edit, not the ones first posted."""
    auth.login(network.people["editor"])
    save(client, plan, BODY, 1)
    save(client, plan, BODY.replace("Most are families.", "Most are young men."), 2)
    page = save(client, plan, BODY.replace("Most are families.", "Half are children."), 2)
    assert page.status_code == 409
    hidden = dict(re.findall(r'<input id="(version|edit_id)" name="\1" type="hidden" '
                             r'value="([^"]*)"', page.get_data(as_text=True)))
    with app.app_context():
        edit_id = db.session.scalar(select(Revision.id).where(Revision.kind == "edit"))
    assert hidden == {"version": "3", "edit_id": str(edit_id)}
    both = BODY.replace("Most are families.", "Most are young men. Half are children.")
    response = save(client, plan, both, follow_redirects=True, **hidden)
    assert "The section has been saved." in text(response)
    assert section(app, plan)[1] == both


def test_an_earlier_version_is_restored_as_a_new_version(app, client, auth, network, plan):
    auth.login(network.people["coordinator"])
    save(client, plan, BODY, 1)
    save(client, plan, "Something else entirely.", 2)
    with app.app_context():
        first = db.session.scalar(select(Revision.id).where(
            Revision.record_id == plan.sections["context"], Revision.version == 2))
    response = client.post(f"/action-plans/{plan.slug}/sections/{plan.sections['context']}"
                           f"/history/{first}/restore", follow_redirects=True)
    assert "Version 2 has been restored as version 4." in text(response)
    assert section(app, plan)[:2] == (4, BODY)


def test_a_form_without_its_version_is_refused_and_keeps_the_text(app, client, auth, network,
                                                                  plan):
    auth.login(network.people["editor"])
    response = client.post(edit_url(plan), data={"title": "Context", "body": "My long text"})
    assert response.status_code == 400
    assert "This form is missing its version" in text(response)
    assert "My long text" in response.get_data(as_text=True)
    assert section(app, plan)[0] == 1


def test_who_else_is_editing_is_shown(app, client, auth, network, plan):
    auth.login(network.people["coordinator"])
    client.get(edit_url(plan))
    auth.logout()
    auth.login(network.people["editor"])
    page = text(client.get(edit_url(plan)))
    assert "Also editing now: Coordinator Person" in page
    state = client.get(edit_url(plan).replace("/edit", "/presence")).get_json()
    assert state == {"version": 1, "others": ["Coordinator Person"]}
