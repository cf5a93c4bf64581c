"""Goals and actions of a plan: editing them, who may, milestones, dependencies and progress
updates."""
from datetime import date

import pytest
from sqlalchemy import func, select

from action_plans.models import Action, ActionPartner, Goal, Milestone, Plan, ProgressUpdate
from lms.extensions import db
from lms.models import Organisation, User
from tests.helpers import text

GOAL = {"code": "G1", "title": "Newcomers learn German", "description": "Language **first**.",
        "thematic_area": "education", "target_groups": "Adults", "assumptions": "",
        "risks": "Too few teachers"}
ACTION = {"code": "A1", "title": "Evening courses", "description": "", "lead_organisation_id": "",
          "contact_person": "Ana", "planned_start": "2026-02-01", "planned_end": "2026-12-31",
          "actual_start": "", "actual_end": "", "status": "planned", "progress": "0",
          "progress_from": "entered", "weight": "1", "priority": "medium", "budget": "1200.50",
          "funding_source": "", "target_group": "", "planned_beneficiaries": "40",
          "expected_outputs": ""}


def make(app, plan, actions=(), lead=None, goal_code="G1"):
    """A goal of `plan` with actions (code, weight, status, progress); their ids."""
    from action_plans.services import actions as action_service
    from action_plans.services import goals
    with app.test_request_context():
        stored = db.session.get(Plan, plan.id)
        user = db.session.scalar(select(User).limit(1))
        goal = goals.add(stored, user, None, dict(GOAL, code=goal_code))
        ids = []
        for code, weight, status, progress in actions:
            ids.append(action_service.add(stored, goal, user, {
                "code": code, "title": f"Action {code}", "weight": weight, "status": status,
                "progress": progress, "lead_organisation_id": lead}).id)
        db.session.commit()
        return goal.id, ids


def base(plan):
    return f"/action-plans/{plan.slug}"


def stored(app, model, ident):
    with app.app_context():
        return db.session.get(model, ident)


def test_editors_add_a_goal_and_a_specific_objective_and_edit_them(app, client, auth, network,
                                                                  plan):
    auth.login(network.people["editor"])
    response = client.post(f"{base(plan)}/goals/new", data=GOAL, follow_redirects=True)
    assert "The goal has been added." in text(response)
    with app.app_context():
        goal_id = db.session.scalar(select(Goal.id))
    response = client.post(f"{base(plan)}/goals/new", data=dict(
        GOAL, code="G1.1", title="Shorter waiting", parent_id=goal_id), follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "G1.1 Shorter waiting" in text(response) and "<strong>first</strong>" in page
    with app.app_context():
        specific = db.session.scalar(select(Goal).where(Goal.code == "G1.1"))
        assert specific.parent_id == goal_id
    response = client.post(f"{base(plan)}/goals/{goal_id}/edit",
                           data=dict(GOAL, title="Newcomers learn German early", version=1),
                           follow_redirects=True)
    assert "The goal has been saved." in text(response)
    assert "G1 Newcomers learn German early" in text(response)
    history = text(client.get(f"{base(plan)}/goals/{goal_id}/history"))
    assert "Version 2" in history and "early" in history


def test_goals_move_up_and_down(app, client, auth, network, plan):
    first, _ = make(app, plan, goal_code="G1")
    second, _ = make(app, plan, goal_code="G2")
    auth.login(network.people["coordinator"])
    client.post(f"{base(plan)}/goals/{second}/move/up")
    page = text(client.get(f"{base(plan)}/"))
    assert page.index("G2 Newcomers") < page.index("G1 Newcomers")
    client.post(f"{base(plan)}/goals/{second}/move/down")
    page = text(client.get(f"{base(plan)}/"))
    assert page.index("G1 Newcomers") < page.index("G2 Newcomers")


def test_a_goal_with_actions_is_kept_with_a_reason_an_empty_one_goes(app, client, auth,
                                                                      network, plan):
    busy, _ = make(app, plan, [("A1", 1, "planned", 0)])
    empty, _ = make(app, plan, goal_code="G2")
    auth.login(network.people["editor"])
    response = client.post(f"{base(plan)}/goals/{busy}/delete")
    assert response.status_code == 400 and "This goal still has actions" in text(response)
    assert stored(app, Goal, busy) is not None
    assert "This cannot be undone." in text(client.get(f"{base(plan)}/goals/{empty}/delete"))
    response = client.post(f"{base(plan)}/goals/{empty}/delete", follow_redirects=True)
    assert "The goal G2 has been deleted." in text(response)
    assert stored(app, Goal, empty) is None


def test_an_editor_adds_an_action_and_readers_open_its_page(app, client, auth, network, plan):
    goal_id, _ = make(app, plan)
    auth.login(network.people["editor"])
    lead = network.organisations["contributor"].id
    response = client.post(f"{base(plan)}/goals/{goal_id}/actions/new",
                           data=dict(ACTION, lead_organisation_id=lead), follow_redirects=True)
    page = text(response)
    assert "The action has been added." in page and "A1 Evening courses" in page
    assert "Contributor Organisation" in page and "1200.50" in page
    with app.app_context():
        action_id = db.session.scalar(select(Action.id))
    auth.logout()
    auth.login(network.people["viewer"])
    plan_page = client.get(f"{base(plan)}/").get_data(as_text=True)
    assert f'href="/action-plans/{plan.slug}/actions/{action_id}/"' in plan_page
    assert "Add an action" not in plan_page and "Add a goal" not in plan_page
    assert "Evening courses" in text(client.get(f"{base(plan)}/actions/{action_id}/"))
    assert client.get(f"{base(plan)}/actions/{action_id}/edit").status_code in (403, 404)


@pytest.mark.parametrize("change,message", [
    ({"code": "A1"}, "Another action of this plan has the code A1"),
    ({"planned_end": "2026-01-15"}, "The planned end cannot come before the planned start."),
    ({"planned_start": "2025-06-01"}, "Please choose a date within the plan's period"),
    ({"actual_start": "2026-05-01", "actual_end": "2026-04-01"},
     "The actual end cannot come before the actual start."),
])
def test_bad_codes_and_dates_are_explained_kept_and_nothing_stored(app, client, auth, network,
                                                                   plan, change, message):
    goal_id, _ = make(app, plan, [("A1", 1, "planned", 0)])
    auth.login(network.people["editor"])
    response = client.post(f"{base(plan)}/goals/{goal_id}/actions/new",
                           data={**ACTION, "code": "A2", "title": "Kept title", **change})
    assert response.status_code == 400
    assert message in text(response)
    assert 'value="Kept title"' in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Action.id))) == 1


