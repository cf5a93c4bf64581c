"""Member organisations of a network, their themes, and the people who act for them."""
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.extensions import db
from lms.models import Organisation, User
from lms.timeutil import utcnow


class Member(db.Model):
    """An organisation that belongs to a network."""
    __tablename__ = "networks_member"
    __table_args__ = (UniqueConstraint("network_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(
        ForeignKey("networks_network.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    network: Mapped["Network"] = relationship()  # noqa: F821
    organisation: Mapped[Organisation] = relationship()
    theme_rows: Mapped[list["MemberTheme"]] = relationship(
        cascade="all, delete-orphan", order_by="MemberTheme.theme")
    people: Mapped[list["Person"]] = relationship(back_populates="member",
                                                  cascade="all, delete-orphan")

    @property
    def themes(self):
        return [row.theme for row in self.theme_rows]


class MemberTheme(db.Model):
    """A theme a member organisation works on in the network."""
    __tablename__ = "networks_member_theme"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("networks_member.id", ondelete="CASCADE"), primary_key=True)
    theme: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)


class Person(db.Model):
    """A person acting for a member organisation, with one role in the network."""
    __tablename__ = "networks_person"
    __table_args__ = (UniqueConstraint("network_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(
        ForeignKey("networks_network.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("networks_member.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    # shown as a contact person on the network's home
    is_contact: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    member: Mapped[Member] = relationship(back_populates="people")
    user: Mapped[User] = relationship()
