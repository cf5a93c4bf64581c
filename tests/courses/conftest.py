"""Factories for the courses tests: a course with modules and lessons, published or not."""
import itertools

import pytest

from lms.extensions import db


@pytest.fixture
def make_course(app, make_user):
    """make_course(trainer=None, modules=2, lessons=2, publish=True, **fields) -> Course.

    Each module gets `lessons` page lessons; `quiz=True` makes the last lesson of the last
    module a quiz. Returns a detached Course with `lesson_ids` (in order) set on it.
    """
    from courses.models import Course
    from courses.services import authoring, publishing
    numbers = itertools.count(1)

    def make(trainer=None, modules=2, lessons=2, publish=True, quiz=False, **fields):
        number = next(numbers)
        trainer = trainer or make_user(role="trainer")
        with app.test_request_context():
            from lms.models import User
            owner = db.session.get(User, trainer.id)
            fields.setdefault("title", f"Course {number}")
            course = authoring.create_course(owner, **fields)
            ids = []
            for m in range(1, modules + 1):
                module = authoring.add_module(course, f"Module {m}")
                for n in range(1, lessons + 1):
                    kind = "quiz" if quiz and m == modules and n == lessons else "page"
                    lesson = authoring.add_lesson(module, f"Lesson {m}.{n}", kind,
                                                  f"## Part {m}.{n}\n\nText of lesson {m}.{n}.")
                    ids.append(lesson.id)
            if publish:
                publishing.publish(course, owner)
            db.session.commit()
            course = db.session.get(Course, course.id)
            db.session.refresh(course)
            db.session.expunge(course)
            course.lesson_ids = ids
        course.trainer = trainer
        return course
    return make
