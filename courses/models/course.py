"""A course as trainers author it: the course, its modules and their lessons (the draft)."""
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.extensions import db
from lms.timeutil import utcnow


class Course(db.Model):
    __tablename__ = "courses_course"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(220), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(8), default="en", index=True)
    topic: Mapped[str] = mapped_column(String(32), default="collaboration", index=True)
    licence: Mapped[str] = mapped_column(String(16), default="CC-BY-SA-4.0")
    cover_id: Mapped[int | None] = mapped_column(
        ForeignKey("courses_media.id", ondelete="SET NULL"))
    cover_alt: Mapped[str] = mapped_column(String(300), default="")
    outcomes: Mapped[str] = mapped_column(Text, default="")
    audience: Mapped[str] = mapped_column(Text, default="")
    estimated_hours: Mapped[int | None]
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)  # draft,
    # published or archived; learners see a course once published (and keep it archived)
    enrolment: Mapped[str] = mapped_column(String(16), default="open")  # open, key, invitation
    enrolment_key: Mapped[str] = mapped_column(String(64), default="")
    # the number of the release learners see; 0 while it has never been published
    published_version: Mapped[int] = mapped_column(default=0)
    # a translation points to the course it translates (same structure, text per language)
    translation_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("courses_course.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)

    cover: Mapped["MediaFile | None"] = relationship()  # noqa: F821
    modules: Mapped[list["Module"]] = relationship(
        back_populates="course", cascade="all, delete-orphan", order_by="Module.position")

    @property
    def outcome_list(self):
        return [line.strip("-* \t") for line in self.outcomes.splitlines() if line.strip("-* \t")]

    @property
    def is_public(self):
        return self.status in ("published", "archived") and self.published_version > 0


class Module(db.Model):
    __tablename__ = "courses_module"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(
        ForeignKey("courses_course.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(200))
    # a question for learners to discuss at the end of the module (Markdown, and its HTML)
    discussion_prompt: Mapped[str] = mapped_column(Text, default="")
    discussion_html: Mapped[str] = mapped_column(Text, default="")

    course: Mapped[Course] = relationship(back_populates="modules")
    lessons: Mapped[list["Lesson"]] = relationship(
        back_populates="module", cascade="all, delete-orphan", order_by="Lesson.position")


class Lesson(db.Model):
    """A lesson's id is its stable identity: releases, progress and quizzes refer to it."""
    __tablename__ = "courses_lesson"

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(
        ForeignKey("courses_module.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default="page")  # "page" or "quiz"
    body_source: Mapped[str] = mapped_column(Text, default="")
    body_html: Mapped[str] = mapped_column(Text, default="")
    # when the title or body last changed: translations compare it with what they translated
    content_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    source_lesson_id: Mapped[int | None] = mapped_column(
        ForeignKey("courses_lesson.id", ondelete="SET NULL"), index=True)
    translated_at: Mapped[datetime | None]

    module: Mapped[Module] = relationship(back_populates="lessons")
    source_lesson: Mapped["Lesson | None"] = relationship(remote_side=[id])
