"""Language versions: a translation mirrors the course, tracks outdated lessons, finds learners."""
from sqlalchemy import select

from courses.models import Course
from lms.extensions import db


def start_german(client_for, course):
    trainer = client_for(course.trainer)
    response = trainer.post(f"/courses/{course.slug}/translations", data={"language": "de"})
    assert response.headers["Location"] == f"/courses/{course.slug}-de/outline"
    return trainer


def german_lesson_ids(app, slug):
    with app.app_context():
        german = db.session.scalar(select(Course).where(Course.slug == slug + "-de"))
        return [lesson.id for module in german.modules for lesson in module.lessons]


def test_a_translation_copies_the_structure_and_tracks_each_lesson(app, client_for,
                                                                   make_course):
    course = make_course(modules=2, lessons=1)
    trainer = start_german(client_for, course)
    outline = trainer.get(f"/courses/{course.slug}-de/outline").get_data(as_text=True)
    assert outline.count("not translated yet") == 2
    first, second = german_lesson_ids(app, course.slug)
    editor = trainer.get(f"/courses/{course.slug}-de/lessons/{first}/edit").get_data(as_text=True)
    assert "The original: Lesson 1.1" in editor and "Text of lesson 1.1." in editor
    trainer.post(f"/courses/{course.slug}-de/lessons/{first}/edit",
                 data={"title": "Lektion 1.1", "body": "Text der Lektion.", "up_to_date": "y"})
    trainer.post(f"/courses/{course.slug}-de/lessons/{second}/edit",
                 data={"title": "Lektion 2.1", "body": "Entwurf."})
    outline = trainer.get(f"/courses/{course.slug}-de/outline").get_data(as_text=True)
    assert outline.count("not translated yet") == 1 and outline.count("up to date") == 1
    trainer.post(f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}/edit",
                 data={"title": "Lesson 1.1", "body": "Changed original."})
    outline = trainer.get(f"/courses/{course.slug}-de/outline").get_data(as_text=True)
    assert "outdated: the original has changed" in outline
    languages = trainer.get(f"/courses/{course.slug}/outline").get_data(as_text=True)
    assert 'href="/courses/' + course.slug + '-de/outline"' in languages
    assert trainer.post(f"/courses/{course.slug}/translations",
                        data={"language": "de"}).status_code == 400


def test_learners_get_the_version_in_their_language(app, client_for, make_user, make_course):
    course = make_course(modules=1, lessons=1)
    trainer = start_german(client_for, course)
    german_reader = client_for(make_user(locale="de"))
    assert german_reader.get(f"/courses/{course.slug}").status_code == 200   # not published
    trainer.post(f"/courses/{course.slug}-de/publish")
    response = german_reader.get(f"/courses/{course.slug}")
    assert response.headers["Location"] == f"/courses/{course.slug}-de"
    chosen = german_reader.get(f"/courses/{course.slug}?language=en")
    assert chosen.status_code == 200
    page = german_reader.get(f"/courses/{course.slug}-de").get_data(as_text=True)
    assert f'href="/courses/{course.slug}?language=en"' in page
    english_reader = client_for(make_user(locale="en"))
    assert english_reader.get(f"/courses/{course.slug}").status_code == 200


def test_learners_of_a_translation_are_told_when_a_lesson_is_outdated_or_untranslated(
        app, client_for, make_user, make_course):
    course = make_course(modules=2, lessons=1)
    trainer = start_german(client_for, course)
    first, second = german_lesson_ids(app, course.slug)
    trainer.post(f"/courses/{course.slug}-de/lessons/{first}/edit",
                 data={"title": "Lektion 1.1", "body": "Text der Lektion.", "up_to_date": "y"})
    assert trainer.post(f"/courses/{course.slug}-de/publish").status_code == 302
    learner = client_for(make_user(locale="en"))
    assert learner.post(f"/courses/{course.slug}-de/enrol").status_code == 302

    def page(lesson_id):
        return learner.get(f"/courses/{course.slug}-de/lessons/{lesson_id}").get_data(
            as_text=True)
    assert "Text der Lektion." in page(first)
    assert "out of date" not in page(first) and "not been translated" not in page(first)
    assert "This lesson has not been translated yet" in page(second)
    trainer.post(f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}/edit",
                 data={"title": "Lesson 1.1", "body": "Changed original."})
    assert "This translation may be out of date" in page(first)
    original_reader = client_for(make_user(locale="en"))
    assert original_reader.post(f"/courses/{course.slug}/enrol").status_code == 302
    original = original_reader.get(f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}")
    assert "out of date" not in original.get_data(as_text=True)
