"""The request class, response headers, safe redirects and the audit log helper."""
from urllib.parse import urlsplit

import flask
from flask import request
from flask_login import current_user
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.utils import cached_property

from lms.extensions import db
from lms.models import AuditEvent


CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))


class Request(flask.Request):
    """The app's requests: query values come without NUL characters, which no one types and
    PostgreSQL can neither store nor compare (a search for one answered 500)."""

    @cached_property
    def args(self):
        parsed = super().args
        if not any("\x00" in value for value in parsed.values()):
            return parsed
        return ImmutableMultiDict([(name, value.replace("\x00", ""))
                                   for name, value in parsed.items(multi=True)])


def set_security_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    return response


def safe_next(target, fallback="/"):
    """`target` when it is a path on this site, else `fallback`: no open redirects."""
    if not target:
        return fallback
    target = target.strip()
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") \
            or "\\" in target or any(ord(ch) < 32 for ch in target):
        return fallback
    return target


def client_ip():
    return request.remote_addr or ""


def audit(event, subject=None, email="", actor=None, **details):
    """Record a security-relevant event; it is committed with the request."""
    if actor is None and current_user and current_user.is_authenticated:
        actor = current_user
    db.session.add(AuditEvent(
        event=event, actor_id=actor.id if actor else None,
        subject_id=subject.id if subject else None,
        email=email or (subject.email if subject else ""),
        ip=client_ip() if request else "", details=details))
