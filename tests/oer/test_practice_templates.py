"""Published good-practice blueprints as plan templates: only what is published, each step
with a short title and its Markdown, the kinds of organisation as actors."""
import pytest

from lms.extensions import db
from lms.plan_templates import find
from oer.models import Practice
from oer.services.practice_templates import step_title


@pytest.mark.parametrize("html, title", [
    ("<p>Map what exists: list every service.</p>", "Map what exists"),
    ("<p>Sign a short agreement. Then meet.</p>", "Sign a short agreement"),
    ("<p>" + "word " * 60 + "</p>", ("word " * 40)[:199].rsplit(" ", 1)[0] + "…"),
    ("<p>Short step</p>", "Short step"),
])
def test_a_step_is_titled_by_its_lead_in_or_first_words(html, title):
    assert step_title(html) == title
    assert len(step_title(html)) <= 200


def test_only_published_blueprints_are_templates(app):
    with app.test_request_context():
        published = Practice(title="Published", status="published", language="de",
                             steps=["<p>Plan: <em>well</em>.</p>"], steps_source="Plan: *well*.",
                             actor_types=["ngo", "unknown_kind"], summary=" Sum. ")
        draft = Practice(title="Draft", status="draft", steps=["<p>x</p>"], steps_source="x")
        db.session.add_all([published, draft])
        db.session.commit()
        template = find(f"oer.blueprint:{published.id}")
        assert (template.title, template.summary, template.language) == ("Published", "Sum.",
                                                                          "de")
        assert [(s.title, s.text) for s in template.steps] == [("Plan", "Plan: *well*.")]
        # in the blueprint's language; a kind the platform does not know is left out
        assert [(a.kind, a.label) for a in template.actors] == [
            ("ngo", "Nichtregierungsorganisation (NGO)")]
        assert find(f"oer.blueprint:{draft.id}") is None
        assert find("oer.blueprint:99999999999999999999") is None
