"""Outgoing mail: SMTP when MAIL_SERVER is set, else .eml files in instance/outbox/.

`send()` stores the message in the current transaction (table `outgoing_mail`) and asks for
the job `core.send_mail` once that transaction commits: nobody is mailed a link to something
that was rolled back, a request never waits for a mail server, and a message is never lost.
A failed delivery is tried again later, each time waiting twice as long (MAIL_RETRY_MINUTES,
doubled per attempt, at most a day apart), up to MAIL_MAX_ATTEMPTS; a message is claimed
before it is handed to the server, so a job that runs twice does not send it twice.
"""
import logging
import smtplib
import uuid
from datetime import timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale
from sqlalchemy import select, update

from lms import jobs
from lms.extensions import db
from lms.models.mail import OutgoingMail
from lms.timeutil import utcnow

log = logging.getLogger("lms.mail")
# a claim older than this belongs to a worker that died while sending
STALE_CLAIM = timedelta(minutes=15)


def compose(to, subject, template, locale="en", **context):
    """Build a message from `mail/<template>.txt`, in the recipient's language."""
    with force_locale(locale):
        body = render_template(f"mail/{template}.txt", **context)
        subject = str(subject)
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="lms.local")
    message.set_content(body)
    message["Content-Language"] = locale   # after set_content, which resets Content-* headers
    return message


def send(message):
    """Store `message` for delivery once the current transaction commits."""
    row = OutgoingMail(recipient=str(message["To"])[:254], subject=str(message["Subject"])[:300],
                       message=bytes(message), next_attempt_at=utcnow())
    db.session.add(row)
    db.session.flush()
    jobs.enqueue("core.send_mail", row.id)
    return row


def send_stored(mail_id):
    """The job `core.send_mail`: deliver one stored message, unless another job has it."""
    if not _claim(mail_id):
        return False
    row = db.session.get(OutgoingMail, mail_id)
    try:
        deliver(row.message)
    except Exception as error:   # the server refused or is away: try again later
        _failed(row, error)
        db.session.commit()
        return False
    row.status, row.sent_at = "sent", utcnow()
    db.session.commit()
    return True


def send_due():
    """The periodic job `core.send_due_mail`: deliver what is due (retries, and messages whose
    job was lost), and release claims of workers that died while sending."""
    now = utcnow()
    db.session.execute(update(OutgoingMail)
                       .where(OutgoingMail.status == "sending",
                              OutgoingMail.claimed_at < now - STALE_CLAIM)
                       .values(status="pending"))
    db.session.commit()
    due = db.session.scalars(select(OutgoingMail.id).where(
        OutgoingMail.status == "pending", OutgoingMail.next_attempt_at <= now)
        .order_by(OutgoingMail.id).limit(500)).all()
    return sum(1 for mail_id in due if send_stored(mail_id))


def _claim(mail_id):
    now = utcnow()
    claimed = db.session.execute(
        update(OutgoingMail).where(OutgoingMail.id == mail_id, OutgoingMail.status == "pending",
                                   OutgoingMail.next_attempt_at <= now)
        .values(status="sending", claimed_at=now, attempts=OutgoingMail.attempts + 1)
        .execution_options(synchronize_session=False)).rowcount
    db.session.commit()
    return claimed == 1


def _failed(row, error):
    config = current_app.config
    log.warning("mail %s to %s failed (attempt %s): %s", row.id, row.recipient, row.attempts,
                error)
    row.last_error = f"{type(error).__name__}: {error}"[:2000]
    if row.attempts >= config["MAIL_MAX_ATTEMPTS"]:
        row.status = "failed"
        log.error("mail %s to %s failed %s times and is given up", row.id, row.recipient,
                  row.attempts)
        return
    wait = min(config["MAIL_RETRY_MINUTES"] * 2 ** (row.attempts - 1), 24 * 60)
    row.status, row.next_attempt_at = "pending", utcnow() + timedelta(minutes=wait)
    jobs.enqueue("core.send_mail", row.id, delay=wait * 60)


def deliver(raw):
    """Hand one message (its bytes) to the SMTP server, or write it to the outbox folder."""
    config = current_app.config
    if config.get("MAIL_SERVER"):
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30) as smtp:
            if config.get("MAIL_USE_TLS"):
                smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            smtp.send_message(message_from_bytes(raw, policy=policy.default))
        log.info("mail sent")
        return
    outbox = outbox_path()
    outbox.mkdir(parents=True, exist_ok=True)
    path = outbox / f"{_stamp()}-{uuid.uuid4().hex[:8]}.eml"
    temporary = path.with_suffix(".tmp")
    temporary.write_bytes(raw)
    temporary.rename(path)     # readers of the outbox never see half a message
    log.info("mail written to %s", path)


def outbox_path():
    return Path(current_app.config.get("MAIL_OUTBOX") or Path(current_app.instance_path) / "outbox")


def _stamp():
    return utcnow().strftime("%Y%m%dT%H%M%S%f")
