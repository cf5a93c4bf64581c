"""Published items, their immutable numbered releases and the packages built for each release."""
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.extensions import db
from lms.timeutil import utcnow


class OerItem(db.Model):
    """One piece of content of a publishable kind, as the catalogue knows it. Its `slug` is
    its public address (/oer/<slug>/) and never changes once given."""
    __tablename__ = "oer_item"
    __table_args__ = (UniqueConstraint("kind", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(64))         # a PublishableKind's name
    key: Mapped[str] = mapped_column(String(64))          # the item's key in its plugin
    slug: Mapped[str] = mapped_column(String(220), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    releases: Mapped[list["OerRelease"]] = relationship(
        back_populates="item", order_by="OerRelease.number")
    @property
    def current_release(self):
        return next((r for r in self.releases if r.is_current), None)


class OerRelease(db.Model):
    """An immutable, numbered release built from a frozen snapshot (`snapshot`, the
    `lms.publishing.Snapshot` as a dict). The columns beside it copy what the catalogue
    filters and sorts on."""
    __tablename__ = "oer_release"
    __table_args__ = (UniqueConstraint("item_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("oer_item.id", ondelete="CASCADE"),
                                         index=True)
    number: Mapped[int]
    published_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    published_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(8), index=True)
    licence: Mapped[str] = mapped_column(String(32), index=True)
    resource_type: Mapped[str] = mapped_column(String(32), index=True)
    integration_area: Mapped[str] = mapped_column(String(64), default="", index=True)
    country: Mapped[str] = mapped_column(String(2), default="", index=True)
    level: Mapped[str] = mapped_column(String(16), default="", index=True)
    snapshot: Mapped[dict] = mapped_column(JSON)
    # when the release was published or, later, withdrawn: OAI-PMH's datestamp
    changed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    withdrawn_at: Mapped[datetime | None] = mapped_column(index=True)
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="")
    # True on the newest release of its item that is not withdrawn: what /oer/<slug>/ shows
    # and what the catalogue lists (at most one per item)
    is_current: Mapped[bool] = mapped_column(default=False, index=True)

    item: Mapped[OerItem] = relationship(back_populates="releases")
    packages: Mapped[list["OerPackage"]] = relationship(
        back_populates="release", cascade="all, delete-orphan", order_by="OerPackage.format")

    @property
    def withdrawn(self):
        return self.withdrawn_at is not None


class OerPackage(db.Model):
    """A built file of one release in one format, stored once per content hash under
    `instance/oer/packages/`."""
    __tablename__ = "oer_package"
    __table_args__ = (UniqueConstraint("release_id", "format"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("oer_release.id", ondelete="CASCADE"))
    format: Mapped[str] = mapped_column(String(16))       # imscc, scorm12, html, epub, pdf
    filename: Mapped[str] = mapped_column(String(255))    # as downloaded, e.g. x-v2.imscc
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64), index=True)

    release: Mapped[OerRelease] = relationship(back_populates="packages")
