"""Starting a plan empty, from a published good-practice blueprint (through the core's registry
of plan templates) or as a copy of a plan the person may read."""
from datetime import date

import pytest
from sqlalchemy import func, select

from action_plans.models import (Action, ActionPartner, Goal, Indicator, Measurement, Milestone,
                                 Plan, Section, action_dependencies)
from lms.extensions import db
from tests.helpers import text

FORM = {"title": "Plan for Newcomers", "territory": "Rheinland", "period_start": "2027-01-01",
        "period_end": "2029-12-31", "summary": "", "language": "en", "licence": "CC-BY-4.0",
        "visibility": "network"}


def start(client, network, **values):
    return client.post("/action-plans/new", data=dict(FORM, network=network.id, **values))


def test_the_form_offers_every_origin_with_the_published_blueprints_and_readable_plans(
        client, auth, network, make_plan, make_blueprint):
    make_blueprint("One-stop shop for newcomers")
    make_blueprint("Unreviewed idea", publish=False)
    make_plan("Our current plan")
    auth.login(network.people["editor"])
    page = client.get("/action-plans/new").get_data(as_text=True)
    for label in ("An empty plan", "A good-practice blueprint", "A copy of a plan"):
        assert label in page
    assert "One-stop shop for newcomers" in page and "Unreviewed idea" not in page
    assert "Our current plan" in page


def test_a_blueprints_steps_become_planned_actions_under_a_goal_named_after_it(
        app, client, auth, network, make_blueprint):
    blueprint_id = make_blueprint()
    auth.login(network.people["coordinator"])
    response = start(client, network, origin="template", template=f"oer.blueprint:{blueprint_id}")
    assert response.status_code == 302
    page = text(client.get(response.headers["Location"]))
    assert "The plan has been started from the blueprint “One-stop shop for newcomers”" in page
    assert "G1 One-stop shop for newcomers" in page
    assert "A1 Map what exists" in page and "A3 Open one reception desk with a peer guide" in page
    with app.app_context():
        plan = db.session.scalar(select(Plan))
        actions = db.session.scalars(select(Action).order_by(Action.code)).all()
        assert [a.status for a in actions] == ["planned"] * 3
        assert {a.goal.title for a in actions} == {"One-stop shop for newcomers"}
        assert actions[0].description == "Map what exists: list every service for newcomers."
        assert actions[0].suggested_partners == "Public authority or municipality\nNGO"
        # the blueprint names kinds of organisation: no partner is invented
        assert db.session.scalar(select(func.count()).select_from(ActionPartner)) == 0
        assert [s.key for s in plan.sections] == ["context", "needs", "vision", "governance"]
        first = actions[0].id
    action_page = text(client.get(f"/action-plans/{plan.slug}/actions/{first}/"))
    assert "Suggested partners" in action_page and "Public authority or municipality" in \
        action_page


@pytest.mark.parametrize("choice, message", [
    ("oer.blueprint:999999", "This blueprint is not published (any more)."),
    ("oer.blueprint:99999999999999999999", "This blueprint is not published (any more)."),
    ("nowhere:1", "This blueprint is not published (any more)."),
    ("", "Please choose the blueprint the plan starts from."),
])
def test_an_unknown_blueprint_is_explained_next_to_the_field_and_the_input_kept(
        app, client, auth, network, make_blueprint, choice, message):
    make_blueprint()
    auth.login(network.people["coordinator"])
    response = start(client, network, origin="template", template=choice, title="Kept title")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f'id="template-error">{message}' in page
    assert 'value="Kept title"' in page
    with app.app_context():
        assert db.session.scalar(select(func.count(Plan.id))) == 0


def test_an_unpublished_blueprint_cannot_be_chosen(app, client, auth, network, make_blueprint):
    draft = make_blueprint("Unreviewed idea", publish=False)
    make_blueprint()
    auth.login(network.people["coordinator"])
    response = start(client, network, origin="template", template=f"oer.blueprint:{draft}")
    assert "This blueprint is not published (any more)." in text(response)
    with app.app_context():
        assert db.session.scalar(select(func.count(Plan.id))) == 0


