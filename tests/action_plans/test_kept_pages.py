"""The plan page's outline, the dashboard and the timeline are rendered once and kept per plan
generation: what a reader notices is that they are never out of date (an edit made through
another app process shows at once), never someone else's (editors' links, members' comment
counts, one's own CSRF token), and in the reader's language."""
import re
from datetime import date, datetime

from sqlalchemy import select

from action_plans.models import (Action, ActionPartner, Comment, CommentMention, Goal, Indicator,
                                 Measurement, Milestone, Plan, PlanVersion, ProgressUpdate,
                                 Section, Signatory, SignOff)
from action_plans.services import generation
from lms.extensions import db
from lms.models import Organisation, User
from lms.plugins import tables_for
from tests.helpers import PASSWORD, text

PAGES = ("/", "/dashboard", "/timeline")


def plan_of(app, slug):
    with app.app_context():
        return db.session.scalar(select(Plan).where(Plan.slug == slug))


def test_an_edit_through_another_app_shows_at_once_on_every_page(app, app_factory, client, auth,
                                                                 network, make_adopted_plan):
    made = make_adopted_plan()
    auth.login(network.people["coordinator"])
    before = {page: text(client.get(f"/action-plans/{made.slug}{page}")) for page in PAGES}
    assert "1 action" in before["/dashboard"] and "Recruit ten employers" in before["/timeline"]
    # another process on the same database: its own memory, its own session
    other = app_factory()
    with other.app_context():
        plan = db.session.scalar(select(Plan).where(Plan.slug == made.slug))
        action = db.session.scalar(select(Action).where(Action.plan_id == plan.id))
        action.title = "Recruit twelve employers"
        db.session.add(Action(plan_id=plan.id, goal_id=action.goal_id, code="A2",
                              title="Open a job corner", planned_start=date(2026, 3, 1),
                              planned_end=date(2026, 9, 30)))
        db.session.commit()
    after = {page: text(client.get(f"/action-plans/{made.slug}{page}")) for page in PAGES}
    assert "A1 Recruit twelve employers" in after["/"] and "A2 Open a job corner" in after["/"]
    assert "2 actions" in after["/dashboard"]
    assert "Recruit twelve employers" in after["/timeline"]
    assert "Open a job corner" in after["/timeline"]
    assert all("Recruit ten employers" not in page for page in after.values())


def test_a_milestone_and_a_measurement_show_at_once(app, app_factory, client, auth, network,
                                                    make_adopted_plan):
    made = make_adopted_plan()
    auth.login(network.people["coordinator"])
    client.get(f"/action-plans/{made.slug}/timeline")
    client.get(f"/action-plans/{made.slug}/")
    other = app_factory()
    with other.app_context():
        plan = db.session.scalar(select(Plan).where(Plan.slug == made.slug))
        milestone = db.session.scalar(select(Milestone).join(Milestone.action)
                                      .where(Action.plan_id == plan.id))
        milestone.title = "Six employers signed"
        indicator = db.session.scalar(select(Indicator).where(Indicator.plan_id == plan.id))
        db.session.add(Measurement(indicator_id=indicator.id, measured_on=date(2026, 6, 1),
                                   value=17, disaggregated={}, status="approved"))
        db.session.commit()
    assert "Six employers signed" in text(client.get(f"/action-plans/{made.slug}/timeline"))
    assert "17" in text(client.get(f"/action-plans/{made.slug}/")).split("Indicators")[-1]


def test_readers_who_may_not_edit_never_get_the_editors_outline(app, client, auth, network,
                                                                 make_adopted_plan):
    made = make_adopted_plan()
    auth.login(network.people["coordinator"])
    coordinator_page = text(client.get(f"/action-plans/{made.slug}/"))
    assert "Add a goal" in coordinator_page and "Open comments" in coordinator_page
    client.post("/logout")
    auth.login(network.people["viewer"])
    viewer_page = text(client.get(f"/action-plans/{made.slug}/"))
    assert "Add a goal" not in viewer_page and "Edit G1" not in viewer_page
    assert "Open comments" in viewer_page          # a member of the network
    client.post("/logout")
    visitor_page = text(client.get(f"/action-plans/{made.slug}/"))
    assert "Recruit ten employers" in visitor_page
    assert "Add a goal" not in visitor_page and "Open comments" not in visitor_page


