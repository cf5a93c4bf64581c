"""A network: the organisations of one region working together on inclusion."""
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.extensions import db
from lms.timeutil import utcnow


class Network(db.Model):
    __tablename__ = "networks_network"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(220), unique=True)
    region: Mapped[str] = mapped_column(String(120), default="")
    country: Mapped[str] = mapped_column(String(2))
    description: Mapped[str] = mapped_column(Text, default="")
    # sanitised HTML made from `description` when it is saved; pages show only this
    description_html: Mapped[str] = mapped_column(Text, default="")
    visibility: Mapped[str] = mapped_column(String(16), default="public")
    # sha256 of the logo's bytes: its file name under the instance folder, and its URL
    logo_hash: Mapped[str] = mapped_column(String(64), default="")
    logo_type: Mapped[str] = mapped_column(String(32), default="")
    logo_alt: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    theme_rows: Mapped[list["NetworkTheme"]] = relationship(
        cascade="all, delete-orphan", order_by="NetworkTheme.theme")

    @property
    def themes(self):
        return [row.theme for row in self.theme_rows]

    @property
    def is_public(self):
        return self.visibility == "public"


class NetworkTheme(db.Model):
    __tablename__ = "networks_network_theme"

    network_id: Mapped[int] = mapped_column(
        ForeignKey("networks_network.id", ondelete="CASCADE"), primary_key=True)
    theme: Mapped[str] = mapped_column(String(32), primary_key=True)
