"""Certificates and Open Badges 2.0 hosted assertions for completed courses."""
import hashlib
import hmac
import re

from flask import current_app, url_for
from sqlalchemy import select

from courses.models import Completion
from lms.extensions import db
from lms.security import audit
from lms.timeutil import utcnow

CONTEXT = "https://w3id.org/openbadges/v2"


CODE = re.compile(r"^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$")


def find(code):
    """The completion with this certificate code (any case), or None for an unknown code."""
    code = (code or "").strip().upper()
    if not CODE.match(code):
        return None
    return db.session.scalar(select(Completion).where(Completion.code == code))


def revoke(completion):
    if completion.revoked_at is None:
        completion.revoked_at = utcnow()
        db.session.flush()
        audit("course_certificate_revoked", subject=completion.user, code=completion.code)


def issuer():
    return {"@context": CONTEXT, "type": "Issuer",
            "id": url_for("courses.badge_issuer", _external=True),
            "name": current_app.config["SITE_NAME"],
            "url": url_for("core.home", _external=True),
            "description": "Open learning platform for people who work on the inclusion of "
                           "migrants and refugees."}


def badge_class(course):
    return {"@context": CONTEXT, "type": "BadgeClass",
            "id": url_for("courses.badge_class", slug=course.slug, _external=True),
            "name": course.title,
            "description": course.summary or course.title,
            "image": url_for("courses.badge_image", slug=course.slug, _external=True),
            "criteria": {"id": url_for("courses.show", slug=course.slug, _external=True),
                         "narrative": "Completed every lesson and passed every quiz of the "
                                      "course."},
            "issuer": url_for("courses.badge_issuer", _external=True),
            "tags": [course.topic, course.language]}


def salt_for(completion):
    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, f"badge-{completion.code}".encode(), hashlib.sha256).hexdigest()[:16]


def assertion(completion):
    salt = salt_for(completion)
    identity = hashlib.sha256((completion.user.email.lower() + salt).encode()).hexdigest()
    document = {
        "@context": CONTEXT, "type": "Assertion",
        "id": url_for("courses.badge_assertion", code=completion.code, _external=True),
        "recipient": {"type": "email", "hashed": True, "salt": salt,
                      "identity": f"sha256${identity}"},
        "badge": url_for("courses.badge_class", slug=completion.course.slug, _external=True),
        "issuedOn": completion.completed_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "verification": {"type": "hosted"},
        "evidence": url_for("courses.verify", code=completion.code, _external=True),
        "image": url_for("courses.badge_image", slug=completion.course.slug, _external=True),
    }
    if completion.revoked_at is not None:
        document["revoked"] = True
        document["revocationReason"] = "Revoked by the course's trainers."
    return document


def badge_image(course):
    """What the badge image shows (`courses/badge.svg`): the course's title and up to three
    initials of its words ("C" when it has none)."""
    words = [w for w in course.title.split() if w[:1].isalnum()]
    initials = "".join(w[0] for w in words[:3]).upper() or "C"
    return {"title": course.title, "initials": initials}
