"""Courses as a publishable kind: snapshot, what is missing, who may publish, discussion
prompts, the publish link, and the two plugins' independence."""
import ast
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from courses.models import Course, Lesson, Module
from courses.services import authoring, publishing
from lms.extensions import db
from lms.models import User
from lms.publishing import kind
from tests.helpers.quizzes import ACCEPTED, enrol, make_quiz

ROOT = Path(__file__).resolve().parents[2]


def snapshot_of(app, course):
    with app.test_request_context(base_url="http://127.0.0.1:5077"):
        return kind("courses.course").snapshot(db.session.get(Course, course.id))


def missing_of(app, course):
    with app.test_request_context():
        return kind("courses.course").missing(db.session.get(Course, course.id))


def test_the_kind_is_registered_with_all_five_formats(app):
    course_kind = kind("courses.course", app)
    assert course_kind.formats == ("imscc", "scorm12", "html", "epub", "pdf")


def test_a_snapshot_holds_the_published_version_its_people_and_media(app, ready_course):
    course = ready_course(title="Snapshot course", outcomes="- Map partners\n- Plan a meeting",
                          audience="Staff of local NGOs", estimated_hours=6)
    snapshot = snapshot_of(app, course)
    assert snapshot.kind == "courses.course" and snapshot.key == str(course.id)
    assert snapshot.title == "Snapshot course"
    assert snapshot.description == "How local partners plan inclusion together."
    assert (snapshot.language, snapshot.licence, snapshot.resource_type) == \
        ("en", "CC-BY-SA-4.0", "course")
    assert snapshot.source_url == f"{app.config['SITE_URL']}/courses/{course.slug}"
    assert snapshot.authors == ["Ada Trainer"]
    assert snapshot.organisations == ["Open Learning Association"]
    assert snapshot.keywords == ["Working together across organisations"]
    assert dict(snapshot.details) == {"Learning outcomes": "Map partners\nPlan a meeting",
                                      "Who it is for": "Staff of local NGOs",
                                      "Estimated hours of learning": "6"}
    first, second = snapshot.parts
    assert [p.kind for p in first.parts] == ["page", "page", "discussion"]
    assert [p.title for p in second.parts] == ["Lesson 2.1", "Lesson 2.2"]
    assert "<strong>missing</strong>" in first.parts[-1].html
    # the platform's media address became the package-relative one, listed once
    name = f"media/{course.media_sha256}.png"
    assert f'src="{name}"' in first.parts[0].html
    assert "/courses/media/" not in first.parts[0].html
    [asset] = snapshot.assets
    assert (asset.name, asset.media_type, asset.sha256) == (name, "image/png",
                                                            course.media_sha256)
    assert Path(asset.source).is_file() and Path(asset.source).stat().st_size == asset.size


def test_links_to_the_course_and_its_media_stay_inside_the_package(app, ready_course):
    """A trainer links lessons as they see them (on the host they work on, or from the site's
    root); the snapshot keeps the course's own lessons and media inside the package, and sends
    other links to the site to its public address, never to the host of the request."""
    app.config["SITE_URL"] = "https://lms.example.org"
    course = ready_course()
    first, second = course.lesson_ids[:2]
    slug, sha256 = course.slug, course.media_sha256
    with app.test_request_context(base_url="http://127.0.0.1:5055"):
        lesson = db.session.get(Lesson, first)
        authoring.update_lesson(lesson, lesson.title, "\n".join((
            f"[next](/courses/{slug}/lessons/{second}#part-12)",
            f"[pasted](http://127.0.0.1:5055/courses/{slug}/lessons/{second})",
            f"[public](https://lms.example.org/courses/{slug}/lessons/{second})",
            f"[the map](http://127.0.0.1:5055/courses/media/{sha256})",
            "[catalogue](/courses/)",
            f"[another course](http://127.0.0.1:5055/courses/another/lessons/{second})",
            "[a guide](https://example.org/guide)")))
        publishing.publish(db.session.get(Course, course.id), None)
        db.session.commit()
        snapshot = kind("courses.course").snapshot(db.session.get(Course, course.id))
    html = snapshot.parts[0].parts[0].html
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs == [f"lesson-{second}.html#part-12", f"lesson-{second}.html",
                     f"lesson-{second}.html", f"media/{sha256}.png",
                     "https://lms.example.org/courses/",
                     f"https://lms.example.org/courses/another/lessons/{second}",
                     "https://example.org/guide"]
    assert snapshot.parts[0].parts[1].id == f"lesson-{second}"
    assert f"media/{sha256}.png" in [asset.name for asset in snapshot.assets]
    assert snapshot.source_url == f"https://lms.example.org/courses/{slug}"
    assert "127.0.0.1:5055" not in json.dumps(snapshot.to_dict())


