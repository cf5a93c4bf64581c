"""Learners see the published version while trainers edit the draft; progress survives."""
from sqlalchemy import select

from courses.models import Lesson
from lms.extensions import db


def test_learners_see_the_published_text_until_a_new_version(app, client_for, make_user,
                                                             make_course):
    course = make_course(modules=1, lessons=2)
    trainer = client_for(course.trainer)
    learner = client_for(make_user())
    learner.post(f"/courses/{course.slug}/enrol")
    first, second = course.lesson_ids
    learner.post(f"/courses/{course.slug}/lessons/{first}/done")
    trainer.post(f"/courses/{course.slug}/lessons/{first}/edit",
                 data={"title": "Lesson one, revised", "body": "Revised text."})
    outline = trainer.get(f"/courses/{course.slug}/outline").get_data(as_text=True)
    assert "The draft has changes that learners do not see yet." in outline
    page = learner.get(f"/courses/{course.slug}/lessons/{first}").get_data(as_text=True)
    assert "Text of lesson 1.1." in page and "Revised text." not in page
    with app.app_context():
        module_id = db.session.get(Lesson, first).module_id
    trainer.post(f"/courses/{course.slug}/modules/{module_id}/lessons/new",
                 data={"title": "Brand new", "kind": "page", "body": "New."})
    published = trainer.post(f"/courses/{course.slug}/publish")
    assert published.status_code == 302
    page = learner.get(f"/courses/{course.slug}/lessons/{first}").get_data(as_text=True)
    assert "Revised text." in page and "Lesson one, revised" in page
    overview = learner.get(f"/courses/{course.slug}").get_data(as_text=True)
    assert "1 of 3 lessons done" in overview and "Brand new" in overview
    assert "Version</dt><dd>2," in overview


def test_a_lesson_deleted_from_the_draft_stays_until_the_next_version(app, client_for,
                                                                     make_user, make_course):
    course = make_course(modules=1, lessons=2)
    trainer = client_for(course.trainer)
    learner = client_for(make_user())
    learner.post(f"/courses/{course.slug}/enrol")
    first, second = course.lesson_ids
    trainer.post(f"/courses/{course.slug}/lessons/{second}/delete")
    assert learner.get(f"/courses/{course.slug}/lessons/{second}").status_code == 200
    learner.post(f"/courses/{course.slug}/lessons/{first}/done")
    trainer.post(f"/courses/{course.slug}/publish")
    assert learner.get(f"/courses/{course.slug}/lessons/{second}").status_code == 404
    with app.app_context():
        assert db.session.scalars(select(Lesson.id)).all() == [first]
    # the only lesson left is done: the new version completes the course for this learner
    assert "You completed this course" in learner.get(f"/courses/{course.slug}").get_data(
        as_text=True)


def test_archived_courses_stay_for_their_learners_only(client_for, make_user, make_course,
                                                       client):
    course = make_course()
    learner = client_for(make_user())
    learner.post(f"/courses/{course.slug}/enrol")
    client_for(course.trainer).post(f"/courses/{course.slug}/status/archived")
    assert course.title not in client.get("/courses/").get_data(as_text=True)
    assert learner.get(f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}").status_code == 200
    newcomer = client_for(make_user())
    newcomer.post(f"/courses/{course.slug}/enrol")
    assert newcomer.get(f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}").status_code \
        == 404


def test_a_course_without_lessons_cannot_be_published(client_for, make_course):
    course = make_course(modules=1, lessons=0, publish=False)
    response = client_for(course.trainer).post(f"/courses/{course.slug}/publish",
                                               follow_redirects=True)
    assert "Add at least one lesson before publishing." in response.get_data(as_text=True)
