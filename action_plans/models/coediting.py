"""What co-editing keeps: every version of every record people edit, the edits that could not
be merged, and who has a record open now."""
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.extensions import db
from lms.models import User
from lms.timeutil import utcnow


class Revision(db.Model):
    """One state of a record (`record_type` section, goal, action, indicator or plan, and its
    id). `kind`: "saved" (the record's fields after a save, at `version`), "restored" (a save
    that brought back an earlier version), or "edit": what someone submitted from `base_version`
    that could not be merged as it was; it stays here, shown to its author, until resolved."""
    __tablename__ = "action_plans_revision"
    __table_args__ = (Index("ix_action_plans_revision_record", "record_type", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("action_plans_plan.id", ondelete="CASCADE"), index=True)
    record_type: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[int]
    version: Mapped[int]
    base_version: Mapped[int | None]
    kind: Mapped[str] = mapped_column(String(16), default="saved")
    fields: Mapped[dict] = mapped_column(JSON, default=dict)
    merged: Mapped[bool] = mapped_column(default=False)    # saved by merging with another's
    resolved_at: Mapped[datetime | None]                    # edit revisions: when settled
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    author: Mapped[User | None] = relationship()


class Presence(db.Model):
    """Who has a record's edit page open: refreshed by the page while it is open (polling);
    in the database, so every app process sees it."""
    __tablename__ = "action_plans_presence"

    record_type: Mapped[str] = mapped_column(String(16), primary_key=True)
    record_id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    user: Mapped[User] = relationship()
