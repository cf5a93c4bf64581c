"""Demo content for `flask seed-demo`: an original course on multi-actor collaboration."""
from pathlib import Path

from sqlalchemy import select

from courses.models import Course
from courses.services import authoring, publishing
from courses.toolkit.demo import add_quiz_lessons
from lms.extensions import db
from lms.timeutil import utcnow

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
    """[(module title, discussion prompt, [(lesson title, Markdown body), ...]), ...] from
    courses/data: a module's `-00.md` file holds its title and its discussion prompt."""
    modules = []
    for number in range(1, 10):
        head = DATA / f"{language}-{number:02d}-00.md"
        if not head.exists():
            break
        lessons = [read(path.name) for path in sorted(DATA.glob(f"{language}-{number:02d}-*.md"))
                   if not path.name.endswith("-00.md")]
        modules.append((*read(head.name), lessons))
    return modules


def seed(app, users=None, organisations=None, **extra):
    """Add the demo course and its German version once, published, with the demo trainer."""
    trainer = (users or {}).get("trainer")
    english = db.session.scalar(select(Course).where(Course.slug == DEMO_SLUG))
    if english is None:
        english = add_course(trainer, "en", DEMO_SLUG)
    if db.session.scalar(select(Course.id).where(Course.slug == DEMO_SLUG + "-de")) is None:
        add_course(trainer, "de", DEMO_SLUG + "-de", original=english)


def add_course(trainer, language, slug, original=None):
    """Create and publish the course written in courses/data/<language>-*.md."""
    title, body = read(f"{language}-course.md")
    parts = sections(body)
    course = authoring.create_course(
        trainer, title=title, slug=slug, summary=body.split("\n## ", 1)[0].strip(),
        language=language, topic="collaboration", outcomes=parts["Outcomes"],
        audience=parts["Audience"], estimated_hours=8, licence="CC-BY-SA-4.0",
        enrolment="open")
    sources = [lesson for module in original.modules for lesson in module.lessons] \
        if original else []
    if original is not None:
        course.translation_of_id = original.id
    for module_title, prompt, lessons in course_outline(language):
        module = authoring.add_module(course, module_title)
        authoring.update_module(module, module_title, prompt)
        for lesson_title, lesson_body in lessons:
            lesson = authoring.add_lesson(module, lesson_title, "page", lesson_body)
            if sources:
                # the German lessons translate the English ones in the same order
                lesson.source_lesson_id = sources.pop(0).id
                lesson.translated_at = utcnow()
    if original is None:
        add_quiz_lessons(course)
    publishing.publish(course, trainer)
    return course
