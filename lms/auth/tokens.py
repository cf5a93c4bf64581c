"""Signed, expiring, single-use links (email verification, password reset, invitations).

The link carries a random secret signed with the app's key; the database keeps the secret's
hash, its expiry and whether it was used, so a link works once, on any app instance.
"""
import hashlib
import secrets
from datetime import timedelta

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select, update

from lms.extensions import db
from lms.models import AccountToken
from lms.timeutil import utcnow


class TokenError(Exception):
    reason = "invalid"


class TokenInvalid(TokenError):
    reason = "invalid"


class TokenExpired(TokenError):
    reason = "expired"


class TokenUsed(TokenError):
    reason = "used"


def _serializer(purpose):
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"lms-token-{purpose}")


def _hash(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


def issue(purpose, email, lifetime: timedelta, user=None):
    """Store a new token and return (row, signed string for the link)."""
    secret = secrets.token_urlsafe(24)
    row = AccountToken(purpose=purpose, secret_hash=_hash(secret), email=email,
                       user_id=user.id if user else None, expires_at=utcnow() + lifetime)
    db.session.add(row)
    db.session.flush()
    return row, _serializer(purpose).dumps(secret)


def check(purpose, signed, lifetime: timedelta):
    """The unused, unexpired token behind `signed`, or a TokenError saying what is wrong."""
    try:
        secret = _serializer(purpose).loads(signed, max_age=int(lifetime.total_seconds()))
    except SignatureExpired as exc:
        raise TokenExpired() from exc
    except BadSignature as exc:
        raise TokenInvalid() from exc
    row = db.session.scalar(select(AccountToken).where(
        AccountToken.secret_hash == _hash(str(secret)), AccountToken.purpose == purpose))
    if row is None:
        raise TokenInvalid()
    if row.used_at is not None:
        raise TokenUsed()
    if row.expires_at <= utcnow():
        raise TokenExpired()
    return row


def consume(row):
    """Mark the token used; only one request anywhere can win, the others get TokenUsed."""
    result = db.session.execute(
        update(AccountToken).where(AccountToken.id == row.id, AccountToken.used_at.is_(None))
        .values(used_at=utcnow()).execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise TokenUsed()
    row.used_at = utcnow()
