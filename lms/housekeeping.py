"""The core's background jobs: mail delivery and the daily clean-up of expired records."""
from datetime import timedelta

from sqlalchemy import delete

from lms import mail
from lms.extensions import db
from lms.jobs import Job, crontab
from lms.models import AccountToken, LoginAttempt, OutgoingMail, ServerSession
from lms.timeutil import utcnow


def cleanup():
    """Delete expired sessions, tokens a month past their expiry, log-in attempts older than a
    day and delivered mail older than a month; {label: rows deleted}."""
    now = utcnow()
    counts = {}
    for label, statement in (
            ("sessions", delete(ServerSession).where(ServerSession.expires_at < now)),
            ("tokens", delete(AccountToken).where(AccountToken.expires_at
                                                  < now - timedelta(days=30))),
            ("log-in attempts", delete(LoginAttempt).where(
                LoginAttempt.created_at < now - timedelta(days=1))),
            ("delivered mails", delete(OutgoingMail).where(
                OutgoingMail.status == "sent", OutgoingMail.sent_at < now - timedelta(days=30)))):
        counts[label] = db.session.execute(statement).rowcount
    return counts


JOBS = [
    Job("core.send_mail", mail.send_stored),
    Job("core.send_due_mail", mail.send_due, schedule=crontab(minute="*")),
    Job("core.cleanup", cleanup, schedule=crontab(hour="3", minute="17")),
]
