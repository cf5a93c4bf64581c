"""Demo content for `flask seed-demo`: an original course on multi-actor collaboration."""
from pathlib import Path

from sqlalchemy import select

from courses.models import Course
from courses.services import authoring, publishing
from courses.toolkit.demo import add_quiz_lessons
from lms.extensions import db

DATA = Path(__file__).resolve().parent / "data"
DEMO_SLUG = "working-together-for-regional-inclusion"


def read(name):
    """(title, body) of one Markdown file whose first line is `# Title`."""
    text = (DATA / name).read_text(encoding="utf-8")
    first, _, body = text.partition("\n")
    return first.lstrip("# ").strip(), body.strip()


def sections(body):
    """The course file's `## Heading` sections as a dict of heading -> text."""
    found, current = {}, None
    for line in body.splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            found[current] = []
        elif current:
            found[current].append(line)
    return {key: "\n".join(lines).strip() for key, lines in found.items()}


def course_outline(language="en"):
    """[(module title, [(lesson title, Markdown body), ...]), ...] from courses/data."""
    modules = []
    for number in range(1, 10):
        head = DATA / f"{language}-{number:02d}-00.md"
        if not head.exists():
            break
        lessons = [read(path.name) for path in sorted(DATA.glob(f"{language}-{number:02d}-*.md"))
                   if not path.name.endswith("-00.md")]
        modules.append((read(head.name)[0], lessons))
    return modules


def seed(app, users=None, organisations=None, **extra):
    """Add the demo course once, published, with the demo trainer as its trainer."""
    if db.session.scalar(select(Course.id).where(Course.slug == DEMO_SLUG)) is not None:
        return
    trainer = (users or {}).get("trainer")
    title, body = read("en-course.md")
    parts = sections(body)
    summary = body.split("\n## ", 1)[0].strip()
    course = authoring.create_course(
        trainer, title=title, slug=DEMO_SLUG, summary=summary, language="en",
        topic="collaboration", outcomes=parts["Outcomes"], audience=parts["Audience"],
        estimated_hours=8, licence="CC-BY-SA-4.0", enrolment="open")
    for module_title, lessons in course_outline("en"):
        module = authoring.add_module(course, module_title)
        for lesson_title, lesson_body in lessons:
            authoring.add_lesson(module, lesson_title, "page", lesson_body)
    add_quiz_lessons(course)
    publishing.publish(course, trainer)