def test_a_link_to_a_lesson_no_course_can_have_goes_to_the_site(app, ready_course):
    """A made-up lesson number in a link (beyond any id, or too long for int()) is no lesson
    of the course: the link goes to the site, and publishing does not break on it."""
    app.config["SITE_URL"] = "https://lms.example.org"
    course = ready_course()
    huge = "9" * 5000
    with app.test_request_context():
        lesson = db.session.get(Lesson, course.lesson_ids[0])
        authoring.update_lesson(lesson, lesson.title, "\n".join((
            f"[huge](/courses/{course.slug}/lessons/{huge})",
            f"[beyond](/courses/{course.slug}/lessons/{2 ** 31 + course.lesson_ids[1]})")))
        publishing.publish(db.session.get(Course, course.id), None)
        db.session.commit()
        snapshot = kind("courses.course").snapshot(db.session.get(Course, course.id))
    hrefs = re.findall(r'href="([^"]*)"', snapshot.parts[0].parts[0].html)
    assert hrefs == [f"https://lms.example.org/courses/{course.slug}/lessons/{huge}",
                     f"https://lms.example.org/courses/{course.slug}/lessons/"
                     f"{2 ** 31 + course.lesson_ids[1]}"]

def test_a_snapshot_carries_quizzes_with_answers_and_feedback(app, ready_course):
    course = ready_course(quiz=True)
    make_quiz(app, course, pass_mark=80, intro="Five questions on partners.")
    quiz = snapshot_of(app, course).parts[-1].parts[-1]
    assert quiz.kind == "quiz" and quiz.pass_mark == 80
    assert "Five questions on partners." in quiz.html
    by_kind = {q.kind: q for q in quiz.questions}
    assert set(by_kind) == {"single", "multiple", "true_false", "short", "matching"}
    assert by_kind["short"].accepted == ACCEPTED.splitlines()
    assert by_kind["single"].feedback == "QUESTION-FEEDBACK-single"
    single = by_kind["single"].choices
    assert [c.correct for c in single] == [True, False]
    assert single[0].feedback.startswith("FEEDBACK-NEUTRAL")
    assert {c.match for c in by_kind["matching"].choices} >= {"Trust in the community"}
    assert [c.text for c in by_kind["true_false"].choices] == ["true", "false"]


def test_a_ready_course_misses_nothing(app, ready_course):
    assert missing_of(app, ready_course()) == []


def test_what_is_missing_is_listed_one_sentence_each(app, make_course):
    course = make_course(publish=False, summary="", quiz=True)
    with app.app_context():
        loaded = db.session.get(Course, course.id)
        loaded.licence = ""
        db.session.commit()
    found = missing_of(app, course)
    assert any("never been published" in text for text in found)
    assert any("no open licence" in text for text in found)
    assert any("no summary" in text for text in found)


def test_quizzes_without_questions_and_images_without_text_are_named(app, make_course):
    from courses.services import authoring, media, publishing
    from tests.helpers import PNG
    course = make_course(publish=False, summary="A summary.", quiz=True)
    with app.test_request_context():
        stored = media.store(PNG, "image/png", "image", "x.png", "", None)
        lesson = db.session.get(Lesson, course.lesson_ids[0])
        authoring.update_lesson(lesson, "Pictures", f"![](/courses/media/{stored.sha256})")
        publishing.publish(db.session.get(Course, course.id), None)
        db.session.commit()
    found = missing_of(app, course)
    assert "The quiz “Lesson 2.2” has no questions." in found
    assert "An image in the lesson “Pictures” has no alternative text." in found


