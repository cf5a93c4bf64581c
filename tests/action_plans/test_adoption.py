"""Adopting a plan: a frozen version every partner organisation signs, and its versions."""
import re

import pytest
from sqlalchemy import func, select

from action_plans.models import Plan, PlanVersion, Section, SignOff
from action_plans.services import adoption
from lms.extensions import db
from tests.helpers import text


def start(client, plan):
    return client.post(f"/action-plans/{plan.slug}/adoption/start", follow_redirects=True)


def sign(client, plan, organisation, decision, comment="", number=1, follow_redirects=False):
    return client.post(f"/action-plans/{plan.slug}/versions/{number}/sign",
                       data={"organisation": organisation.id, "decision": decision,
                             "comment": comment}, follow_redirects=follow_redirects)


def state(app, plan):
    with app.app_context():
        found = db.session.get(Plan, plan.id)
        version = db.session.scalar(select(PlanVersion).order_by(PlanVersion.id.desc()))
        return found.phase, version.status if version else None


@pytest.fixture
def signing(app, client, auth, network, plan):
    auth.login(network.people["coordinator"])
    assert "Version 1 has been frozen" in text(start(client, plan))
    auth.logout()
    return plan


def test_starting_adoption_freezes_a_version_whose_hash_depends_only_on_the_content(
        app, client, auth, network, plan, outbox):
    with app.test_request_context():
        live = db.session.get(Plan, plan.id)
        first = adoption.content_hash(adoption.snapshot(live))
        assert adoption.content_hash(adoption.snapshot(live)) == first
    auth.login(network.people["editor"])
    response = start(client, plan)
    assert "Sign version 1" in text(response)
    with app.app_context():
        version = db.session.scalar(select(PlanVersion))
        assert version.content_hash == first and version.status == "signing"
        assert [s["key"] for s in version.snapshot["sections"]] == [
            "context", "needs", "vision", "governance"]
        assert db.session.scalar(select(func.count(SignOff.id))) == 4   # every member
        assert db.session.get(Plan, plan.id).phase == "adoption"
    # each partner's admin is asked to sign
    assert outbox.messages(to=network.people["viewer"].email)


def test_a_partner_admin_signs_and_an_admin_of_another_cannot_sign_for_it(
        app, client, auth, network, signing):
    auth.login(network.people["viewer"])        # admin of the viewer organisation
    page = client.get(f"/action-plans/{signing.slug}/versions/1/sign")
    assert page.status_code == 200 and "Viewer Organisation" in text(page)
    response = sign(client, signing, network.organisations["coordinator"], "approved")
    assert response.status_code == 400                     # not an organisation they sign for
    response = sign(client, signing, network.organisations["viewer"], "approved",
                    follow_redirects=True)
    assert "Your organisation's decision has been recorded." in text(response)
    with app.app_context():
        decided = db.session.scalars(select(SignOff).where(SignOff.decision != "pending")).all()
        assert [s.organisation_id for s in decided] == [network.organisations["viewer"].id]
    again = sign(client, signing, network.organisations["viewer"], "rejected", "Changed my mind")
    assert again.status_code == 400
    assert "has already decided on this version" in text(again)


def test_an_outsider_cannot_sign(app, client, auth, signing, outsider):
    auth.login(outsider.user)
    assert client.get(f"/action-plans/{signing.slug}/versions/1/sign").status_code == 404
    assert sign(client, signing, outsider.organisation, "approved").status_code == 404


def test_a_named_signatory_signs_for_their_organisation(app, client, auth, network, signing,
                                                        make_user):
    from networks.services import membership
    from lms.models import Organisation, User
    from networks.models import Network
    deputy = make_user(display_name="Dana Deputy")
    organisation = network.organisations["editor"]
    with app.test_request_context():
        membership.add_person(db.session.get(Network, network.id),
                              db.session.get(Organisation, organisation.id),
                              db.session.get(User, deputy.id), "viewer")
        db.session.commit()
    auth.login(deputy)
    assert sign(client, signing, organisation, "approved").status_code == 404   # not yet named
    auth.logout()
    auth.login(network.people["editor"])                 # the editor organisation's admin
    response = client.post(f"/action-plans/{signing.slug}/adoption/signatory",
                           data={"organisation": organisation.id, "person": deputy.id},
                           follow_redirects=True)
    assert "Dana Deputy may now sign this plan for Editor Organisation." in text(response)
    auth.logout()
    auth.login(deputy)
    response = sign(client, signing, organisation, "approved", follow_redirects=True)
    assert "Your organisation's decision has been recorded." in text(response)


@pytest.mark.parametrize("decision", ["approved_with_reservations", "rejected"])
def test_reservations_and_rejections_need_a_comment(app, client, auth, network, signing,
                                                    decision):
    auth.login(network.people["viewer"])
    response = client.post(f"/action-plans/{signing.slug}/versions/1/sign",
                           data={"organisation": network.organisations["viewer"].id,
                                 "decision": decision, "comment": ""})
    assert response.status_code == 400
    assert "a comment is required with reservations or a rejection" in text(response)
    assert re.search(rf'<input checked[^>]*value="{decision}"', response.get_data(as_text=True))
    with app.app_context():
        assert db.session.scalar(select(func.count(SignOff.id))
                                 .where(SignOff.decision != "pending")) == 0


