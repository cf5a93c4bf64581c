"""Slowing down and then refusing repeated failed log-ins, per account and per address.

Attempts are rows in the database, so the limits hold across every app instance.
"""
from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select

from lms.extensions import db
from lms.models import LoginAttempt
from lms.timeutil import utcnow


def _failures(column, value, now, window, lock):
    """(failures in the window ending at the newest failure, time of that failure).

    Failures before the last successful log-in do not count. The window is anchored at the
    newest failure, so a lock lasts its full time even as older failures age.
    """
    horizon = now - window - lock
    last_success_id = db.session.scalar(
        select(func.max(LoginAttempt.id)).where(
            column == value, LoginAttempt.success.is_(True), LoginAttempt.created_at >= horizon))
    failed = [column == value, LoginAttempt.success.is_(False),
              LoginAttempt.created_at >= horizon]
    if last_success_id is not None:
        failed.append(LoginAttempt.id > last_success_id)
    last = db.session.scalar(select(func.max(LoginAttempt.created_at)).where(*failed))
    if last is None:
        return 0, None
    count = db.session.scalar(select(func.count(LoginAttempt.id)).where(
        *failed, LoginAttempt.created_at >= last - window))
    return count, last


def seconds_to_wait(email, ip):
    """0 when a log-in may be tried now, else how many seconds until it may."""
    config = current_app.config
    now = utcnow()
    window = timedelta(minutes=config["LOGIN_WINDOW_MINUTES"])
    lock = timedelta(minutes=config["LOGIN_LOCK_MINUTES"])
    waits = [0.0]
    count, last = _failures(LoginAttempt.email, email, now, window, lock)
    if count >= config["LOGIN_LOCK_AFTER"]:
        waits.append((last + lock - now).total_seconds())
    elif count >= config["LOGIN_SLOW_AFTER"]:
        delay = timedelta(seconds=2 ** (count - config["LOGIN_SLOW_AFTER"] + 1))
        waits.append((last + delay - now).total_seconds())
    count, last = _failures(LoginAttempt.ip, ip, now, window, lock)
    if count >= config["LOGIN_IP_LOCK_AFTER"]:
        waits.append((last + lock - now).total_seconds())
    return max(0, int(max(waits) + 0.999))


def record(email, ip, success):
    db.session.add(LoginAttempt(email=email, ip=ip, success=success, created_at=utcnow()))
    db.session.flush()
