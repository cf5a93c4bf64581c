"""Trainers create courses, order modules and lessons without JavaScript, preview and co-train."""
import re

import pytest
from sqlalchemy import select

from courses.models import Course, Lesson, Module
from lms.extensions import db

COURSE = {"title": "Working with interpreters", "language": "de", "topic": "counselling",
          "outcomes": "Book an interpreter\nBrief an interpreter", "audience": "Case workers",
          "estimated_hours": "3", "licence": "CC-BY-4.0", "enrolment": "open", "summary": "S"}


def lesson_titles(app, course_id):
    with app.app_context():
        course = db.session.get(Course, course_id)
        return [[lesson.title for lesson in module.lessons] for module in course.modules]


def test_a_trainer_creates_a_course_with_every_field(client, auth, make_user, app):
    trainer = make_user(role="trainer")
    auth.login(trainer)
    response = client.post("/courses/new", data=COURSE)
    assert response.headers["Location"] == "/courses/working-with-interpreters/outline"
    with app.app_context():
        course = db.session.scalar(select(Course))
        assert (course.language, course.topic, course.licence, course.estimated_hours) == \
            ("de", "counselling", "CC-BY-4.0", 3)
        assert course.outcome_list == ["Book an interpreter", "Brief an interpreter"]
        assert course.status == "draft"
    page = client.get("/courses/working-with-interpreters").get_data(as_text=True)
    assert "Brief an interpreter" in page and "Edit this course" in page


def test_the_licence_chooser_defaults_to_cc_by_sa(client, auth, make_user):
    auth.login(make_user(role="trainer"))
    page = client.get("/courses/new").get_data(as_text=True)
    assert re.search(r'<option selected value="CC-BY-SA-4.0">|<option value="CC-BY-SA-4.0" '
                     r'selected>', page)


@pytest.mark.parametrize("data, message", [
    ({"title": ""}, "Please enter the course"),
    ({"enrolment": "key", "enrolment_key": ""}, "Please choose a key for learners to enter."),
    ({"estimated_hours": "9999"}, "Please enter a number from 1 to 500."),
    ({"slug": "Not A Slug"}, "Use lower-case letters, digits and hyphens"),
    ({"language": "xx"}, "Not a valid choice"),
])
def test_bad_course_input_is_shown_next_to_the_field(client, auth, make_user, data, message):
    auth.login(make_user(role="trainer"))
    response = client.post("/courses/new", data={**COURSE, **data})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert message in page and 'aria-invalid="true"' in page
    assert "Case workers" in page   # what the trainer typed is kept


def test_modules_and_lessons_move_with_buttons(app, client, auth, make_course):
    course = make_course(modules=2, lessons=2, publish=False)
    auth.login(course.trainer)
    first, second, third, fourth = course.lesson_ids
    client.post(f"/courses/{course.slug}/lessons/{second}/move/up")
    assert lesson_titles(app, course.id) == [["Lesson 1.2", "Lesson 1.1"],
                                             ["Lesson 2.1", "Lesson 2.2"]]
    client.post(f"/courses/{course.slug}/lessons/{first}/move/down")
    assert lesson_titles(app, course.id) == [["Lesson 1.2"],
                                             ["Lesson 1.1", "Lesson 2.1", "Lesson 2.2"]]
    client.post(f"/courses/{course.slug}/lessons/{first}/move/up")
    assert lesson_titles(app, course.id)[0] == ["Lesson 1.2", "Lesson 1.1"]
    with app.app_context():
        modules = db.session.scalars(select(Module.id).order_by(Module.position)).all()
    client.post(f"/courses/{course.slug}/modules/{modules[1]}/move/up")
    assert lesson_titles(app, course.id) == [["Lesson 2.1", "Lesson 2.2"],
                                             ["Lesson 1.2", "Lesson 1.1"]]
    assert client.post(f"/courses/{course.slug}/modules/{modules[1]}/move/sideways") \
        .status_code == 400


