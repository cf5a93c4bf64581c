"""One entry of a network's activity feed, stored when a plugin records activity."""
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.extensions import db
from lms.models import User
from lms.timeutil import utcnow


class Event(db.Model):
    __tablename__ = "networks_event"
    __table_args__ = (Index("ix_networks_event_network_id_created_at", "network_id",
                            "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks_network.id", ondelete="CASCADE"))
    verb: Mapped[str] = mapped_column(String(64))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(300), default="")
    url: Mapped[str] = mapped_column(String(500), default="")
    # public events are shown to everyone who may see the network; the others to members
    public: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    actor: Mapped[User | None] = relationship()
