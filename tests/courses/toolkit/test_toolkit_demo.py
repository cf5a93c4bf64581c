"""seed-demo adds three quizzes, a self-assessment tool and two templates to the demo course."""
from sqlalchemy import func, select

from courses.models import (AssessmentDimension, AssessmentTool, Course, Lesson, Question, Quiz,
                            Release, ToolkitResource)
from lms.extensions import db
from tests.helpers import text

SLUG = "working-together-for-regional-inclusion"


def test_seed_demo_adds_quizzes_tool_and_templates_once(app, client):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    with app.app_context():
        course = db.session.scalar(select(Course).where(Course.slug == SLUG))
        quiz_modules = [[lesson.title for lesson in module.lessons if lesson.kind == "quiz"]
                        for module in course.modules]
        assert quiz_modules == [["Quiz: seeing the whole system"],
                                ["Quiz: setting up a partnership that lasts"],
                                ["Quiz: working together day to day"], []]
        release = db.session.scalar(select(Release).where(Release.course_id == course.id))
        quiz_ids = db.session.scalars(select(Lesson.id).where(Lesson.kind == "quiz")).all()
        assert set(quiz_ids) <= set(release.lesson_ids)
        assert db.session.scalar(select(func.count(Quiz.id))) == 3
        assert db.session.scalar(select(func.count(Question.id))) == 15
        tool = db.session.scalar(select(AssessmentTool))
        assert tool.published and tool.course_id == course.id
        assert db.session.scalars(select(AssessmentDimension.title).order_by(
            AssessmentDimension.position)).all() == [
            "Effectiveness", "Sustainability", "Transferability", "Participation of migrants",
            "Evaluation"]
        assert all(len(d.statements) == 4 and d.advice_low_html and d.advice_high_html
                   for d in tool.dimensions)
        files = db.session.scalars(select(ToolkitResource).order_by(
            ToolkitResource.position)).all()
        assert [f.filename for f in files] == ["partner-mapping-template.csv",
                                               "first-meeting-checklist.md"]
        links = [f"/toolkit/courses/{SLUG}/resources/{f.id}/{f.filename}" for f in files]
    page = client.get(f"/courses/{SLUG}")
    html = page.get_data(as_text=True)
    assert "Regional partnership check" in text(page)
    for link in links:
        assert f'href="{link}"' in html
    csv = client.get(links[0])
    assert csv.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert csv.get_data(as_text=True).startswith("Organisation or group,Type,What they offer")
    checklist = client.get(links[1]).get_data(as_text=True)
    assert checklist.startswith("# Checklist: the first meeting of a local partnership")
