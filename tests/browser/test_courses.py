"""A trainer builds and publishes a course; a learner enrols, learns, verifies the certificate."""
import json
import re

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import Visitor
from tests.helpers import PNG

pytestmark = pytest.mark.browser


def test_trainer_publishes_and_learner_completes(visitor, new_page, live_server, make_user,
                                                 outbox, tmp_path):
    trainer = make_user(role="trainer", display_name="Teresa Trainer")
    page = visitor.page
    visitor.log_in(trainer.email)

    visitor.open("/courses/")
    visitor.follow("Create a course")
    visitor.fill("Title", "Referrals that do not lose people")
    visitor.fill("Summary", "How to hand a person over to another service without losing them.")
    visitor.fill("Learning outcomes", "Make an accompanied referral\nClose the loop")
    page.get_by_label("Enrolment", exact=True).select_option("key")
    visitor.fill("Enrolment key", "bridge")
    visitor.press("Save")
    expect(page.get_by_role("status")).to_contain_text("created as a draft")

    image = tmp_path / "map.png"
    image.write_bytes(PNG)
    visitor.follow("Media store")
    page.get_by_label("File", exact=True).set_input_files(str(image))
    visitor.fill("Alternative text", "Map of the referral route")
    visitor.press("Upload")
    snippet = page.locator(".media-grid code").first.inner_text()
    assert snippet.startswith("![Map of the referral route](/courses/media/")

    visitor.open("/courses/referrals-that-do-not-lose-people/outline")
    visitor.fill("Module title", "Hand-overs")
    visitor.press("Add the module")
    visitor.follow("Add a lesson to Hand-overs")
    visitor.fill("Lesson title", "The five parts of a good referral")
    body = page.get_by_label("Text (Markdown)", exact=True)
    body.fill(f"## Consent first\n\nAsk before you share.\n\n{snippet}")
    preview = page.locator("#lesson-preview")
    expect(preview.get_by_role("heading", name="Consent first")).to_be_visible()
    expect(preview.get_by_role("img", name="Map of the referral route")).to_be_visible()
    visitor.press("Save the lesson")
    visitor.press("Publish")
    expect(page.get_by_role("status")).to_contain_text("Version 1 is published")
    visitor.follow("Trainers")
    visitor.follow("Learners and report")
    expect(visitor.main).to_contain_text("No learner yet.")

    learner_page = new_page(viewport={"width": 360, "height": 740})   # a phone
    learner = Visitor(learner_page, live_server)
    learner.open("/signup")
    learner.fill("Email address", "nadia@example.org")
    learner.fill("Your name", "Nadia Learner")
    learner.fill("Password", "lantern orchard pebble tuesday")
    learner.fill("Repeat the password", "lantern orchard pebble tuesday")
    learner.press("Sign up")
    learner.open(outbox.link(to="nadia@example.org"))
    learner.log_in("nadia@example.org", "lantern orchard pebble tuesday")

    learner.open("/courses/?q=referrals")
    learner.follow("Referrals that do not lose people")
    learner.fill("Enrolment key", "wrong")
    learner.press("Enrol in this course")
    expect(learner_page.get_by_text("This enrolment key is not right")).to_be_visible()
    learner.fill("Enrolment key", "bridge")
    learner.press("Enrol in this course")
    learner.follow("Start the course")
    expect(learner_page.get_by_role("heading", name="Consent first")).to_be_visible()
    expect(learner_page.get_by_role("img", name="Map of the referral route")).to_be_visible()
    assert learner_page.evaluate("document.documentElement.scrollWidth") <= 360
    learner.press("Mark as done")
    expect(learner_page.get_by_role("status")).to_contain_text("completed the course")
    expect(learner.main).to_contain_text("Nadia Learner")
    code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", learner.main.inner_text()).group(0)

    learner.follow("Public verification page")
    expect(learner_page.get_by_role("status").or_(learner.main)).to_contain_text(
        f"The certificate {code} is valid.")
    expect(learner.main).to_contain_text("Nadia Learner")
    assertion = learner_page.request.get(f"{live_server}/courses/badges/assertions/{code}")
    document = json.loads(assertion.body())
    assert document["type"] == "Assertion" and document["badge"].endswith(
        "/courses/badges/referrals-that-do-not-lose-people/badge")
    learner.open("/courses/my")
    expect(learner.main).to_contain_text("1 of 1 lessons done (100 %)")
    visitor.open("/courses/referrals-that-do-not-lose-people/report")
    expect(visitor.main).to_contain_text("Nadia Learner")