def test_contributors_edit_the_actions_of_their_organisation_only(app, client, auth, network,
                                                                  plan):
    theirs = network.organisations["contributor"].id
    _goal, (led, other, partnered) = make(
        app, plan, [("A1", 1, "planned", 0), ("A2", 1, "planned", 0), ("A3", 1, "planned", 0)],
        lead=None)
    with app.app_context():
        db.session.get(Action, led).lead_organisation_id = theirs
        db.session.add(ActionPartner(action_id=partnered, organisation_id=theirs, role="funder"))
        db.session.commit()
    auth.login(network.people["contributor"])
    for action_id in (led, partnered):
        assert client.get(f"{base(plan)}/actions/{action_id}/edit").status_code == 200
        response = client.post(f"{base(plan)}/actions/{action_id}/milestones",
                               data={"title": "Rooms agreed", "due_date": "2026-03-01"})
        assert response.status_code == 302
    assert client.get(f"{base(plan)}/actions/{other}/edit").status_code == 403
    response = client.post(f"{base(plan)}/actions/{other}/updates",
                           data={"status": "done", "progress": 100, "done_text": "All"})
    assert response.status_code == 403
    assert stored(app, Action, other).status == "planned"
    assert client.get(f"{base(plan)}/goals/new").status_code in (403, 404)
    auth.logout()
    auth.login(network.people["viewer"])
    assert client.get(f"{base(plan)}/actions/{led}/edit").status_code in (403, 404)


