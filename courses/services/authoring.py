"""Authoring: courses, their modules and lessons in order, and who trains them."""

from sqlalchemy import func, select

from courses.models import Course, Lesson, Module
from courses.services import markup
from courses.services.access import TRAINER
from lms import slugs
from lms.extensions import db
from lms.models import User
from lms.roles import assign_role, holders, revoke_role
from lms.security import audit
from lms.timeutil import utcnow


COURSE_FIELDS = ("title", "summary", "language", "topic", "licence", "cover_id", "cover_alt",
                 "outcomes", "audience", "estimated_hours", "enrolment", "enrolment_key")
# first path segments under /courses/ that are pages, not courses
RESERVED_SLUGS = frozenset({"new", "my", "media", "verify", "badges", "invitations", "preview",
                            "static"})


def unique_slug(title, wanted=None, course=None):
    return slugs.unique_slug(Course, wanted or title, fallback="course", reserved=RESERVED_SLUGS,
                             keep=course)


def create_course(trainer, **fields):
    course = Course(slug=unique_slug(fields["title"], fields.pop("slug", None)),
                    **{k: v for k, v in fields.items() if k in COURSE_FIELDS})
    db.session.add(course)
    db.session.flush()
    assign_role(trainer, TRAINER, course)
    audit("course_created", course=course.slug)
    return course


def update_course(course, **fields):
    for name in COURSE_FIELDS:
        if name in fields:
            setattr(course, name, fields[name])
    if fields.get("slug") and fields["slug"] != course.slug:
        course.slug = unique_slug(course.title, fields["slug"], course)
    db.session.flush()


def set_status(course, status):
    course.status = status
    db.session.flush()


def _next_position(model, parent_column, parent_id):
    highest = db.session.scalar(select(func.max(model.position)).where(
        parent_column == parent_id))
    return (highest or 0) + 1


def add_module(course, title):
    module = Module(course_id=course.id, title=title,
                    position=_next_position(Module, Module.course_id, course.id))
    db.session.add(module)
    course.changed_at = utcnow()
    db.session.flush()
    return module


def update_module(module, title, discussion_prompt=None):
    """Rename the module and, when given, set its discussion prompt (sanitised once, here)."""
    module.title = title
    if discussion_prompt is not None:
        module.discussion_prompt = discussion_prompt
        module.discussion_html = markup.render(discussion_prompt)
    module.course.changed_at = utcnow()
    db.session.flush()


def add_lesson(module, title, kind="page", body_source=""):
    lesson = Lesson(module_id=module.id, title=title, kind=kind, body_source=body_source,
                    body_html=markup.render(body_source),
                    position=_next_position(Lesson, Lesson.module_id, module.id))
    db.session.add(lesson)
    module.course.changed_at = utcnow()
    db.session.flush()
    return lesson


def update_lesson(lesson, title, body_source):
    if (title, body_source) != (lesson.title, lesson.body_source):
        lesson.content_changed_at = utcnow()
    lesson.title = title
    lesson.body_source = body_source
    lesson.body_html = markup.render(body_source)
    lesson.module.course.changed_at = utcnow()
    db.session.flush()


def _swap(items, item, step):
    """Move `item` one place up (step -1) or down (+1) among `items`; renumbers 1..n."""
    index = items.index(item)
    target = index + step
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    for position, each in enumerate(items, start=1):
        each.position = position


def move_module(module, step):
    _swap(list(module.course.modules), module, step)
    module.course.changed_at = utcnow()
    db.session.flush()


def move_lesson(lesson, step):
    """Up or down inside its module; past the edge it goes into the neighbouring module."""
    module = lesson.module
    lessons = list(module.lessons)
    index = lessons.index(lesson)
    modules = list(module.course.modules)
    neighbour_index = modules.index(module) + step
    if 0 <= index + step < len(lessons) or not 0 <= neighbour_index < len(modules):
        _swap(lessons, lesson, step)
    else:
        neighbour = modules[neighbour_index]
        others = [each for each in neighbour.lessons if each is not lesson]
        staying = [each for each in lessons if each is not lesson]
        lesson.module = neighbour
        arrived = others + [lesson] if step < 0 else [lesson] + others
        for items in (staying, arrived):
            for position, each in enumerate(items, start=1):
                each.position = position
    module.course.changed_at = utcnow()
    db.session.flush()


def delete_module(module):
    module.course.changed_at = utcnow()
    db.session.delete(module)
    db.session.flush()


def delete_lesson(lesson):
    lesson.module.course.changed_at = utcnow()
    db.session.delete(lesson)
    db.session.flush()


def trainers(course):
    ids = holders(TRAINER, course)
    return db.session.scalars(select(User).where(User.id.in_(ids))
                              .order_by(User.display_name)).all() if ids else []


def add_trainer(course, user):
    assign_role(user, TRAINER, course)


def remove_trainer(course, user):
    """Take `user` off the course's trainers; the last trainer stays (someone must edit it)."""
    if len(holders(TRAINER, course)) <= 1:
        return False
    return revoke_role(user, TRAINER, course)
