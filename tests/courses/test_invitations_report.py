"""Trainers invite learners by email, group them in cohorts and read the report (page and CSV)."""
import csv
import io

from sqlalchemy import select

from courses.models import Enrolment
from lms.extensions import db
from lms.models import User


def test_invited_people_enrol_and_new_ones_get_an_account(app, client, client_for, make_user,
                                                          make_course, outbox):
    course = make_course(enrolment="invitation")
    existing = make_user(email="known@example.org")
    trainer = client_for(course.trainer)
    trainer.post(f"/courses/{course.slug}/cohorts", data={"name": "Stadt Musterstadt staff"})
    bad = trainer.post(f"/courses/{course.slug}/invite",
                       data={"emails": "new@example.org, not-an-address", "cohort": "0"})
    assert "These are not email addresses: not-an-address" in bad.get_data(as_text=True)
    assert outbox.messages() == []
    page = trainer.get(f"/courses/{course.slug}/invite").get_data(as_text=True)
    cohort_value = page.split("Stadt Musterstadt staff")[0].rsplit('value="', 1)[1].split('"')[0]
    sent = trainer.post(f"/courses/{course.slug}/invite", data={
        "emails": "New@example.org\nknown@example.org; new@example.org", "cohort": cohort_value})
    assert sent.status_code == 302
    assert len(outbox.messages()) == 2
    assert course.title in outbox.last("new@example.org")["Subject"]

    link = outbox.link("new@example.org")
    form = client.get(link).get_data(as_text=True)
    assert "Create your account for new@example.org" in form
    created = client.post(link, data={"display_name": "Nadia New", "password": "a long and "
                                      "unusual passphrase 42", "confirm": "a long and unusual "
                                      "passphrase 42", "locale": "de"})
    assert created.headers["Location"] == f"/courses/{course.slug}"
    assert client.get(f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}").status_code == 200
    assert client.get(link).status_code == 400   # used once

    known_link = outbox.link("known@example.org")
    assert client_for(make_user()).get(known_link).status_code == 403   # someone else
    anonymous = app.test_client()
    assert "already an account" in anonymous.get(known_link).get_data(as_text=True)
    known = client_for(existing)
    assert known.post(known_link).status_code == 302
    with app.app_context():
        enrolled = db.session.execute(select(User.email, Enrolment.cohort_id).join(
            Enrolment, Enrolment.user_id == User.id).order_by(User.email)).all()
    assert [(email, cohort is not None) for email, cohort in enrolled] == [
        ("known@example.org", True), ("new@example.org", True)]


def test_the_report_shows_progress_by_module_and_exports_csv(client_for, make_user,
                                                             make_course):
    course = make_course(modules=2, lessons=2, quiz=True)
    learner = make_user(display_name="=HYPERLINK(\"x\")")
    browser = client_for(learner)
    browser.post(f"/courses/{course.slug}/enrol")
    browser.post(f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}/done")
    trainer = client_for(course.trainer)
    page = trainer.get(f"/courses/{course.slug}/report").get_data(as_text=True)
    assert "1 of 2" in page and "0 of 1" in page
    export = trainer.get(f"/courses/{course.slug}/report.csv")
    assert export.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(export.data.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Learner", "Email address", "Cohort", "Lessons done",
                           "Quizzes passed"]
    assert rows[0][-2:] == ["Module 1", "Module 2"]
    assert rows[1][0] == "'=HYPERLINK(\"x\")"
    assert rows[1][3:5] == ["1/4", "0/1"] and rows[1][-2:] == ["1/2", "0/2"]


def test_learners_cannot_read_the_report(client_for, make_user, make_course):
    course = make_course()
    assert client_for(make_user()).get(f"/courses/{course.slug}/report").status_code == 403
    other_trainer = client_for(make_user(role="trainer"))
    assert other_trainer.get(f"/courses/{course.slug}/report.csv").status_code == 404


def test_a_trainer_moves_a_learner_into_a_cohort(app, client_for, make_user, make_course):
    course = make_course()
    learner = make_user(display_name="Luca Learner")
    client_for(learner).post(f"/courses/{course.slug}/enrol")
    trainer = client_for(course.trainer)
    trainer.post(f"/courses/{course.slug}/cohorts", data={"name": "Porta Aperta staff"})
    with app.app_context():
        from courses.models import Cohort
        cohort_id = db.session.scalar(select(Cohort.id))
        enrolment_id = db.session.scalar(select(Enrolment.id))
    moved = trainer.post(f"/courses/{course.slug}/learners/{enrolment_id}/cohort",
                         data={"cohort": str(cohort_id)})
    assert moved.status_code == 302
    page = trainer.get(f"/courses/{course.slug}/report?cohort={cohort_id}").get_data(as_text=True)
    assert "Luca Learner" in page
    assert trainer.post(f"/courses/{course.slug}/learners/{enrolment_id}/cohort",
                        data={"cohort": "999"}).status_code == 400
    other = make_course()
    assert client_for(other.trainer).post(
        f"/courses/{other.slug}/learners/{enrolment_id}/cohort",
        data={"cohort": "0"}).status_code == 404
