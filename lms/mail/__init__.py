"""Outgoing mail: SMTP when MAIL_SERVER is set, else .eml files in instance/outbox/.

Inside a request, messages wait until the request's transaction has committed, so nobody is
mailed a link to something that was rolled back.
"""
import logging
import smtplib
import uuid
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from flask import current_app, g, has_request_context, render_template
from flask_babel import force_locale

log = logging.getLogger("lms.mail")


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
    if has_request_context():
        g.setdefault("outgoing_mail", []).append(message)
    else:
        deliver(message)


def deliver_queued():
    for message in g.pop("outgoing_mail", []):
        deliver(message)


def discard_queued():
    g.pop("outgoing_mail", None)


def deliver(message):
    config = current_app.config
    if config.get("MAIL_SERVER"):
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30) as smtp:
            if config.get("MAIL_USE_TLS"):
                smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            smtp.send_message(message)
        log.info("mail sent to %s: %s", message["To"], message["Subject"])
        return
    outbox = outbox_path()
    outbox.mkdir(parents=True, exist_ok=True)
    path = outbox / f"{_stamp()}-{uuid.uuid4().hex[:8]}.eml"
    path.write_bytes(bytes(message))
    log.info("mail to %s written to %s: %s", message["To"], path, message["Subject"])


def outbox_path():
    return Path(current_app.config.get("MAIL_OUTBOX") or Path(current_app.instance_path) / "outbox")


def _stamp():
    from lms.timeutil import utcnow
    return utcnow().strftime("%Y%m%dT%H%M%S%f")
