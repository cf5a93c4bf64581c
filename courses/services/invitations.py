"""Trainers invite learners by email; accepting enrols them (and creates the account if needed)."""
import re
from datetime import timedelta

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from courses.models import Invitation
from courses.services.progress import ensure_enrolment
from lms import mail
from lms.auth import tokens
from lms.auth.passwords import hash_password
from lms.extensions import db
from lms.models import User
from lms.security import audit
from lms.signals import user_registered
from lms.timeutil import utcnow

PURPOSE = "course_invitation"
ADDRESS = re.compile(r"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$")


def split_addresses(text):
    """(valid addresses, refused pieces) from a list separated by commas, spaces or lines."""
    valid, refused = [], []
    for piece in re.split(r"[\s,;]+", text or ""):
        piece = piece.strip().strip("<>").lower()
        if not piece:
            continue
        if ADDRESS.match(piece) and len(piece) <= 254:
            if piece not in valid:
                valid.append(piece)
        else:
            refused.append(piece)
    return valid, refused


def lifetime():
    return timedelta(days=current_app.config["COURSES_INVITATION_DAYS"])


def user_by_email(email):
    return db.session.scalar(select(User).where(func.lower(User.email) == email.lower()))


def invite(course, emails, cohort, inviter):
    for email in emails:
        row, signed = tokens.issue(PURPOSE, email, lifetime())
        db.session.add(Invitation(course_id=course.id, cohort_id=cohort.id if cohort else None,
                                  email=email, token_id=row.id, invited_by_id=inviter.id))
        invited = user_by_email(email)
        mail.send(mail.compose(email, _l("You are invited to the course %(title)s",
                                         title=course.title),
                               "course_invitation", invited.locale if invited else "en",
                               course=course, inviter=inviter, has_account=invited is not None,
                               link=url_for("courses.accept_invitation", token=signed,
                                            _external=True),
                               days=current_app.config["COURSES_INVITATION_DAYS"]))
    db.session.flush()
    audit("course_invitations_sent", course=course.slug, count=len(emails))


def pending(signed):
    row = tokens.check(PURPOSE, signed, lifetime())
    invitation = db.session.scalar(select(Invitation).where(Invitation.token_id == row.id))
    if invitation is None:
        raise tokens.TokenInvalid()
    return row, invitation


def accept(signed, user):
    row, invitation = pending(signed)
    tokens.consume(row)
    invitation.accepted_at = utcnow()
    ensure_enrolment(user, invitation.course, invitation.cohort_id)
    audit("course_invitation_accepted", subject=user, course=invitation.course.slug)
    return invitation.course


def create_account(email, display_name, password, locale):
    """An account for someone who followed an invitation: the link proves the address."""
    user = User(email=email, display_name=display_name, password_hash=hash_password(password),
                locale=locale, role="learner", email_verified_at=utcnow())
    db.session.add(user)
    db.session.flush()
    audit("signup_by_invitation", subject=user, actor=user)
    user_registered.send(current_app._get_current_object(), user=user)
    return user
