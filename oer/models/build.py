"""A release being built by a background job."""
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.extensions import db
from lms.timeutil import utcnow
from oer.models.item import OerRelease


class OerBuild(db.Model):
    """A release being built by a background job from the snapshot frozen when someone chose
    Publish. `queued`, then `building` (with `formats_done` of `formats_total` and the format
    at work), then `done` (with its `release_id`) or `failed` (with the reasons, in the
    publisher's language); nothing of a failed build is published."""
    __tablename__ = "oer_build"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(64))
    key: Mapped[str] = mapped_column(String(64))
    snapshot: Mapped[dict] = mapped_column(JSON)
    requested_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    locale: Mapped[str] = mapped_column(String(8), default="en")
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    formats_total: Mapped[int] = mapped_column(default=0)
    formats_done: Mapped[int] = mapped_column(default=0)
    current_format: Mapped[str] = mapped_column(String(16), default="")
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    release_id: Mapped[int | None] = mapped_column(
        ForeignKey("oer_release.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # set when the job starts and after every format: a building row whose heartbeat stopped
    # belongs to a worker that died
    heartbeat_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]

    release: Mapped[OerRelease | None] = relationship()

    @property
    def pending(self):
        return self.status in ("queued", "building")
