"""Comments on a plan's records (sections, goals, actions, indicators): threads of one level of
replies, resolved or open, and the people they mention.

Self-contained on purpose (a later issue moves them onto the core's discussions): a comment
names its record as co-editing does (`record_type` + `record_id`, the kinds of
services/records.py), keeps its Markdown and the sanitised HTML pages show, and its mentions
are rows of their own, each mailed once.
"""
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.extensions import db
from lms.models import User
from lms.timeutil import utcnow


class Comment(db.Model):
    """A comment (`parent_id` None: the top of a thread) or a reply to one. Only the top of a
    thread is resolved or reopened; its replies go with it."""
    __tablename__ = "action_plans_comment"
    __table_args__ = (Index("ix_action_plans_comment_record", "record_type", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("action_plans_plan.id", ondelete="CASCADE"), index=True)
    record_type: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[int]
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_plans_comment.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    edited_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    resolved_by: Mapped[User | None] = relationship(foreign_keys=[resolved_by_id])


class CommentMention(db.Model):
    """A person a comment mentions; `mailed_at` is set when their mail is queued, so each is
    mailed once however often the job runs."""
    __tablename__ = "action_plans_comment_mention"

    comment_id: Mapped[int] = mapped_column(
        ForeignKey("action_plans_comment.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True, index=True)
    mailed_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()
