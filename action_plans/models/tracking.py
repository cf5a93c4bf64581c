"""Indicators (on a goal or an action), their measurements, and progress updates on actions."""
from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.extensions import db
from lms.models import Organisation, User
from lms.timeutil import utcnow


class Indicator(db.Model):
    __tablename__ = "action_plans_indicator"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("action_plans_plan.id", ondelete="CASCADE"), index=True)
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_plans_goal.id", ondelete="CASCADE"), index=True)
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_plans_action.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    definition: Mapped[str] = mapped_column(Text, default="")
    level: Mapped[str] = mapped_column(String(8), default="outcome")     # output, outcome, impact
    kind: Mapped[str] = mapped_column(String(16), default="quantitative")  # or qualitative
    unit: Mapped[str] = mapped_column(String(16), default="number")
    direction: Mapped[str] = mapped_column(String(8), default="higher")  # higher/lower is better
    baseline_value: Mapped[float | None]
    baseline_date: Mapped[date | None]
    baseline_source: Mapped[str] = mapped_column(String(200), default="")
    target_value: Mapped[float | None]
    target_date: Mapped[date | None]
    data_source: Mapped[str] = mapped_column(String(200), default="")
    method: Mapped[str] = mapped_column(Text, default="")
    frequency: Mapped[str] = mapped_column(String(16), default="annual")
    disaggregation: Mapped[list] = mapped_column(JSON, default=list)   # ["sex", "age_group"]
    responsible_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"))
    # who approves measurements; None: the network's coordinators
    approver_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    framework_reference: Mapped[str] = mapped_column(String(200), default="")
    library_code: Mapped[str] = mapped_column(String(16), default="")
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    plan: Mapped["Plan"] = relationship()  # noqa: F821
    responsible_organisation: Mapped[Organisation | None] = relationship()
    approver: Mapped[User | None] = relationship()
    measurements: Mapped[list["Measurement"]] = relationship(
        back_populates="indicator", order_by="Measurement.measured_on",
        cascade="all, delete-orphan")


class Measurement(db.Model):
    """A value (or numerator and denominator) at a date; only approved ones count."""
    __tablename__ = "action_plans_measurement"

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(
        ForeignKey("action_plans_indicator.id", ondelete="CASCADE"), index=True)
    value: Mapped[float | None]
    numerator: Mapped[float | None]
    denominator: Mapped[float | None]
    measured_on: Mapped[date]
    disaggregated: Mapped[dict] = mapped_column(JSON, default=dict)  # {"sex": {"female": 12}}
    narrative: Mapped[str] = mapped_column(Text, default="")
    evidence_sha256: Mapped[str] = mapped_column(String(64), default="")
    evidence_name: Mapped[str] = mapped_column(String(200), default="")
    evidence_type: Mapped[str] = mapped_column(String(64), default="")
    # draft, submitted, approved, returned
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    review_comment: Mapped[str] = mapped_column(Text, default="")
    submitted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    submitted_at: Mapped[datetime | None]
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    approved_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    indicator: Mapped[Indicator] = relationship(back_populates="measurements")
    submitted_by: Mapped[User | None] = relationship(foreign_keys=[submitted_by_id])
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])


class ProgressUpdate(db.Model):
    __tablename__ = "action_plans_progress_update"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(
        ForeignKey("action_plans_action.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"))
    status_before: Mapped[str] = mapped_column(String(16))
    status_after: Mapped[str] = mapped_column(String(16))
    progress_before: Mapped[int]
    progress_after: Mapped[int]
    done_text: Mapped[str] = mapped_column(Text, default="")
    blockers: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    author: Mapped[User | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()


class ReminderSent(db.Model):
    """One digest per person per day: running the reminders twice on a day sends nothing new."""
    __tablename__ = "action_plans_reminder_sent"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)
    actions: Mapped[int] = mapped_column(default=0)
    measurements: Mapped[int] = mapped_column(default=0)
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
