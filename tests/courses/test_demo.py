"""seed-demo adds the demo course once: published, 4 modules, 12+ lessons, the demo trainer."""
from sqlalchemy import func, select

from courses.models import Course, Release
from courses.services import translations
from courses.services.access import is_trainer
from lms.extensions import db
from lms.models import User


def test_seed_demo_adds_the_course_once(app, client):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    with app.app_context():
        course = db.session.scalar(select(Course).where(Course.language == "en"))
        german = db.session.scalar(select(Course).where(Course.language == "de"))
        assert db.session.scalar(select(func.count(Course.id))) == 2
        assert german.translation_of_id == course.id and german.status == "published"
        assert len(german.modules) >= 1 and len(german.modules[0].lessons) == 3
        assert translations.lesson_states(german) == {
            lesson.id: "up_to_date" for lesson in german.modules[0].lessons}
        assert len(course.modules) == 4
        assert sum(len(module.lessons) for module in course.modules) >= 12
        assert all(len(lesson.body_source.split()) > 150
                   for module in course.modules for lesson in module.lessons
                   if lesson.kind == "page")
        assert db.session.scalar(select(func.count(Release.id))) == 2
        trainer = db.session.scalar(select(User).where(User.email == "trainer@demo.example.org"))
        assert is_trainer(trainer, course)
        assert course.status == "published"
    page = client.get("/courses/").get_data(as_text=True)
    assert "Working together for regional inclusion" in page
    course_page = client.get("/courses/working-together-for-regional-inclusion")
    assert "Referrals that do not lose people" in course_page.get_data(as_text=True)
