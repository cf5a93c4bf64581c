"""Invitations of a person (and their organisation) into a network, and join requests."""
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.extensions import db
from lms.models import Organisation, User
from lms.timeutil import utcnow
from networks.models.network import Network


class Invitation(db.Model):
    """An emailed, signed, single-use invitation (the link's token is a core AccountToken).

    It names an organisation already on the platform, or the name and type of one that
    accepting creates.
    """
    __tablename__ = "networks_invitation"

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(
        ForeignKey("networks_network.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254))
    role: Mapped[str] = mapped_column(String(16))
    # the language of the mail and, for a new account, its first choice of language
    locale: Mapped[str] = mapped_column(String(8), default="en")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"))
    organisation_name: Mapped[str] = mapped_column(String(200), default="")
    organisation_kind: Mapped[str] = mapped_column(String(32), default="")
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    token_id: Mapped[int] = mapped_column(ForeignKey("account_tokens.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    accepted_at: Mapped[datetime | None]

    network: Mapped[Network] = relationship()
    organisation: Mapped[Organisation | None] = relationship()
    invited_by: Mapped[User | None] = relationship()

    @property
    def organisation_label(self):
        return self.organisation.name if self.organisation else self.organisation_name


class JoinRequest(db.Model):
    """An organisation asks to join; a coordinator approves or declines with a message."""
    __tablename__ = "networks_join_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(
        ForeignKey("networks_network.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"))
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    message: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="pending")
    reply: Mapped[str] = mapped_column(Text, default="")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    network: Mapped[Network] = relationship()
    organisation: Mapped[Organisation] = relationship()
    requested_by: Mapped[User] = relationship(foreign_keys=[requested_by_id])