@pytest.fixture
def full_plan(app, network, make_plan, make_organisation):
    """A plan of `network` in implementation with a specific goal, two actions (partners, a
    milestone done, a dependency), an indicator with an approved measurement and an
    organisation from outside the network as a partner."""
    from action_plans.services import origins  # noqa: F401  (the module under test loads)
    stranger = make_organisation(name="Faraway Foundation")
    made = make_plan("Original Plan", phase="implementation")
    with app.app_context():
        plan = db.session.get(Plan, made.id)
        member = network.organisations["editor"].id
        general = Goal(plan_id=plan.id, code="G1", title="Work", position=0)
        specific = Goal(plan_id=plan.id, code="G1.1", title="Traineeships", parent=general)
        db.session.add_all([general, specific])
        db.session.flush()
        first = Action(plan_id=plan.id, goal_id=specific.id, code="A1", title="Recruit employers",
                       status="done", progress=100, actual_start=date(2026, 2, 1),
                       lead_organisation_id=member, planned_start=date(2026, 1, 1))
        first.partners = [ActionPartner(organisation_id=member, role="lead"),
                          ActionPartner(organisation_id=stranger.id, role="funder")]
        first.milestones = [Milestone(title="Ten employers", due_date=date(2026, 6, 1),
                                      done=True)]
        second = Action(plan_id=plan.id, goal_id=general.id, code="A2", title="Place trainees",
                        status="in_progress", progress=40)
        second.depends_on = [first]
        db.session.add_all([first, second])
        db.session.flush()
        indicator = Indicator(plan_id=plan.id, action_id=second.id, code="I1",
                              name="Trainees placed", target_value=40,
                              disaggregation=["sex"], responsible_organisation_id=stranger.id)
        indicator.measurements = [Measurement(value=12, measured_on=date(2026, 6, 1),
                                              status="approved")]
        db.session.add(indicator)
        plan.sections[0].body = "Our context."
        plan.sections[0].body_html = "<p>Our context.</p>"
        db.session.commit()
    return made


def test_a_copy_takes_the_content_remapped_without_measurements_or_what_was_done(
        app, client, auth, network, full_plan):
    auth.login(network.people["editor"])
    response = start(client, network, origin="copy", source_plan=str(full_plan.id),
                     title="Next Plan")
    assert response.status_code == 302
    assert "/action-plans/next-plan/" in response.headers["Location"]
    assert "started as a copy of “Original Plan”" in text(client.get(response.headers["Location"]))
    with app.app_context():
        copy = db.session.scalar(select(Plan).where(Plan.slug == "next-plan"))
        assert copy.phase == "drafting" and copy.id != full_plan.id
        assert [(s.key, s.body) for s in copy.sections][0] == ("context", "Our context.")
        assert len(copy.sections) == 4
        goals = {g.code: g for g in db.session.scalars(select(Goal).where(
            Goal.plan_id == copy.id))}
        assert goals["G1.1"].parent_id == goals["G1"].id
        actions = {a.code: a for a in db.session.scalars(select(Action).where(
            Action.plan_id == copy.id))}
        first, second = actions["A1"], actions["A2"]
        assert first.goal_id == goals["G1.1"].id and second.goal_id == goals["G1"].id
        assert (first.status, first.progress, first.actual_start) == ("planned", 0, None)
        assert first.planned_start == date(2026, 1, 1)
        assert [(p.organisation_id, p.role) for p in first.partners] == [
            (network.organisations["editor"].id, "lead")]
        assert first.suggested_partners == "Faraway Foundation"
        assert [(m.title, m.done) for m in first.milestones] == [("Ten employers", False)]
        assert [other.id for other in second.depends_on] == [first.id]
        [indicator] = db.session.scalars(select(Indicator).where(
            Indicator.plan_id == copy.id)).all()
        assert (indicator.action_id, indicator.target_value, indicator.disaggregation) == (
            second.id, 40, ["sex"])
        assert indicator.responsible_organisation_id is None
        assert indicator.measurements == []
        # the original is untouched
        assert db.session.scalar(select(func.count()).select_from(Measurement)) == 1
        assert db.session.scalar(select(func.count()).select_from(action_dependencies)) == 2


def test_a_plan_the_person_may_not_read_cannot_be_copied(app, client, auth, make_network,
                                                          make_plan, network):
    secret = make_plan("Secret Plan")
    make_plan("Public Plan", visibility="public", phase="implementation")
    other = make_network(name="Other Network")
    auth.login(other.people["coordinator"])
    page = client.get("/action-plans/new").get_data(as_text=True)
    assert "Secret Plan" not in page and "Public Plan" in page
    for choice in (str(secret.id), "12345", "x", "99999999999999999999"):
        response = start(client, other, origin="copy", source_plan=choice, title="Kept title")
        assert response.status_code == 200
        body = response.get_data(as_text=True)
        assert 'id="source_plan-error">You cannot copy this plan' in body
        assert 'value="Kept title"' in body
    with app.app_context():
        assert db.session.scalar(select(func.count(Plan.id))) == 2


def test_an_adopted_public_plan_of_another_network_can_be_copied(app, client, auth, make_network,
                                                                 make_plan):
    public = make_plan("Public Plan", visibility="public", phase="implementation")
    other = make_network(name="Other Network")
    auth.login(other.people["coordinator"])
    response = start(client, other, origin="copy", source_plan=str(public.id), title="Ours")
    assert response.status_code == 302
    with app.app_context():
        copy = db.session.scalar(select(Plan).where(Plan.slug == "ours"))
        assert copy.network_id == other.id
        assert db.session.scalar(select(func.count(Section.id)).where(
            Section.plan_id == copy.id)) == 4


