"""Demo content for `flask seed-demo`: an original course on multi-actor collaboration."""
import re
from pathlib import Path

from sqlalchemy import select

from courses.models import Course
from courses.services import authoring, media, publishing
from courses.toolkit.demo import add_quiz_lessons
from lms.extensions import db
from lms.timeutil import utcnow

DATA = Path(__file__).resolve().parent / "data"
DEMO_SLUG = "working-together-for-regional-inclusion"
# in the lesson texts: `{lesson 01-02}` links another lesson (module 1, lesson 2) and
# `{media name.png}` a file of courses/demo/data, once both exist
PLACEHOLDER = re.compile(r"\{(lesson|media) ([^}\s]+)\}")
MEDIA = {"actor-map.png": "An empty actor map"}      # file name: its alternative text


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
    courses/demo/data: a module's `-00.md` file holds its title and its discussion prompt."""
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
    """Create and publish the course written in courses/demo/data/<language>-*.md."""
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
    by_key = {}
    for number, (module_title, prompt, lessons) in enumerate(course_outline(language), 1):
        module = authoring.add_module(course, module_title)
        authoring.update_module(module, module_title, prompt)
        for position, (lesson_title, lesson_body) in enumerate(lessons, 1):
            lesson = authoring.add_lesson(module, lesson_title, "page", lesson_body)
            by_key[f"{number:02d}-{position:02d}"] = lesson
            if sources:
                # the German lessons translate the English ones in the same order
                lesson.source_lesson_id = sources.pop(0).id
                lesson.translated_at = utcnow()
    link_lessons(course, by_key, trainer)
    if original is None:
        add_quiz_lessons(course)
    publishing.publish(course, trainer)
    return course


def link_lessons(course, lessons, uploader):
    """Fill in the lesson texts' placeholders with the addresses a trainer would write."""
    def address(match):
        kind, key = match.groups()
        if kind == "lesson":
            return f"/courses/{course.slug}/lessons/{lessons[key].id}"
        data = (DATA / key).read_bytes()
        content_type, media_kind = media.sniff(data[:16])
        stored = media.store(data, content_type, media_kind, key, MEDIA[key], uploader)
        return f"/courses/media/{stored.sha256}"
    for lesson in lessons.values():
        if PLACEHOLDER.search(lesson.body_source):
            authoring.update_lesson(lesson, lesson.title,
                                    PLACEHOLDER.sub(address, lesson.body_source))
