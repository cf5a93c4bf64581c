"""Self-assessment tools: dimensions of statements on a scale, and the answers people give."""
from datetime import datetime

from sqlalchemy import ForeignKey, SmallInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.extensions import db
from lms.timeutil import utcnow

TOOL_STATUSES = ("draft", "published")


class AssessmentTool(db.Model):
    """A questionnaire a learner fills in for their organisation or practice."""
    __tablename__ = "courses_assessment_tool"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(220), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(8), default="en")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    # Scores (0-100 %) below `low_threshold` fall in the first band, from `high_threshold` on in
    # the third; each dimension has one advice text per band.
    low_threshold: Mapped[int] = mapped_column(default=40)
    high_threshold: Mapped[int] = mapped_column(default=75)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    # the course the tool belongs to, if any: shown on its page, edited by its trainers too
    course_id: Mapped[int | None] = mapped_column(
        ForeignKey("courses_course.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    course: Mapped["Course | None"] = relationship()  # noqa: F821
    dimensions: Mapped[list["AssessmentDimension"]] = relationship(
        back_populates="tool", cascade="all, delete-orphan",
        order_by="AssessmentDimension.position")

    @property
    def published(self):
        return self.status == "published"


class AssessmentDimension(db.Model):
    """One aspect of the practice (effectiveness, say), with its statements and advice."""
    __tablename__ = "courses_assessment_dimension"

    id: Mapped[int] = mapped_column(primary_key=True)
    tool_id: Mapped[int] = mapped_column(
        ForeignKey("courses_assessment_tool.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    # Markdown as the trainer wrote it, and the sanitised HTML made from it when saved.
    advice_low: Mapped[str] = mapped_column(Text, default="")
    advice_low_html: Mapped[str] = mapped_column(Text, default="")
    advice_middle: Mapped[str] = mapped_column(Text, default="")
    advice_middle_html: Mapped[str] = mapped_column(Text, default="")
    advice_high: Mapped[str] = mapped_column(Text, default="")
    advice_high_html: Mapped[str] = mapped_column(Text, default="")

    tool: Mapped[AssessmentTool] = relationship(back_populates="dimensions")
    statements: Mapped[list["AssessmentStatement"]] = relationship(
        back_populates="dimension", cascade="all, delete-orphan",
        order_by="AssessmentStatement.position")

    def advice_html(self, band):
        return getattr(self, f"advice_{band}_html")


class AssessmentStatement(db.Model):
    """A statement the learner rates on the scale, from "not at all" to "fully"."""
    __tablename__ = "courses_assessment_statement"

    id: Mapped[int] = mapped_column(primary_key=True)
    dimension_id: Mapped[int] = mapped_column(
        ForeignKey("courses_assessment_dimension.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(String(500))

    dimension: Mapped[AssessmentDimension] = relationship(back_populates="statements")


class AssessmentAttempt(db.Model):
    """One time a person filled in a tool, for one of their organisations or for themselves."""
    __tablename__ = "courses_assessment_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    tool_id: Mapped[int] = mapped_column(
        ForeignKey("courses_assessment_tool.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True)
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)

    tool: Mapped[AssessmentTool] = relationship()
    organisation: Mapped["Organisation | None"] = relationship()  # noqa: F821
    answers: Mapped[list["AssessmentAnswer"]] = relationship(cascade="all, delete-orphan")
    scores: Mapped[list["AssessmentScore"]] = relationship(cascade="all, delete-orphan")


class AssessmentAnswer(db.Model):
    """The point of the scale chosen for one statement: 1-5, or 0 for "not applicable"."""
    __tablename__ = "courses_assessment_answer"
    __table_args__ = (UniqueConstraint("attempt_id", "statement_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(
        ForeignKey("courses_assessment_attempt.id", ondelete="CASCADE"))
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("courses_assessment_statement.id", ondelete="CASCADE"), index=True)
    value: Mapped[int] = mapped_column(SmallInteger)


class AssessmentScore(db.Model):
    """A dimension's score in one attempt, kept so results survive later edits of the tool."""
    __tablename__ = "courses_assessment_score"
    __table_args__ = (UniqueConstraint("attempt_id", "dimension_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(
        ForeignKey("courses_assessment_attempt.id", ondelete="CASCADE"))
    dimension_id: Mapped[int] = mapped_column(
        ForeignKey("courses_assessment_dimension.id", ondelete="CASCADE"), index=True)
    # None when every statement of the dimension was answered "not applicable".
    percent: Mapped[int | None]
