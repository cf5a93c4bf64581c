"""Files in the media store: kept once per content hash under the instance folder."""
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from lms.extensions import db
from lms.timeutil import utcnow


class MediaFile(db.Model):
    __tablename__ = "courses_media"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    content_type: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))  # image, pdf, audio or video
    size: Mapped[int]
    original_name: Mapped[str] = mapped_column(String(255), default="")
    alt_text: Mapped[str] = mapped_column(String(300), default="")
    uploaded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def extension(self):
        return {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif",
                "image/webp": "webp", "application/pdf": "pdf", "audio/mpeg": "mp3",
                "audio/ogg": "ogg", "audio/wav": "wav", "video/mp4": "mp4",
                "video/webm": "webm", "video/ogg": "ogv"}.get(self.content_type, "bin")
