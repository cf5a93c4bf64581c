"""One invitation by email into anything that takes people in: an organisation, a course, a
network, a plan's sign-off. The link's token is a core AccountToken (signed, expiring,
single-use); what the invitation is for is its `kind` and `target_id`, which the kind's owner
(the core or a plugin) registered as an `lms.invitations.InvitationKind`."""
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.extensions import db
from lms.models.organisation import Organisation
from lms.timeutil import utcnow


class Invitation(db.Model):
    """`target_id` names a row of the kind's owner (no foreign key: the core knows no plugin's
    table); `organisation` is the invited person's organisation when the kind asks for one, or
    `organisation_name` and `organisation_kind` describe one that accepting creates. `details`
    holds what only the kind reads (a course's cohort)."""
    __tablename__ = "invitations"
    __table_args__ = (Index("ix_invitations_kind_target", "kind", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(64))
    target_id: Mapped[int]
    email: Mapped[str] = mapped_column(String(254))
    role: Mapped[str] = mapped_column(String(16), default="")
    # the language of the mail and, for a new account, its first choice of language
    locale: Mapped[str] = mapped_column(String(8), default="en")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    organisation_name: Mapped[str] = mapped_column(String(200), default="")
    organisation_kind: Mapped[str] = mapped_column(String(32), default="")
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    token_id: Mapped[int] = mapped_column(
        ForeignKey("account_tokens.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    accepted_at: Mapped[datetime | None]

    organisation: Mapped[Organisation | None] = relationship()
    invited_by: Mapped["User | None"] = relationship()  # noqa: F821

    @property
    def organisation_label(self):
        return self.organisation.name if self.organisation else self.organisation_name
