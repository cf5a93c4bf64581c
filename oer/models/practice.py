"""A good practice (users read "good-practice blueprint"): the working copy its authors edit,
its authors and the comments exchanged in review. Published versions are `OerRelease`s of the
kind `oer.blueprint` (that name, the URLs and the permissions keep the word users read)."""
from datetime import datetime

from sqlalchemy import JSON, Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.extensions import db
from lms.timeutil import utcnow

# draft: its authors work on it; review: an editor reads it; published: the working copy is the
# newest release (editing it makes it a draft again while the release stays online)
STATUSES = ("draft", "review", "published")
# Markdown fields: the source is kept in <name>_source, the sanitised HTML in <name>
LONG_FIELDS = ("context", "problem", "actors", "resources", "success_factors", "challenges",
               "evidence", "transferability")

practice_authors = Table(
    "oer_practice_author", db.metadata,
    Column("practice_id", ForeignKey("oer_practice.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True))


class Practice(db.Model):
    __tablename__ = "oer_practice"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    context_source: Mapped[str] = mapped_column(Text, default="")
    context: Mapped[str] = mapped_column(Text, default="")
    problem_source: Mapped[str] = mapped_column(Text, default="")
    problem: Mapped[str] = mapped_column(Text, default="")
    # organisation types (lms.models.organisation.ORGANISATION_TYPES) that take part
    actor_types: Mapped[list] = mapped_column(JSON, default=list)
    actors_source: Mapped[str] = mapped_column(Text, default="")
    actors: Mapped[str] = mapped_column(Text, default="")
    # one step per paragraph in the source; the sanitised HTML of each step, in order
    steps_source: Mapped[str] = mapped_column(Text, default="")
    steps: Mapped[list] = mapped_column(JSON, default=list)
    resources_source: Mapped[str] = mapped_column(Text, default="")
    resources: Mapped[str] = mapped_column(Text, default="")
    success_factors_source: Mapped[str] = mapped_column(Text, default="")
    success_factors: Mapped[str] = mapped_column(Text, default="")
    challenges_source: Mapped[str] = mapped_column(Text, default="")
    challenges: Mapped[str] = mapped_column(Text, default="")
    evidence_source: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    transferability_source: Mapped[str] = mapped_column(Text, default="")
    transferability: Mapped[str] = mapped_column(Text, default="")
    integration_area: Mapped[str] = mapped_column(String(32), default="")
    level: Mapped[str] = mapped_column(String(16), default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    contact: Mapped[str] = mapped_column(String(300), default="")
    language: Mapped[str] = mapped_column(String(8), default="en")
    licence: Mapped[str] = mapped_column(String(32), default="")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    # raised by every save: a save from an older version is refused instead of overwriting
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime | None]

    authors: Mapped[list["User"]] = relationship(  # noqa: F821
        secondary=practice_authors, order_by="User.display_name")
    organisation: Mapped["Organisation | None"] = relationship()  # noqa: F821
    comments: Mapped[list["PracticeComment"]] = relationship(
        back_populates="practice", cascade="all, delete-orphan",
        order_by="PracticeComment.created_at")

    def has_author(self, user):
        return user is not None and any(author.id == user.id for author in self.authors)


class PracticeComment(db.Model):
    """A note in a practice's review: a reviewer's comments when returning it to its authors,
    or an author's note when submitting it."""
    __tablename__ = "oer_practice_comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(
        ForeignKey("oer_practice.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # submitted, returned, published, note
    event: Mapped[str] = mapped_column(String(16), default="note")
    body: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    practice: Mapped[Practice] = relationship(back_populates="comments")
    author: Mapped["User | None"] = relationship()  # noqa: F821
