"""The daily reminders: one digest per lead, overdue actions and measurements due, once a day."""
from datetime import date, datetime, timedelta

from action_plans.models import Action, Goal, Indicator, Measurement
from lms import jobs
from lms.extensions import db


def prepare(app, network, plan):
    lead = network.organisations["contributor"].id
    other = network.organisations["viewer"].id
    with app.app_context():
        goal = Goal(plan_id=plan.id, code="G1", title="Work")
        db.session.add(goal)
        db.session.flush()
        yesterday = date.today() - timedelta(days=1)
        db.session.add_all([
            Action(plan_id=plan.id, goal_id=goal.id, code="A1", title="Mentoring programme",
                   lead_organisation_id=lead, planned_end=yesterday, status="in_progress"),
            Action(plan_id=plan.id, goal_id=goal.id, code="A2", title="Finished already",
                   lead_organisation_id=lead, planned_end=yesterday, status="done"),
            Action(plan_id=plan.id, goal_id=goal.id, code="A3", title="Not yet due",
                   lead_organisation_id=lead, planned_end=date.today() + timedelta(days=30)),
            Action(plan_id=plan.id, goal_id=goal.id, code="A4", title="Someone else's",
                   lead_organisation_id=other, planned_end=date.today() + timedelta(days=5)),
        ])
        due = Indicator(plan_id=plan.id, code="I1", name="Employment rate",
                        responsible_organisation_id=lead, frequency="quarterly")
        fresh = Indicator(plan_id=plan.id, code="I2", name="Measured last week",
                          responsible_organisation_id=lead, frequency="quarterly")
        db.session.add_all([due, fresh])
        db.session.flush()
        db.session.add(Measurement(indicator_id=fresh.id, value=3, status="submitted",
                                   measured_on=date.today() - timedelta(days=7)))
        db.session.commit()


def test_each_lead_gets_one_digest_a_day(app, network, make_plan, outbox):
    plan = make_plan(phase="implementation")
    prepare(app, network, plan)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["action-plans", "remind"])
    assert "Reminders: 1 sent, 0 people already reminded today." in result.output
    contributor = network.people["contributor"].email
    assert [m["To"] for m in outbox.messages()] == [contributor]
    body = outbox.last(to=contributor).get_content()
    assert "A1 Mentoring programme" in body and "I1 Employment rate (not measured yet)" in body
    for absent in ("Finished already", "Not yet due", "Someone else's", "Measured last week"):
        assert absent not in body
    again = runner.invoke(args=["action-plans", "remind"])
    assert "Reminders: 0 sent, 1 people already reminded today." in again.output
    assert len(outbox.messages()) == 1


def test_plans_in_drafting_remind_nobody(app, network, plan, outbox):
    prepare(app, network, plan)
    result = app.test_cli_runner().invoke(args=["action-plans", "remind"])
    assert "Reminders: 0 sent" in result.output and outbox.messages() == []


def test_the_reminders_run_every_morning_as_a_job(app, network, make_plan, outbox):
    plan = make_plan(phase="implementation")
    prepare(app, network, plan)
    task = jobs.queue_of(app).tasks["action_plans.remind"]
    assert task.task_class().validate_datetime(datetime(2026, 12, 7, 6, 0))
    assert not task.task_class().validate_datetime(datetime(2026, 12, 7, 7, 0))
    with app.app_context():
        task.call_local()
    assert [m["To"] for m in outbox.messages()] == [network.people["contributor"].email]