def test_progress_rolls_up_from_milestones(app, client, auth, network, plan):
    _goal, (action_id,) = make(app, plan, [("A1", 1, "in_progress", 0)])
    with app.app_context():
        db.session.get(Action, action_id).progress_from = "milestones"
        db.session.commit()
    auth.login(network.people["editor"])
    url = f"{base(plan)}/actions/{action_id}"
    for title in ("Rooms", "Teachers", "Start", "Review"):
        client.post(f"{url}/milestones", data={"title": title, "due_date": "2026-06-01"})
    with app.app_context():
        ids = db.session.scalars(select(Milestone.id).order_by(Milestone.id)).all()
    client.post(f"{url}/milestones/{ids[0]}/toggle")
    assert stored(app, Action, action_id).progress == 25
    client.post(f"{url}/milestones/{ids[1]}/toggle")
    client.post(f"{url}/milestones/{ids[3]}/delete")
    assert stored(app, Action, action_id).progress == 67
    client.post(f"{url}/milestones/{ids[0]}/toggle")
    assert stored(app, Action, action_id).progress == 33
    response = client.post(f"{url}/milestones", data={"title": "Late", "due_date": "2031-01-01"})
    assert response.status_code == 400 and "within the plan's period" in text(response)
    with app.app_context():
        assert db.session.scalar(select(func.count(Milestone.id))) == 3


def test_a_progress_update_sets_the_action_and_records_before_and_after(app, client, auth,
                                                                         network, plan):
    _goal, (action_id,) = make(app, plan, [("A1", 1, "planned", 0)])
    auth.login(network.people["editor"])
    url = f"{base(plan)}/actions/{action_id}"
    client.get(f"{url}/edit")                     # an edit page open at version 1 ...
    response = client.post(f"{url}/updates", data={
        "status": "in_progress", "progress": 40, "done_text": "First course ran.",
        "blockers": "No rooms in August.", "next_steps": "Second course."},
        follow_redirects=True)
    page = text(response)
    assert "Your progress update has been recorded." in page
    assert "Status: Planned → In progress; progress: 0 % → 40 %" in page
    with app.app_context():
        update = db.session.scalar(select(ProgressUpdate))
        assert (update.status_before, update.status_after, update.progress_before,
                update.progress_after) == ("planned", "in_progress", 0, 40)
        assert update.organisation.name == "Editor Organisation"
    # ... is saved afterwards with another change: both stay
    response = client.post(f"{url}/edit", data=dict(ACTION, title="Evening and weekend courses",
                                                    version=1), follow_redirects=True)
    assert "have been merged" in text(response)
    action = stored(app, Action, action_id)
    assert (action.title, action.status, action.progress) == (
        "Evening and weekend courses", "in_progress", 40)


def test_a_dependency_cycle_is_refused(app, client, auth, network, plan):
    _goal, (first, second, third) = make(app, plan, [("A1", 1, "planned", 0),
                                                    ("A2", 1, "planned", 0),
                                                    ("A3", 1, "planned", 0)])
    auth.login(network.people["coordinator"])
    client.post(f"{base(plan)}/actions/{second}/dependencies", data={"depends_on": [first]})
    client.post(f"{base(plan)}/actions/{third}/dependencies", data={"depends_on": [second]})
    response = client.post(f"{base(plan)}/actions/{first}/dependencies",
                           data={"depends_on": [third]})
    assert response.status_code == 400
    assert "A3 already depends on this action" in text(response)
    with app.app_context():
        assert db.session.get(Action, first).depends_on == []
        assert [a.code for a in db.session.get(Action, third).depends_on] == ["A2"]
    page = text(client.get(f"{base(plan)}/actions/{third}/"))
    assert "A2 Action A2" in page
    response = client.post(f"{base(plan)}/actions/{first}/dependencies",
                           data={"depends_on": [first]})
    assert response.status_code == 400
    assert "An action cannot depend on itself." in text(response)


def test_partners_are_added_and_removed(app, client, auth, network, plan):
    _goal, (action_id,) = make(app, plan, [("A1", 1, "planned", 0)])
    auth.login(network.people["editor"])
    url = f"{base(plan)}/actions/{action_id}"
    organisation = network.organisations["viewer"].id
    response = client.post(f"{url}/partners", data={"organisation": organisation,
                                                     "role": "funder"}, follow_redirects=True)
    assert "Viewer Organisation is now a partner of this action." in text(response)
    assert "Funder" in text(response)
    client.post(f"{url}/partners/{organisation}/remove")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ActionPartner)) == 0


def test_the_plan_shows_its_weighted_progress_without_cancelled_actions(app, client, auth,
                                                                        network, plan):
    make(app, plan, [("A1", 3, "done", 100), ("A2", 1, "in_progress", 20),
                     ("A3", 5, "cancelled", 0)])
    auth.login(network.people["viewer"])
    assert "Overall progress (weighted): 80 %" in text(client.get(f"{base(plan)}/"))