def test_each_editor_gets_their_own_token_in_the_kept_outline(app_factory, network, make_plan):
    app = app_factory(WTF_CSRF_ENABLED=True)
    made = make_plan()
    with app.app_context():
        for position, code in enumerate(("G1", "G2")):
            db.session.add(Goal(plan_id=made.id, code=code, title=f"Goal {code}",
                                position=position))
        db.session.commit()
        second = db.session.scalar(select(Goal.id).where(Goal.code == "G2"))
    tokens = []
    for role in ("coordinator", "editor"):
        client = app.test_client()
        login_page = client.get("/login").get_data(as_text=True)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', login_page)[1]
        client.post("/login", data={"email": network.people[role].email, "password": PASSWORD,
                                    "csrf_token": token})
        page = client.get(f"/action-plans/{made.slug}/").get_data(as_text=True)
        found = re.findall(r'/goals/%d/move/up"><input id="csrf_token" name="csrf_token" '
                           r'type="hidden" value="([^"]+)"' % second, page)
        assert found, page
        tokens.append(found[0])
        response = client.post(f"/action-plans/{made.slug}/goals/{second}/move/up",
                               data={"csrf_token": found[0]})
        assert response.status_code == 302
    assert tokens[0] != tokens[1]


def test_the_outline_follows_the_readers_language(client, auth, network, make_adopted_plan):
    made = make_adopted_plan()
    auth.login(network.people["viewer"])
    english = text(client.get(f"/action-plans/{made.slug}/"))
    client.get(f"/language/de?next=/action-plans/{made.slug}/")
    german = text(client.get(f"/action-plans/{made.slug}/"))
    assert "Goals and actions" in english and "Goals and actions" not in german
    assert "Ziele und Maßnahmen" in german


def test_every_record_of_a_plan_moves_its_generation(app, network, make_adopted_plan):
    """Each table of the plugin is either of a plan (a change to a row, adding or deleting
    one, makes the plan's generation grow) or named as shown on no plan page."""
    mapped = {mapper.class_ for mapper in db.Model.registry.mappers
              if mapper.class_.__module__.startswith("action_plans.")}
    assert mapped == {Plan, *generation.OWNERS, *generation.NOT_OF_A_PLAN}
    made = make_adopted_plan()
    with app.test_request_context():
        plan = db.session.get(Plan, made.id)
        action = db.session.scalar(select(Action).where(Action.plan_id == plan.id))
        indicator = db.session.scalar(select(Indicator).where(Indicator.plan_id == plan.id))
        coordinator = db.session.get(User, network.people["coordinator"].id)
        comment = Comment(plan_id=plan.id, record_type="action", record_id=action.id,
                          body="Who calls the chamber?", author_id=coordinator.id)
        db.session.add(comment)
        db.session.flush()
        db.session.add_all([
            CommentMention(comment_id=comment.id, user_id=coordinator.id),
            Measurement(indicator_id=indicator.id, measured_on=date(2026, 5, 1), value=3,
                        disaggregated={}, status="submitted"),
            ProgressUpdate(action_id=action.id, status_before="planned",
                           status_after="in_progress", progress_before=0, progress_after=10,
                           done_text="Started."),
            Signatory(plan_id=plan.id, organisation_id=network.organisations["editor"].id,
                      user_id=coordinator.id)])
        db.session.commit()

    def generation_now():
        return db.session.scalar(select(Plan.generation).where(Plan.id == made.id))

    def first_of(model):
        statement = select(model)
        if model in (ActionPartner, Milestone, ProgressUpdate):
            statement = statement.join(Action, Action.id == model.action_id)
        elif model is Measurement:
            statement = statement.join(Indicator, Indicator.id == model.indicator_id)
        elif model is SignOff:
            statement = statement.join(PlanVersion, PlanVersion.id == model.version_id)
        elif model is CommentMention:
            statement = statement.join(Comment, Comment.id == model.comment_id)
        return db.session.scalars(statement).first()

    for model in [Plan, *generation.OWNERS]:
        with app.test_request_context():
            row = first_of(model)
            assert row is not None, model
            before = generation_now()
            changed = {str: lambda v: (v or "") + "!", int: lambda v: (v or 0) + 1,
                       bool: lambda v: not v, date: lambda v: date(2026, 7, 1),
                       datetime: lambda v: datetime(2026, 7, 1)}
            column = next((c for c in model.__table__.columns
                           if not c.primary_key and not c.foreign_keys
                           and c.type.python_type in changed and c.name != "generation"), None)
            if column is None:       # a signatory: only who signs may change
                row.user_id = network.people["viewer"].id
            else:
                setattr(row, column.key, changed[column.type.python_type](
                    getattr(row, column.key)))
            db.session.commit()
            assert generation_now() == before + 1, (model, column.key)
    for model in reversed(generation.OWNERS):       # the parts before what they belong to
        with app.test_request_context():
            row = first_of(model)
            before = generation_now()
            db.session.delete(row)
            db.session.commit()
            assert generation_now() > before, model


