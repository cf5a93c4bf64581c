"""Learners in a course: enrolments, cohorts, lessons done and completions."""
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.extensions import db
from lms.timeutil import utcnow


class Cohort(db.Model):
    """A group of learners in one course, e.g. all staff of one organisation."""
    __tablename__ = "courses_cohort"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(
        ForeignKey("courses_course.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Enrolment(db.Model):
    __tablename__ = "courses_enrolment"
    __table_args__ = (UniqueConstraint("user_id", "course_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    course_id: Mapped[int] = mapped_column(
        ForeignKey("courses_course.id", ondelete="CASCADE"), index=True)
    cohort_id: Mapped[int | None] = mapped_column(
        ForeignKey("courses_cohort.id", ondelete="SET NULL"), index=True)
    enrolled_at: Mapped[datetime] = mapped_column(default=utcnow)
    # "continue where you left off": the lesson identity last opened
    last_lesson_id: Mapped[int | None]
    last_activity_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped["User"] = relationship()  # noqa: F821
    course: Mapped["Course"] = relationship()  # noqa: F821
    cohort: Mapped[Cohort | None] = relationship()


class Progress(db.Model):
    """A lesson done by a learner (for a quiz: passed). Keyed by the lesson's identity."""
    __tablename__ = "courses_progress"
    __table_args__ = (UniqueConstraint("user_id", "lesson_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    course_id: Mapped[int] = mapped_column(
        ForeignKey("courses_course.id", ondelete="CASCADE"), index=True)
    lesson_id: Mapped[int] = mapped_column(index=True)
    done_at: Mapped[datetime] = mapped_column(default=utcnow)


class Completion(db.Model):
    """A completed course: the certificate and the Open Badges assertion hang on it."""
    __tablename__ = "courses_completion"
    __table_args__ = (UniqueConstraint("user_id", "course_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    course_id: Mapped[int] = mapped_column(
        ForeignKey("courses_course.id", ondelete="CASCADE"), index=True)
    release_number: Mapped[int]
    completed_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]

    user: Mapped["User"] = relationship()  # noqa: F821
    course: Mapped["Course"] = relationship()  # noqa: F821
