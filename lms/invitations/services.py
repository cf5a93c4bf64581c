"""Sending, finding, accepting and withdrawing invitations of every kind."""
import re
from datetime import timedelta

from flask import current_app, url_for
from sqlalchemy import func, select

from lms import mail
from lms.auth import tokens
from lms.auth.passwords import hash_password
from lms.extensions import db
from lms.invitations import Refused
from lms.models import AccountToken, Invitation, User
from lms.security import audit
from lms.signals import user_registered
from lms.timeutil import utcnow

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


def days(kind):
    return current_app.config[kind.days_setting]


def lifetime(kind):
    return timedelta(days=days(kind))


def user_by_email(email):
    return db.session.scalar(select(User).where(func.lower(User.email) == email.lower()))


def send(kind, target, email, inviter, subject, template, *, role="", locale="en",
         for_organisation=None, organisation_name="", organisation_kind="", details=None,
         **context):
    """Store an invitation and mail its link, in the invited person's language when they have
    an account (else `locale`). `for_organisation` is the invited person's organisation, or
    `organisation_name` and `organisation_kind` describe a new one. The mail template gets
    `link`, `days`, `inviter`, `has_account` and `context`."""
    existing = user_by_email(email)
    row, signed = tokens.issue(kind.purpose, email, lifetime(kind))
    invitation = Invitation(kind=kind.name, target_id=target.id, email=email, role=role,
                            locale=locale, organisation=for_organisation,
                            organisation_name=organisation_name,
                            organisation_kind=organisation_kind, details=details or {},
                            invited_by_id=inviter.id, token_id=row.id)
    db.session.add(invitation)
    db.session.flush()
    mail.send(mail.compose(email, subject, template, existing.locale if existing else locale,
                           link=url_for(kind.endpoint, token=signed, _external=True),
                           days=days(kind), inviter=inviter, has_account=existing is not None,
                           **context))
    return invitation


def open_invitations(kind, target):
    """Invitations into `target` not yet accepted whose link still works, newest first."""
    return db.session.scalars(
        select(Invitation).join(AccountToken, AccountToken.id == Invitation.token_id)
        .where(Invitation.kind == kind.name, Invitation.target_id == target.id,
               AccountToken.used_at.is_(None), AccountToken.expires_at > utcnow())
        .order_by(Invitation.created_at.desc())).all()


def find(kind, target, invitation_id):
    """The invitation with this id into `target`, or None."""
    found = db.session.get(Invitation, invitation_id)
    if found is None or found.kind != kind.name or found.target_id != target.id:
        return None
    return found


def pending(kind, signed):
    """(invitation, its target) behind a link, or a TokenError saying what is wrong with it."""
    row = tokens.check(kind.purpose, signed, lifetime(kind))
    invitation = db.session.scalar(select(Invitation).where(
        Invitation.token_id == row.id, Invitation.kind == kind.name))
    target = kind.target(invitation.target_id) if invitation is not None else None
    if target is None:
        raise tokens.TokenInvalid()
    return invitation, target


def accept(kind, signed, user):
    """Use the link for `user`: the kind's `accept` says what that means and where to go next.
    Raises a TokenError or `Refused`; the caller rolls back then, so the link stays unused."""
    invitation, target = pending(kind, signed)
    tokens.consume(db.session.get(AccountToken, invitation.token_id))
    invitation.accepted_at = utcnow()
    return kind.accept(invitation, target, user)


def withdraw(invitation):
    """The link stops working (TokenUsed when it was used meanwhile)."""
    tokens.consume(db.session.get(AccountToken, invitation.token_id))


def create_account(kind, invitation, display_name, password, locale):
    """An account for someone who followed an invitation: the link proves the address."""
    user = User(email=invitation.email, display_name=display_name,
                password_hash=hash_password(password), locale=locale, role="learner",
                email_verified_at=utcnow())
    db.session.add(user)
    db.session.flush()
    audit("signup", subject=user, actor=user, via=kind.purpose)
    user_registered.send(current_app._get_current_object(), user=user)
    return user


__all__ = ["Refused", "accept", "create_account", "find", "open_invitations", "pending",
           "send", "split_addresses", "user_by_email", "withdraw"]
