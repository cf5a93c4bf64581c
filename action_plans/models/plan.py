"""A regional action plan and what it is made of: narrative sections, goals (general and
specific objectives), actions with their partners, milestones and dependencies.

Every record people edit carries `version` (1 when made, +1 at every save): a save made from
an older version is merged, never written over (services/coediting.py).
"""
from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Integer, Numeric, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.extensions import db
from lms.models import Organisation
from lms.timeutil import utcnow

PHASES = ("drafting", "consultation", "adoption", "implementation", "evaluation", "closed")


class Plan(db.Model):
    __tablename__ = "action_plans_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(
        ForeignKey("networks_network.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(220), unique=True)
    territory: Mapped[str] = mapped_column(String(200), default="")
    period_start: Mapped[date]
    period_end: Mapped[date]
    summary: Mapped[str] = mapped_column(Text, default="")
    phase: Mapped[str] = mapped_column(String(16), default="drafting")
    # "network": its members only; "public": everyone, once a version is adopted
    visibility: Mapped[str] = mapped_column(String(16), default="network")
    licence: Mapped[str] = mapped_column(String(16), default="CC-BY-4.0")
    language: Mapped[str] = mapped_column(String(8), default="en")
    version: Mapped[int] = mapped_column(default=1)
    # one more at every write to the plan or anything of it, in the same transaction: what
    # pages render from the plan is kept under it (services/generation.py)
    generation: Mapped[int] = mapped_column(default=0, server_default="0")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    network: Mapped["Network"] = relationship()  # noqa: F821
    sections: Mapped[list["Section"]] = relationship(
        back_populates="plan", order_by="Section.position", cascade="all, delete-orphan")
    goals: Mapped[list["Goal"]] = relationship(
        back_populates="plan", order_by="Goal.position", cascade="all, delete-orphan")


class Section(db.Model):
    """A narrative part of the plan (context, needs analysis, vision, governance, or one the
    editors add), in Markdown; `body_html` is what pages show, sanitised at save."""
    __tablename__ = "action_plans_section"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("action_plans_plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    key: Mapped[str] = mapped_column(String(32), default="")   # context, needs, ... or ""
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    body_html: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    plan: Mapped[Plan] = relationship(back_populates="sections")


class Goal(db.Model):
    """A general objective (parent None) or a specific objective under one."""
    __tablename__ = "action_plans_goal"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("action_plans_plan.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_plans_goal.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    code: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    description_html: Mapped[str] = mapped_column(Text, default="")
    thematic_area: Mapped[str] = mapped_column(String(32), default="")
    target_groups: Mapped[str] = mapped_column(Text, default="")
    assumptions: Mapped[str] = mapped_column(Text, default="")
    risks: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    plan: Mapped[Plan] = relationship(back_populates="goals")
    parent: Mapped["Goal | None"] = relationship(remote_side=[id])


action_dependencies = Table(
    "action_plans_action_dependency", db.metadata,
    Column("action_id", Integer, ForeignKey("action_plans_action.id", ondelete="CASCADE"),
           primary_key=True),
    Column("depends_on_id", Integer, ForeignKey("action_plans_action.id", ondelete="CASCADE"),
           primary_key=True),
)


class Action(db.Model):
    __tablename__ = "action_plans_action"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("action_plans_plan.id", ondelete="CASCADE"), index=True)
    goal_id: Mapped[int] = mapped_column(
        ForeignKey("action_plans_goal.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    code: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    description_html: Mapped[str] = mapped_column(Text, default="")
    lead_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True)
    contact_person: Mapped[str] = mapped_column(String(200), default="")
    planned_start: Mapped[date | None]
    planned_end: Mapped[date | None]
    actual_start: Mapped[date | None]
    actual_end: Mapped[date | None]
    # planned, in_progress, done, delayed, cancelled
    status: Mapped[str] = mapped_column(String(16), default="planned")
    progress: Mapped[int] = mapped_column(default=0)
    # "entered" by people, or "milestones": the share of milestones done
    progress_from: Mapped[str] = mapped_column(String(16), default="entered")
    weight: Mapped[int] = mapped_column(default=1)
    priority: Mapped[str] = mapped_column(String(8), default="medium")
    budget: Mapped[float | None] = mapped_column(Numeric(14, 2))
    funding_source: Mapped[str] = mapped_column(String(200), default="")
    target_group: Mapped[str] = mapped_column(String(200), default="")
    planned_beneficiaries: Mapped[int | None]
    expected_outputs: Mapped[str] = mapped_column(Text, default="")
    # the kinds of organisation a good-practice blueprint involves, or organisations of a copied
    # plan that are not in this network: a hint for editors, one per line, never a partner
    suggested_partners: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    goal: Mapped[Goal] = relationship()
    lead_organisation: Mapped[Organisation | None] = relationship()
    partners: Mapped[list["ActionPartner"]] = relationship(
        back_populates="action", cascade="all, delete-orphan")
    milestones: Mapped[list["Milestone"]] = relationship(
        back_populates="action", order_by="Milestone.due_date", cascade="all, delete-orphan")
    depends_on: Mapped[list["Action"]] = relationship(
        secondary=action_dependencies, primaryjoin=id == action_dependencies.c.action_id,
        secondaryjoin=id == action_dependencies.c.depends_on_id)


class ActionPartner(db.Model):
    """An organisation taking part in an action: lead, support or funder."""
    __tablename__ = "action_plans_action_partner"

    action_id: Mapped[int] = mapped_column(
        ForeignKey("action_plans_action.id", ondelete="CASCADE"), primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(16), default="support")

    action: Mapped[Action] = relationship(back_populates="partners")
    organisation: Mapped[Organisation] = relationship()


class Milestone(db.Model):
    __tablename__ = "action_plans_milestone"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(
        ForeignKey("action_plans_action.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    due_date: Mapped[date | None]
    done: Mapped[bool] = mapped_column(default=False)

    action: Mapped[Action] = relationship(back_populates="milestones")


__all__ = ["PHASES", "Plan", "Section", "Goal", "Action", "ActionPartner", "Milestone",
           "action_dependencies"]
