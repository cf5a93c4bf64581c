"""Published versions: a snapshot of a course's outline and lesson texts that learners read."""
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from lms.extensions import db
from lms.timeutil import utcnow


class Release(db.Model):
    __tablename__ = "courses_release"
    __table_args__ = (UniqueConstraint("course_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses_course.id", ondelete="CASCADE"))
    number: Mapped[int]
    published_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    # [{"id": module id, "title": ..., "discussion": the prompt's HTML or "",
    #   "lessons": [{"id": lesson id, "title": ..., "kind": ...}]}]
    # (releases made before modules had prompts lack "id" and "discussion")
    outline: Mapped[list] = mapped_column(JSON, default=list)
    lesson_count: Mapped[int] = mapped_column(default=0)

    @property
    def lesson_ids(self):
        return [lesson["id"] for module in self.outline for lesson in module["lessons"]]


class ReleasedLesson(db.Model):
    """A lesson's text as published in one release; `lesson_id` is the lesson's identity."""
    __tablename__ = "courses_released_lesson"
    __table_args__ = (UniqueConstraint("release_id", "lesson_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(
        ForeignKey("courses_release.id", ondelete="CASCADE"))
    lesson_id: Mapped[int] = mapped_column(index=True)
    module_title: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    body_html: Mapped[str] = mapped_column(Text, default="")
    # a quiz lesson's settings and questions as published (courses.quizzes.services.loading
    # .snapshot); None for a page, and for quizzes published before quizzes had versions.
    # Deferred: the lesson page does not need it.
    quiz: Mapped[dict | None] = mapped_column(JSON, deferred=True)
