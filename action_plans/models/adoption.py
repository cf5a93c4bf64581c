"""Adoption: the numbered, frozen versions of a plan, each partner organisation's decision on
one, and the person an organisation names to sign for it."""
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.extensions import db
from lms.models import Organisation, User
from lms.timeutil import utcnow

VERSION_STATUSES = ("signing", "adopted", "rejected", "superseded")
DECISIONS = ("approved", "approved_with_reservations", "rejected")


class PlanVersion(db.Model):
    """The plan as it was when adoption started: `snapshot` holds its fields, sections, goals,
    actions and indicators as plain JSON; `content_hash` is the SHA-256 of its canonical JSON.
    Status: signing, adopted, rejected, or superseded (adopted, then replaced by a later one)."""
    __tablename__ = "action_plans_plan_version"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("action_plans_plan.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    snapshot: Mapped[dict] = mapped_column(JSON, default=dict)
    content_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="signing")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    adopted_at: Mapped[datetime | None]

    sign_offs: Mapped[list["SignOff"]] = relationship(
        back_populates="version", order_by="SignOff.id", cascade="all, delete-orphan")


class SignOff(db.Model):
    """A partner organisation's decision on a version; one row per partner from the moment
    adoption starts, `decision` "pending" until someone signs for the organisation."""
    __tablename__ = "action_plans_sign_off"
    __table_args__ = (UniqueConstraint("version_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("action_plans_plan_version.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    decision: Mapped[str] = mapped_column(String(32), default="pending")
    comment: Mapped[str] = mapped_column(Text, default="")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None]

    version: Mapped[PlanVersion] = relationship(back_populates="sign_offs")
    organisation: Mapped[Organisation] = relationship()
    decided_by: Mapped[User | None] = relationship()


class Signatory(db.Model):
    """The person an organisation names to sign a plan for it (besides its admins)."""
    __tablename__ = "action_plans_signatory"

    plan_id: Mapped[int] = mapped_column(
        ForeignKey("action_plans_plan.id", ondelete="CASCADE"), primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)

    user: Mapped[User] = relationship()