def test_the_outline_offers_move_buttons_that_name_their_item(client, auth, make_course):
    course = make_course(modules=1, lessons=2, publish=False)
    auth.login(course.trainer)
    page = client.get(f"/courses/{course.slug}/outline").get_data(as_text=True)
    assert 'Move down<span class="visually-hidden">: Lesson 1.1</span>' in page
    assert 'Move up<span class="visually-hidden">: Lesson 1.2</span>' in page
    assert 'Move up<span class="visually-hidden">: Lesson 1.1</span>' not in page


def test_a_lesson_body_is_converted_once_at_save(app, client, auth, make_course):
    course = make_course(modules=1, lessons=1, publish=False)
    auth.login(course.trainer)
    lesson_id = course.lesson_ids[0]
    body = ("## Before the meeting\n\n- list\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n\n"
            "`code` [partner](https://partner.example) [inside](/courses/)\n\n"
            "![map](/courses/media/" + "a" * 64 + ") ![far](https://far.example/x.png)")
    client.post(f"/courses/{course.slug}/lessons/{lesson_id}/edit",
                data={"title": "Prepared", "body": body})
    with app.app_context():
        lesson = db.session.get(Lesson, lesson_id)
        html = lesson.body_html
        assert lesson.body_source == body
    assert '<h2 id="before-the-meeting">' in html
    assert "<table>" in html and "<blockquote>" in html and "<code>code</code>" in html
    assert '<a href="https://partner.example" rel="noopener noreferrer">' in html
    assert '<a href="/courses/">inside</a>' in html
    assert 'src="/courses/media/' + "a" * 64 in html
    assert "far.example" not in html


def test_the_preview_button_works_without_javascript(client, auth, make_course):
    course = make_course(modules=1, lessons=1, publish=False)
    auth.login(course.trainer)
    response = client.post(f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}/edit",
                           data={"title": "T", "body": "**strong words**", "preview": "1"})
    page = response.get_data(as_text=True)
    assert "<strong>strong words</strong>" in page
    assert "**strong words**" in page   # the text stays in the editor, not yet saved


def test_the_live_preview_answers_json_and_needs_the_csrf_token(app_factory, make_user):
    app = app_factory(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    trainer = make_user(role="trainer")
    client.post("/login", data={"email": trainer.email, "password": "correct horse battery "
                                "staple", "csrf_token": token})
    assert client.post("/courses/preview", data={"body": "# x"}).status_code == 400
    response = client.post("/courses/preview", data={"body": "# x"},
                           headers={"X-CSRFToken": token})
    assert response.json == {"html": '<h1 id="x">x</h1>'}


def test_the_editor_serves_its_preview_script(client, auth, make_course):
    course = make_course(modules=1, lessons=1, publish=False)
    auth.login(course.trainer)
    page = client.get(f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}/edit")
    assert '<script src="/courses/static/preview.js" defer>' in page.get_data(as_text=True)
    script = client.get("/courses/static/preview.js")
    assert script.status_code == 200 and b"X-CSRFToken" in script.data


def test_co_trainers_are_added_and_removed(app, client, auth, make_user, make_course,
                                           client_for):
    course = make_course()
    colleague = make_user(role="trainer", email="colleague@example.org")
    learner = make_user(email="learner@example.org")
    auth.login(course.trainer)
    assert client_for(colleague).get(f"/courses/{course.slug}/outline").status_code == 404
    page = client.post(f"/courses/{course.slug}/trainers",
                       data={"email": "learner@example.org"}).get_data(as_text=True)
    assert "No trainer has an account with this address." in page
    client.post(f"/courses/{course.slug}/trainers", data={"email": "Colleague@example.org"})
    assert client_for(colleague).get(f"/courses/{course.slug}/outline").status_code == 200
    client.post(f"/courses/{course.slug}/trainers/{course.trainer.id}/remove")
    assert client.get(f"/courses/{course.slug}/outline").status_code == 404
    colleague_client = client_for(colleague)
    colleague_client.post(f"/courses/{course.slug}/trainers/{colleague.id}/remove")
    assert colleague_client.get(f"/courses/{course.slug}/outline").status_code == 200
    assert client_for(learner).get(f"/courses/{course.slug}/edit").status_code == 403
