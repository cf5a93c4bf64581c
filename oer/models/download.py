"""Download counts: per release, format and day (no personal data)."""
from datetime import date

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from lms.extensions import db


class OerDownload(db.Model):
    """How often a release's package was downloaded on one day; nothing about who."""
    __tablename__ = "oer_download"
    __table_args__ = (UniqueConstraint("release_id", "format", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("oer_release.id", ondelete="CASCADE"),
                                            index=True)
    format: Mapped[str] = mapped_column(String(16))
    day: Mapped[date] = mapped_column(Date)
    count: Mapped[int] = mapped_column(default=0)
