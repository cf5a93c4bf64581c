"""The core's tables: people, organisations, roles, sessions, tokens, invitations, outgoing mail and the audit log."""
from lms.models.audit import AuditEvent
from lms.models.mail import OutgoingMail
from lms.models.invitation import Invitation
from lms.models.organisation import Membership, Organisation
from lms.models.role import RoleAssignment
from lms.models.security import AccountToken, LoginAttempt, ServerSession
from lms.models.user import User

__all__ = ["AuditEvent", "OutgoingMail", "Invitation", "Membership", "Organisation",
           "RoleAssignment", "AccountToken", "LoginAttempt", "ServerSession", "User"]
