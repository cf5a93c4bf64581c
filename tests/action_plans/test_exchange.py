"""CSV export and import of a plan's actions and indicators: a round trip, and all or none."""
import io
from datetime import date

from sqlalchemy import func, select

from action_plans.models import Action, Goal, Indicator, Measurement, Revision
from lms.extensions import db
from tests.helpers import text


def seed(app, plan, network):
    with app.app_context():
        goal = Goal(plan_id=plan.id, code="G1", title="Work")
        db.session.add(goal)
        db.session.flush()
        db.session.add(Action(plan_id=plan.id, goal_id=goal.id, code="A1", title="=Mentoring",
                              lead_organisation_id=network.organisations["editor"].id,
                              planned_start=date(2026, 3, 1), planned_end=date(2026, 9, 30),
                              status="in_progress", progress=40))
        indicator = Indicator(plan_id=plan.id, goal_id=goal.id, code="I1", name="Jobs found",
                              baseline_value=10, target_value=50)
        db.session.add(indicator)
        db.session.flush()
        db.session.add_all([
            Measurement(indicator_id=indicator.id, value=12, measured_on=date(2026, 6, 30),
                        status="approved"),
            Measurement(indicator_id=indicator.id, value=99, measured_on=date(2026, 9, 30),
                        status="submitted")])
        db.session.commit()


def upload(client, plan, table, content):
    return client.post(f"/action-plans/{plan.slug}/import", data={
        "table": table, "file": (io.BytesIO(content.encode()), "plan.csv")},
        content_type="multipart/form-data", follow_redirects=True)


def test_the_exports_read_safely_and_count_only_approved_measurements(app, client, auth,
                                                                      network, plan):
    seed(app, plan, network)
    auth.login(network.people["viewer"])
    actions = client.get(f"/action-plans/{plan.slug}/actions.csv").get_data(as_text=True)
    assert actions.startswith("\ufeffcode,goal,title,")
    assert "A1,G1,'=Mentoring" in actions            # a formula stays text in a spreadsheet
    assert "Editor Organisation,,2026-03-01,2026-09-30,,,in_progress,40" in actions
    indicators = client.get(f"/action-plans/{plan.slug}/indicators.csv").get_data(as_text=True)
    assert "2026-06-30,12" in indicators and "99" not in indicators


def test_an_export_imports_back_and_a_changed_row_is_a_new_version(app, client, auth, network,
                                                                   plan):
    seed(app, plan, network)
    auth.login(network.people["editor"])
    exported = client.get(f"/action-plans/{plan.slug}/actions.csv").get_data(as_text=True)
    changed = exported.lstrip("\ufeff").replace(",40,", ",75,") + \
        "A2,G1,Job fair,,Editor Organisation,,2026-10-01,2026-10-02,,,planned,0,1,high,1500," \
        ",,,\n"
    response = upload(client, plan, "actions", changed)
    assert "1 actions added, 1 updated." in text(response)
    with app.app_context():
        progress = dict(db.session.execute(select(Action.code, Action.progress)).all())
        assert progress == {"A1": 75, "A2": 0}
        assert db.session.scalar(select(func.count(Revision.id)).where(
            Revision.record_type == "action")) == 2    # A1's new version, A2's first


def test_a_file_with_broken_rows_stores_nothing_and_lists_every_problem(app, client, auth,
                                                                        network, plan):
    seed(app, plan, network)
    auth.login(network.people["editor"])
    content = ("code,goal,title,planned_start,planned_end,progress,lead_organisation\n"
               "A5,G1,Fine,2026-01-01,2026-02-01,10,\n"
               "A6,G9,Unknown goal,2026-01-01,2026-02-01,10,\n"
               "A7,G1,Bad dates,31.12.2026,2026-02-01,150,Nobody e.V.\n")
    response = upload(client, plan, "actions", content)
    assert response.status_code == 400
    page = text(response)
    assert "Nothing was imported." in page
    assert "Write the date as YYYY-MM-DD" in page and "between 0 and 100" in page
    fixed = content.replace("31.12.2026", "2026-01-01").replace(",150,", ",15,")
    page = text(upload(client, plan, "actions", fixed))
    assert "The plan has no goal with this code." in page
    assert "No organisation of the network has this name." in page
    with app.app_context():
        assert db.session.scalar(select(func.count(Action.id))) == 1


def test_the_wrong_columns_are_named(app, client, auth, network, plan):
    auth.login(network.people["editor"])
    response = upload(client, plan, "indicators", "name;unit\nJobs;number\n")
    assert response.status_code == 400 and "This column is missing." in text(response)


def test_imported_measurements_wait_for_approval(app, client, auth, network, plan):
    seed(app, plan, network)
    auth.login(network.people["editor"])
    content = ("code,attached_to,name,measured_on,value\n"
               "I1,G1,Jobs found,2026-06-30,12\n"
               "I1,G1,Jobs found,2027-03-31,30\n"
               "I2,G1,Courses completed,2030-01-01,4\n")
    response = upload(client, plan, "indicators", content)
    assert "This date lies outside the plan's period." in text(response)
    response = upload(client, plan, "indicators", content.replace("2030-01-01", "2027-01-01"))
    assert "1 indicators added, 1 updated, 2 measurements submitted for approval." in \
        text(response)
    with app.app_context():
        statuses = sorted(db.session.scalars(select(Measurement.status)).all())
        assert statuses == ["approved", "submitted", "submitted", "submitted"]


def test_viewers_cannot_import(client, auth, network, plan):
    auth.login(network.people["viewer"])
    assert client.get(f"/action-plans/{plan.slug}/import").status_code in (403, 404)