@pytest.mark.parametrize("size", [1, 25])
def test_the_action_page_costs_the_same_queries_at_any_size(app, client, auth, network, plan,
                                                            count_queries, size):
    _goal, ids = make(app, plan, [(f"A{n}", 1, "planned", 0) for n in range(size + 1)])
    with app.app_context():
        action = db.session.get(Action, ids[0])
        organisations = db.session.scalars(select(Organisation)).all()
        for n in range(size):
            action.milestones.append(Milestone(title=f"M{n}", due_date=date(2026, 5, 1)))
            db.session.add(ProgressUpdate(action_id=action.id, status_before="planned",
                                          status_after="planned", progress_before=0,
                                          progress_after=0, done_text=f"Update {n}"))
        action.depends_on = [db.session.get(Action, i) for i in ids[1:]]
        for organisation in organisations[:size]:
            action.partners.append(ActionPartner(organisation=organisation))
        db.session.commit()
    auth.login(network.people["coordinator"])
    with count_queries() as counter:
        response = client.get(f"{base(plan)}/actions/{ids[0]}/")
    assert response.status_code == 200 and f"Update {size - 1}" in text(response)
    # 10, and the comments area's two: the threads with their authors, the members to mention
    assert counter.count <= 12, "\n\n".join(s[:150] for s in counter.statements)


def test_an_actions_history_names_organisations_and_statuses(app, client, auth, network, plan):
    _goal, (action_id,) = make(app, plan, [("A1", 1, "planned", 0)])
    auth.login(network.people["coordinator"])
    url = f"{base(plan)}/actions/{action_id}"
    client.post(f"{url}/edit", data=dict(ACTION, status="delayed", version=1,
                                         lead_organisation_id=network.organisations["editor"].id))
    history = text(client.get(f"{url}/history"))
    assert "Editor Organisation" in history and "Delayed" in history
    assert "Restore version 1" in history


def test_a_kept_edit_shows_in_the_history_what_its_author_changed_in_words(app, client, auth,
                                                                           network, plan):
    _goal, (action_id,) = make(app, plan, [("A1", 1, "planned", 0)])
    auth.login(network.people["coordinator"])
    url = f"{base(plan)}/actions/{action_id}"
    client.post(f"{url}/edit", data=dict(ACTION, version=1))
    client.post(f"{url}/edit", data=dict(ACTION, title="Evening classes", version=2))
    response = client.post(f"{url}/edit", data=dict(
        ACTION, title="Weekend classes", status="delayed", version=2,
        lead_organisation_id=network.organisations["editor"].id))
    assert response.status_code == 409                          # the titles meet
    page = client.get(f"{url}/history").get_data(as_text=True)
    kept = page[page.index("Text submitted from version 2"):]
    kept = kept[:kept.index("</li>")]
    assert "Weekend classes" in kept and "Editor Organisation" in kept and "Delayed" in kept
    # what the author left as it was is not repeated, and no stored code or id shows
    assert "Contact person" not in kept and "delayed" not in kept
    assert f">{network.organisations['editor'].id}<" not in kept
    # the first version lists what the action had, not every empty field
    first = page[page.index("<strong>Version 1</strong>"):]
    first = first[:first.index("</li>")]
    assert "Weight in the plan" in first and "Actual start" not in first


def test_a_save_to_an_action_deleted_meanwhile_keeps_what_was_typed(app, client, auth, network,
                                                                     plan):
    """Someone deletes the action while another edits it: the save stores nothing, and the
    editor gets their text back to copy, not a bare 'not found'."""
    _goal, (action_id,) = make(app, plan, [("A1", 1, "planned", 0)])
    auth.login(network.people["editor"])
    url = f"{base(plan)}/actions/{action_id}/edit"
    assert client.get(url).status_code == 200
    with app.app_context():
        db.session.delete(db.session.get(Action, action_id))
        db.session.commit()
    response = client.post(url, data=dict(ACTION, title="Language cafés", version="1",
                                          description="Weekly cafés in three districts."))
    assert response.status_code == 410
    page = text(response)
    assert "Someone deleted this while you had it open, so nothing was saved." in page
    assert "Weekly cafés in three districts." in page and "Language cafés" in page
    assert client.get(url).status_code == 404