def test_trainers_of_the_course_and_admins_may_publish(app, ready_course, make_user):
    course = ready_course()
    other, admin = make_user(role="trainer"), make_user(role="admin")
    with app.test_request_context():
        loaded = db.session.get(Course, course.id)
        course_kind = kind("courses.course")
        assert course_kind.may_publish(db.session.get(User, course.trainer.id), loaded)
        assert course_kind.may_publish(db.session.get(User, admin.id), loaded)
        assert not course_kind.may_publish(db.session.get(User, other.id), loaded)
        assert course_kind.load(str(course.id)) == loaded
        assert course_kind.load("nope") is None


def test_a_module_prompt_is_saved_sanitised_and_shown_at_the_end_of_the_module(
        app, client, auth, make_course, make_user):
    course = make_course(publish=False)
    with app.app_context():
        module_id = db.session.scalar(select(Module.id).where(Module.course_id == course.id)
                                      .order_by(Module.position))
    auth.login(course.trainer)
    url = f"/courses/{course.slug}/modules/{module_id}/edit"
    assert "Discussion prompt" in client.get(url).get_data(as_text=True)
    response = client.post(url, data={"title": "Module 1", "discussion_prompt":
                                      "Who is **missing**?<script>alert(1)</script>"})
    assert response.status_code == 302
    with app.app_context():
        module = db.session.get(Module, module_id)
        assert module.discussion_html.startswith("<p>Who is <strong>missing</strong>?")
        assert "<script>" not in module.discussion_html
    client.post(f"/courses/{course.slug}/publish")
    learner = make_user()
    enrol(app, learner, course)
    auth.logout()
    auth.login(learner)
    last_of_module = client.get(f"/courses/{course.slug}/lessons/{course.lesson_ids[1]}")
    page = last_of_module.get_data(as_text=True)
    assert "To discuss at the end of this module" in page
    assert "Who is <strong>missing</strong>?" in page
    first = client.get(f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}")
    assert "To discuss at the end of this module" not in first.get_data(as_text=True)


def test_the_demo_modules_have_discussion_prompts(app):
    assert app.test_cli_runner().invoke(args=["seed-demo"]).exit_code == 0
    with app.app_context():
        modules = db.session.scalars(select(Module)).all()
        assert modules and all(module.discussion_html.startswith("<p>") for module in modules)
        german = db.session.scalar(select(Course).where(Course.language == "de"))
        assert "Lücke" in german.modules[0].discussion_html


def test_the_outline_links_to_publishing_only_with_the_oer_plugin(app_factory, make_user):
    for plugins, expected in ((["courses"], False), (["courses", "oer"], True)):
        application = app_factory(LMS_PLUGINS=plugins)
        client = application.test_client()
        trainer = make_user(role="trainer")
        from courses.services import authoring
        with application.test_request_context():
            course = authoring.create_course(db.session.get(User, trainer.id), title="Linked")
            db.session.commit()
            course_id, slug = course.id, course.slug
        client.post("/login", data={"email": trainer.email,
                                    "password": "correct horse battery staple"})
        response = client.get(f"/courses/{slug}/outline")
        assert response.status_code == 200
        page = response.get_data(as_text=True)
        assert ("Publish as open educational resource" in page) is expected
        assert (f'href="/oer/publish/courses.course/{course_id}"' in page) is expected
        with application.app_context():
            db.session.delete(db.session.get(Course, course_id))
            db.session.commit()


def imported_modules(package):
    for path in (ROOT / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                yield path, [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                yield path, [node.module]


@pytest.mark.parametrize("package, forbidden", (
    ("oer", ("courses", "networks", "action_plans")),
    ("courses", ("oer",))))
def test_oer_and_courses_import_nothing_of_each_other(package, forbidden):
    offending = [f"{path.relative_to(ROOT)}: {name}" for path, names in imported_modules(package)
                 for name in names if name.split(".")[0] in forbidden]
    assert offending == []
