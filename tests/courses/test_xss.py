"""Every Markdown and text field neutralises known XSS payloads, stored and served."""
import re

from sqlalchemy import select

from courses.models import Course, Lesson
from lms.extensions import db
from tests.helpers import PNG
from tests.helpers.safety import problems
from tests.helpers.xss_payloads import PAYLOADS


def test_there_are_at_least_fifty_payloads():
    assert len(PAYLOADS) >= 50


def test_the_checker_sees_script(app):
    assert problems("<p><script>alert(1)</script></p>")
    assert problems('<a href="javascript:alert(1)">x</a>')
    assert problems('<img src="x" onerror="alert(1)">')
    assert not problems('<p><a href="https://example.org" rel="noopener">x</a></p>')


def test_payloads_in_every_field_are_neutralised(app, client, auth, make_user, client_for):
    import io
    trainer = make_user(role="trainer")
    learner = make_user()
    auth.login(trainer)
    learner_client = client_for(learner)
    for number, payload in enumerate(PAYLOADS):
        text = payload[:190]
        slug = f"course-{number}"
        response = client.post("/courses/new", data={
            "title": text, "slug": slug, "summary": payload, "language": "en",
            "topic": "collaboration", "outcomes": payload + "\n" + payload,
            "audience": payload, "licence": "CC-BY-SA-4.0", "enrolment": "open",
            "cover": (io.BytesIO(PNG), "cover.png"), "cover_alt": text},
            content_type="multipart/form-data")
        assert response.status_code == 302, payload
        client.post(f"/courses/{slug}/modules", data={"title": text})
        outline = client.get(f"/courses/{slug}/outline").get_data(as_text=True)
        module_id = re.search(r'id="module-(\d+)"', outline).group(1)
        client.post(f"/courses/{slug}/modules/{module_id}/lessons/new",
                    data={"title": text, "kind": "page", "body": payload})
        client.post(f"/courses/{slug}/cohorts", data={"name": text[:120]})
        preview = client.post("/courses/preview", data={"body": payload}).json["html"]
        assert not problems(preview), (payload, preview)
        assert client.post(f"/courses/{slug}/publish").status_code == 302
        with app.app_context():
            course = db.session.scalar(select(Course).where(Course.slug == slug))
            lesson = db.session.scalar(select(Lesson).join(Lesson.module)
                                       .where(Lesson.module.has(course_id=course.id)))
            assert lesson.body_source == payload
            assert not problems(lesson.body_html), (payload, lesson.body_html)
            lesson_id = lesson.id
        assert learner_client.post(f"/courses/{slug}/enrol").status_code == 302
        pages = [client.get(f"/courses/{slug}/outline"), client.get(f"/courses/{slug}/edit"),
                 client.get(f"/courses/{slug}/lessons/{lesson_id}/edit"),
                 client.get(f"/courses/{slug}/report"),
                 learner_client.get(f"/courses/{slug}"),
                 learner_client.get(f"/courses/{slug}/lessons/{lesson_id}"),
                 learner_client.get("/courses/my"), client.get("/courses/media/")]
        for page in pages:
            assert page.status_code == 200, (payload, page.request.path)
            found = problems(page.get_data(as_text=True), page=True)
            assert not found, (payload, page.request.path, found)
    catalogue = learner_client.get("/courses/?q=").get_data(as_text=True)
    assert not problems(catalogue, page=True)