def test_a_dependency_and_an_organisation_rename_move_the_generation(app, network,
                                                                      make_adopted_plan):
    made = make_adopted_plan()
    with app.app_context():
        plan = db.session.get(Plan, made.id)
        first = db.session.scalar(select(Action).where(Action.plan_id == plan.id))
        second = Action(plan_id=plan.id, goal_id=first.goal_id, code="A2", title="Second")
        db.session.add(second)
        db.session.commit()
        before = db.session.get(Plan, made.id).generation
        second.depends_on.append(first)
        db.session.commit()
        assert db.session.get(Plan, made.id).generation == before + 1
        lead = db.session.get(Organisation, network.organisations["coordinator"].id)
        lead.name = "Coordinating Office"
        db.session.commit()
        assert db.session.get(Plan, made.id).generation == before + 2


def test_a_lead_organisations_new_name_shows_on_the_kept_outline(client, auth, network,
                                                                  make_adopted_plan, app):
    made = make_adopted_plan()
    auth.login(network.people["viewer"])
    assert "Coordinator Organisation" in text(client.get(f"/action-plans/{made.slug}/"))
    with app.app_context():
        db.session.get(Organisation, network.organisations["coordinator"].id).name = \
            "Coordinating Office"
        db.session.commit()
    page = text(client.get(f"/action-plans/{made.slug}/")).split("Goals and actions")[-1]
    assert "Coordinating Office" in page


def test_a_change_after_a_rolled_back_savepoint_still_moves_the_generation(app, make_plan):
    made = make_plan()
    with app.app_context():
        section = db.session.get(Section, made.sections["context"])
        before = db.session.get(Plan, made.id).generation
        savepoint = db.session.begin_nested()
        section.title = "Tried"
        db.session.flush()
        savepoint.rollback()
        section.title = "Kept"
        db.session.commit()
        assert db.session.get(Plan, made.id).generation == before + 1


def test_a_part_rendered_amid_an_uncommitted_change_is_not_kept(app, make_plan):
    from action_plans.views import fragments
    made = make_plan()
    with app.test_request_context():
        plan = db.session.get(Plan, made.id)
        db.session.get(Section, made.sections["context"]).title = "Not yet committed"

        def render():
            return db.session.scalar(select(Section.title)
                                     .where(Section.id == made.sections["context"]))

        assert fragments.kept(plan, "test", (), render) == "Not yet committed"
        db.session.rollback()
        plan = db.session.get(Plan, made.id)
        assert fragments.kept(plan, "test", (), render) != "Not yet committed"


def test_an_app_without_the_plugin_renames_an_organisation(app, app_factory, tmp_path):
    """The generations are kept by listeners of the process; an app of the same process that
    runs without the action plans (and without their tables) still saves its organisations."""
    assert "action_plans" in app.extensions["lms_plugins"]    # the listeners are on
    other = app_factory(LMS_PLUGINS=["courses"],
                        SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/no-plans.sqlite3")
    with other.app_context():
        db.metadata.create_all(db.engine, tables=tables_for(other, db.metadata))
        organisation = Organisation(name="Alone", slug="alone", kind="ngo", country="DE",
                                    region="", website="", description="")
        db.session.add(organisation)
        db.session.commit()
        organisation.name = "Still alone"
        db.session.commit()
        assert db.session.scalar(select(Organisation.name)) == "Still alone"
