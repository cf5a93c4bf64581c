"""The courses plugin's pages in `make bench`: the lesson page must reach 40 % of /healthz."""
from sqlalchemy import insert, select

from courses.demo import DEMO_SLUG
from courses.models import Course
from courses.services import authoring, progress, publishing
from lms.cli import demo_password
from lms.extensions import db
from lms.models import User
from tests.bench.scenario import Scenario

BIG_SLUG = "bench-two-hundred-lessons"
LESSON_GOAL = 40


def add_catalogue(count=1000):
    """Published filler courses, so the catalogue is as large as a busy platform's."""
    db.session.execute(insert(Course), [
        {"slug": f"bench-catalogue-{n}", "title": f"Catalogue course {n}",
         "summary": "A course that fills the catalogue for the benchmark.",
         "status": "published", "published_version": 0} for n in range(count)])


def add_big_course(trainer):
    """A course of 10 modules x 20 lessons, each a page of real length."""
    course = authoring.create_course(trainer, title="Two hundred lessons", slug=BIG_SLUG)
    body = "## A heading\n\n" + ("A paragraph of a realistic lesson, with some **bold** words "
                                 "and a [link](https://example.org). " * 12 + "\n\n") * 6
    for m in range(1, 11):
        module = authoring.add_module(course, f"Module {m}")
        for n in range(1, 21):
            authoring.add_lesson(module, f"Lesson {m}.{n}", "page", body)
    publishing.publish(course, trainer)
    return course


def prepare(app):
    trainer = db.session.scalar(select(User).where(User.email == "trainer@demo.example.org"))
    learner = db.session.scalar(select(User).where(User.email == "learner@demo.example.org"))
    add_catalogue()
    big = add_big_course(trainer)
    demo = db.session.scalar(select(Course).where(Course.slug == DEMO_SLUG))
    with app.test_request_context():
        for course in (demo, big):
            progress.ensure_enrolment(learner, course)
            first = course.modules[0].lessons[0]
            progress.mark_lesson_done(learner, first)
    db.session.commit()
    demo_lesson = demo.modules[1].lessons[1].id
    big_lesson = big.modules[7].lessons[10].id
    who = ("learner@demo.example.org", demo_password("learner"))
    return [
        Scenario("course catalogue (visitor)", "/courses/"),
        Scenario("course page (learner)", f"/courses/{DEMO_SLUG}", login=who),
        Scenario("lesson page (learner)", f"/courses/{DEMO_SLUG}/lessons/{demo_lesson}",
                 login=who, goal=LESSON_GOAL),
        Scenario("lesson of 200 (learner)", f"/courses/{BIG_SLUG}/lessons/{big_lesson}",
                 login=who, goal=LESSON_GOAL),
        Scenario("my learning (learner)", "/courses/my", login=who),
    ]
