"""A trainer writes a quiz; a learner fails it, tries again, passes and completes the course."""
import re

import pytest
from playwright.sync_api import expect

from lms.extensions import db
from tests.helpers.browser import Visitor

pytestmark = pytest.mark.browser


@pytest.fixture
def course_with_quiz(app, make_user):
    """A published course whose only lesson is a quiz, trained by a new trainer."""
    from courses.services import authoring, publishing
    from lms.models import User
    trainer = make_user(role="trainer", display_name="Teresa Trainer")
    with app.test_request_context():
        owner = db.session.get(User, trainer.id)
        course = authoring.create_course(owner, title="Referrals", enrolment="open")
        module = authoring.add_module(course, "Hand-overs")
        lesson = authoring.add_lesson(module, "Check your understanding", "quiz",
                                      "Two questions on referrals.")
        publishing.publish(course, owner)
        db.session.commit()
        return trainer, course.slug, lesson.id


def test_a_learner_fails_then_passes_a_quiz(app, visitor, new_page, live_server, make_user,
                                            course_with_quiz):
    trainer, slug, lesson_id = course_with_quiz
    page = visitor.page
    visitor.log_in(trainer.email)
    visitor.open(f"/courses/{slug}/outline")
    visitor.follow("Questions and settings – Check your understanding")
    visitor.follow("Single choice")
    visitor.fill("Question", "Who should make the first call to the new service?")
    page.locator("#options-0-text").fill("The person's current counsellor")
    page.locator("#options-0-correct").check()
    page.locator("#options-0-feedback").fill("Yes: a warm hand-over.")
    page.locator("#options-1-text").fill("Nobody: the person finds their way")
    page.locator("#options-1-feedback").fill("Many referrals end here.")
    visitor.press("Save the question")
    expect(page.get_by_role("status")).to_contain_text("The question has been added.")
    visitor.follow("Short answer")
    visitor.fill("Question", "One word: what must you ask for before you share personal data?")
    visitor.fill("Accepted answers", "Consent")
    visitor.press("Save the question")
    visitor.fill("Pass mark (%)", "100")
    visitor.press("Save the settings")
    # the trainer tries the draft: scored with every feedback, kept nowhere
    visitor.follow("Preview the draft")
    expect(visitor.main).to_contain_text("Preview of the draft")
    page.get_by_label("The person's current counsellor").check()
    visitor.fill("Your answer", "consent")
    visitor.press("Submit my answers")
    expect(visitor.main).to_contain_text("Passed with 100 %.")
    expect(visitor.main).to_contain_text("this try is not kept")
    # learners see the questions once the course is published again
    visitor.open(f"/courses/{slug}/outline")
    visitor.press("Publish a new version")

    learner_page = new_page()
    learner = Visitor(learner_page, live_server)
    learner.log_in(make_user(display_name="Nadia Learner").email)
    learner.open(f"/courses/{slug}")
    learner.press("Enrol in this course")
    learner.follow("Start the course")
    learner.follow("Open the quiz")
    assert "Yes: a warm hand-over." not in learner_page.content()
    learner_page.get_by_label("Nobody: the person finds their way").check()
    learner.fill("Your answer", "permission")
    learner.press("Submit my answers")
    expect(learner_page.get_by_role("status")).to_contain_text(
        "You scored 0 %; 100 % is needed to pass.")
    expect(learner.main).to_contain_text("Many referrals end here.")
    expect(learner.main).not_to_contain_text("✓ right answer")
    learner.follow("Try again")
    learner_page.get_by_label("The person's current counsellor").check()
    learner.fill("Your answer", " CONSENT. ")
    learner.press("Submit my answers")
    expect(learner_page.get_by_role("status")).to_contain_text("completed the course")
    learner.open(f"/courses/{slug}/quizzes/{lesson_id}/")
    expect(learner.main.get_by_role("table")).to_contain_text("100 %")

    visitor.open(f"/courses/{slug}/quizzes/{lesson_id}/statistics")
    expect(visitor.main).to_contain_text("2 attempts so far.")
    expect(visitor.main).to_contain_text(re.compile(r"Facility\s*50 %"))