def test_without_the_oer_plugin_a_plan_starts_empty_or_as_a_copy(app_factory, network,
                                                                  make_plan):
    application = app_factory(LMS_PLUGINS=["networks", "action_plans"])
    assert "oer" not in application.extensions["lms_plugins"]
    assert application.extensions["lms_plan_templates"] == {}
    client = application.test_client()
    from tests.helpers import Auth
    make_plan("Original Plan")
    Auth(client).login(network.people["coordinator"])
    page = client.get("/action-plans/new").get_data(as_text=True)
    assert "An empty plan" in page and "A copy of a plan" in page
    assert "A good-practice blueprint" not in page
    response = client.post("/action-plans/new", data=dict(
        FORM, network=network.id, origin="template", template="oer.blueprint:1"))
    assert response.status_code == 200
    assert "Not a valid choice" in response.get_data(as_text=True)
    with application.app_context():
        original = db.session.scalar(select(Plan))
    response = client.post("/action-plans/new", data=dict(
        FORM, network=network.id, origin="copy", source_plan=str(original.id), title="Copy"))
    assert response.status_code == 302
    assert "Add the steps of a good-practice blueprint" not in text(
        client.get(response.headers["Location"]))
    assert client.get("/action-plans/copy/goals/from-blueprint").status_code == 404
    response = client.post("/action-plans/new", data=dict(FORM, network=network.id,
                                                           title="Empty"))
    assert response.status_code == 302
    with application.app_context():
        assert db.session.scalar(select(func.count(Plan.id))) == 3


def test_a_blueprints_steps_join_an_existing_plan_under_a_goal_chosen(
        app, client, auth, network, plan, make_blueprint):
    blueprint_id = make_blueprint()
    with app.app_context():
        goal = Goal(plan_id=plan.id, code="G7", title="Reception", position=0)
        db.session.add(goal)
        db.session.add(Action(plan_id=plan.id, goal=goal, code="A1", title="Existing action"))
        db.session.commit()
        goal_id = goal.id
    auth.login(network.people["editor"])
    page = client.get(f"/action-plans/{plan.slug}/")
    assert "Add the steps of a good-practice blueprint" in text(page)
    form = client.get(f"/action-plans/{plan.slug}/goals/from-blueprint").get_data(as_text=True)
    assert "One-stop shop for newcomers" in form and "G7 Reception" in form
    response = client.post(f"/action-plans/{plan.slug}/goals/from-blueprint", data={
        "template": f"oer.blueprint:{blueprint_id}", "goal": str(goal_id)},
        follow_redirects=True)
    assert "have been added as planned actions" in text(response)
    with app.app_context():
        actions = db.session.scalars(select(Action).where(Action.plan_id == plan.id)
                                     .order_by(Action.position)).all()
        assert [(a.code, a.goal_id) for a in actions] == [
            ("A1", goal_id), ("A2", goal_id), ("A3", goal_id), ("A4", goal_id)]
        assert db.session.scalar(select(func.count(Goal.id))) == 1


@pytest.mark.parametrize("data, field, message", [
    ({"template": "oer.blueprint:424242", "goal": ""}, "template",
     "This blueprint is not published (any more)."),
    ({"template": "", "goal": ""}, "template", "Please choose a blueprint."),
    ({"template": "BLUEPRINT", "goal": "99999999999999999999"}, "goal",
     "Please choose a goal of this plan."),
])
def test_adding_a_blueprint_explains_bad_choices_next_to_their_field(
        app, client, auth, network, plan, make_blueprint, data, field, message):
    blueprint_id = make_blueprint()
    data = {key: value.replace("BLUEPRINT", f"oer.blueprint:{blueprint_id}")
            for key, value in data.items()}
    auth.login(network.people["coordinator"])
    response = client.post(f"/action-plans/{plan.slug}/goals/from-blueprint", data=data)
    assert response.status_code == 400
    assert f'id="{field}-error">{message}' in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Action.id))) == 0


@pytest.mark.parametrize("role", ["contributor", "viewer"])
def test_only_editors_add_a_blueprints_steps(app, client, auth, network, plan, make_blueprint,
                                             role):
    blueprint_id = make_blueprint()
    auth.login(network.people[role])
    assert "Add the steps of a good-practice blueprint" not in text(
        client.get(f"/action-plans/{plan.slug}/"))
    response = client.post(f"/action-plans/{plan.slug}/goals/from-blueprint",
                           data={"template": f"oer.blueprint:{blueprint_id}", "goal": ""})
    assert response.status_code in (403, 404)
    with app.app_context():
        assert db.session.scalar(select(func.count(Action.id))) == 0


@pytest.mark.parametrize("size", [1, 8])
def test_the_new_plan_page_costs_the_same_queries_whatever_it_lists(
        app, client, auth, network, make_plan, count_queries, size):
    from oer.models import Practice
    for number in range(size):
        make_plan(f"Plan {number}")
    with app.app_context():
        for number in range(size):
            db.session.add(Practice(title=f"Practice {number}", status="published",
                                    steps=["<p>A step.</p>"], steps_source="A step.",
                                    actor_types=["ngo"]))
        db.session.commit()
    auth.login(network.people["coordinator"])
    with count_queries() as counter:
        response = client.get("/action-plans/new")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f"Practice {size - 1}" in page and f"Plan {size - 1}" in page
    assert counter.count <= 8, counter.statements