def test_when_every_partner_approves_the_plan_is_adopted(app, client, auth, network, signing,
                                                         outbox):
    for role in ("coordinator", "editor", "contributor", "viewer"):
        auth.login(network.people[role])
        decision = "approved_with_reservations" if role == "editor" else "approved"
        response = sign(client, signing, network.organisations[role], decision,
                        "Budget to be confirmed", follow_redirects=True)
        auth.logout()
    assert "Every partner has approved: the plan is adopted." in text(response)
    assert state(app, signing) == ("implementation", "adopted")
    assert "is adopted" in outbox.last(to=network.people["coordinator"].email)["Subject"]
    auth.login(network.people["viewer"])
    page = text(client.get(f"/action-plans/{signing.slug}/versions/1/"))
    with app.app_context():
        assert db.session.scalar(select(PlanVersion.content_hash)) in page


def test_a_rejection_sends_the_plan_back_to_drafting_with_the_comment(
        app, client, auth, network, signing):
    auth.login(network.people["contributor"])
    response = sign(client, signing, network.organisations["contributor"], "rejected",
                    "The housing goal has no budget.", follow_redirects=True)
    assert "rejected and is back in drafting" in text(response)
    assert state(app, signing) == ("drafting", "rejected")
    page = text(client.get(f"/action-plans/{signing.slug}/"))
    assert "Version 1 was not adopted" in page and "The housing goal has no budget." in page
    # the rejected version takes no more decisions
    auth.logout()
    auth.login(network.people["viewer"])
    late = sign(client, signing, network.organisations["viewer"], "approved")
    assert late.status_code == 400 and "no longer being signed" in text(late)


def test_editing_while_signing_leaves_the_frozen_version_alone(app, client, auth, network,
                                                               signing):
    auth.login(network.people["editor"])
    section_id = signing.sections["vision"]
    client.post(f"/action-plans/{signing.slug}/sections/{section_id}/edit",
                data={"title": "Vision", "body": "A later sentence.", "version": 1})
    with app.app_context():
        assert db.session.get(Section, section_id).body == "A later sentence."
        version = db.session.scalar(select(PlanVersion))
        vision = next(s for s in version.snapshot["sections"] if s["id"] == section_id)
        assert vision["body"] == ""
        assert adoption.content_hash(version.snapshot) == version.content_hash
    page = text(client.get(f"/action-plans/{signing.slug}/versions/1/sign"))
    assert "A later sentence." not in page


def test_comparing_two_versions_shows_the_changed_sentence(app, client, auth, network,
                                                           signing):
    auth.login(network.people["contributor"])
    sign(client, signing, network.organisations["contributor"], "rejected", "Say more.")
    auth.logout()
    auth.login(network.people["editor"])
    section_id = signing.sections["context"]
    client.post(f"/action-plans/{signing.slug}/sections/{section_id}/edit",
                data={"title": "Context", "body": "Newcomers arrive every week.", "version": 1})
    start(client, signing)
    response = client.get(f"/action-plans/{signing.slug}/versions/compare?a=1&b=2")
    assert response.status_code == 200
    assert "<ins>Newcomers arrive every week.</ins>" in response.get_data(as_text=True)
    assert client.get(f"/action-plans/{signing.slug}/versions/compare?a=1&b=9"
                      ).status_code == 400
    listed = text(client.get(f"/action-plans/{signing.slug}/versions/"))
    assert "Version 1" in listed and "Version 2" in listed


def test_editors_move_a_plan_between_drafting_and_consultation(app, client, auth, network,
                                                               plan):
    auth.login(network.people["contributor"])
    assert client.post(f"/action-plans/{plan.slug}/adoption/phase",
                       data={"phase": "consultation"}).status_code in (403, 404)
    auth.logout()
    auth.login(network.people["editor"])
    response = client.post(f"/action-plans/{plan.slug}/adoption/phase",
                           data={"phase": "consultation"}, follow_redirects=True)
    assert "The plan is now in Consultation." in text(response)
    assert client.post(f"/action-plans/{plan.slug}/adoption/phase",
                       data={"phase": "implementation"}).status_code == 400
    assert state(app, plan)[0] == "consultation"


@pytest.mark.parametrize("data", [{"organisation": "x", "decision": "approved"},
                                  {"decision": "maybe"}, {}])
def test_malformed_sign_offs_are_refused_and_store_nothing(app, client, auth, network, signing,
                                                           data):
    auth.login(network.people["viewer"])
    response = client.post(f"/action-plans/{signing.slug}/versions/1/sign",
                           data=dict({"organisation": network.organisations["viewer"].id},
                                     **data))
    assert response.status_code == 400
    assert state(app, signing) == ("adoption", "signing")
    with app.app_context():
        assert db.session.scalar(select(func.count(SignOff.id))
                                 .where(SignOff.decision != "pending")) == 0
