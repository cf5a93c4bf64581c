"""The core's tables: people, organisations, roles, sessions, tokens, outgoing mail and the audit log."""
from lms.models.audit import AuditEvent
from lms.models.mail import OutgoingMail
from lms.models.organisation import Membership, Organisation, OrganisationInvitation
from lms.models.role import RoleAssignment
from lms.models.security import AccountToken, LoginAttempt, ServerSession
from lms.models.user import User

__all__ = ["AuditEvent", "OutgoingMail", "Membership", "Organisation", "OrganisationInvitation",
           "RoleAssignment", "AccountToken", "LoginAttempt", "ServerSession", "User"]
