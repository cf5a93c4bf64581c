"""Demo content of quizzes and toolkit: three quizzes, a self-assessment tool, two templates."""
from pathlib import Path

from sqlalchemy import select

from courses.models import AssessmentTool, Course, ToolkitResource
from courses.quizzes.services import quizzes as quiz_services
from courses.services import authoring
from courses.toolkit.demo.assessment import DIMENSIONS, TOOL
from courses.toolkit.demo.quizzes import QUIZZES
from courses.toolkit.services import authoring as tools
from courses.toolkit.services import resources
from courses.toolkit.services.files import sniff
from lms.extensions import db

DEMO_COURSE_SLUG = "working-together-for-regional-inclusion"   # courses.demo.DEMO_SLUG
DATA = Path(__file__).resolve().parent / "data"
TEMPLATES = [
    ("partner-mapping-template.csv", "template", "Partner-mapping template",
     "A spreadsheet to list the actors in your town or region: what they offer, whom they "
     "reach, how strong your contact is, and the next step with each. Three example rows show "
     "how to fill it in; open it in any spreadsheet program."),
    ("first-meeting-checklist.md", "checklist", "Checklist for the first partnership meeting",
     "What to do two to four weeks before, one week before, during and after the first meeting "
     "of a local partnership, so that everyone can take part and leaves with a task."),
]


def seed(app, users=None, organisations=None, **extra):
    """Runs after courses.demo.seed: the tool and the templates join the demo course."""
    trainer = (users or {}).get("trainer")
    course = db.session.scalar(select(Course).where(Course.slug == DEMO_COURSE_SLUG))
    seed_assessment(trainer, course)
    if course is not None:
        seed_templates(course, trainer)
    db.session.flush()


def add_quiz_lessons(course):
    """A quiz at the end of each of the first three modules; called before the demo course is
    first published, so that its one version has them."""
    for module, (title, text, questions) in zip(course.modules, QUIZZES):
        lesson = authoring.add_lesson(module, title, "quiz", text)
        quiz = quiz_services.ensure_quiz(lesson)
        quiz.pass_mark, quiz.shuffle = 70, True
        for kind, prompt, options, accepted, feedback in questions:
            quiz_services.save_question(quiz, None, kind=kind, prompt=prompt, feedback=feedback,
                                  accepted_answers=accepted, options=options)
        db.session.expire(module, ["lessons"])


def seed_assessment(trainer, course):
    tool = db.session.scalar(select(AssessmentTool).where(
        AssessmentTool.title == TOOL["title"]))
    if tool is None:
        tool = tools.create_tool(trainer, title=TOOL["title"], summary=TOOL["summary"],
                                    language="en", low_threshold=40, high_threshold=75)
        for title, description, statements, advice in DIMENSIONS:
            tools.save_dimension(tool, None, title=title, description=description,
                                    statements="\n".join(statements),
                                    advice=dict(zip(("low", "middle", "high"), advice)))
        tool.status = "published"
    if course is not None and tool.course_id is None:
        tool.course_id = course.id
    return tool


def seed_templates(course, trainer):
    have = set(db.session.scalars(select(ToolkitResource.filename).where(
        ToolkitResource.course_id == course.id)))
    for filename, kind, title, description in TEMPLATES:
        if filename in have:
            continue
        content = (DATA / filename).read_bytes()
        content_type, _extension = sniff(content, filename)
        resources.attach(course, trainer, title=title, kind=kind, description=description,
                         filename=filename, content=content, content_type=content_type)
