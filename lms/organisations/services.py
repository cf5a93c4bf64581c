"""Creating organisations and managing who belongs to them."""
from datetime import timedelta

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager

from lms import mail, slugs
from lms.auth import tokens
from lms.extensions import db
from lms.models import Membership, Organisation, OrganisationInvitation, User
from lms.security import audit
from lms.signals import organisation_member_added, organisation_member_removed
from lms.timeutil import utcnow

INVITE = "org_invitation"
# first path segments under /organisations/ that are pages, not organisations
RESERVED_SLUGS = frozenset({"new", "invitations"})


def unique_slug(name):
    return slugs.unique_slug(Organisation, name, fallback="organisation", reserved=RESERVED_SLUGS)


def create(founder, **fields):
    organisation = Organisation(slug=unique_slug(fields["name"]), **fields)
    db.session.add(organisation)
    db.session.add(Membership(user=founder, organisation=organisation, role="admin",
                              status="active"))
    db.session.flush()
    audit("organisation_created", organisation=organisation.slug)
    return organisation


def membership(user, organisation):
    if not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(select(Membership).where(
        Membership.user_id == user.id, Membership.organisation_id == organisation.id))


def is_admin(user, organisation):
    found = membership(user, organisation)
    return found is not None and found.status == "active" and found.role == "admin"


def is_member(user, organisation):
    found = membership(user, organisation)
    return found is not None and found.status == "active"


def members(organisation, status="active"):
    return db.session.scalars(
        select(Membership).join(Membership.user).options(contains_eager(Membership.user))
        .where(Membership.organisation_id == organisation.id, Membership.status == status)
        .order_by(User.display_name)).all()


def admin_count(organisation):
    return db.session.scalar(select(func.count(Membership.id)).where(
        Membership.organisation_id == organisation.id, Membership.role == "admin",
        Membership.status == "active"))


def invitation_lifetime():
    return timedelta(days=current_app.config["INVITATION_DAYS"])


def invite(organisation, email, role, inviter):
    row, signed = tokens.issue(INVITE, email, invitation_lifetime())
    db.session.add(OrganisationInvitation(organisation=organisation, email=email, role=role,
                                          invited_by_id=inviter.id, token_id=row.id))
    invited = db.session.scalar(select(User).where(func.lower(User.email) == email))
    mail.send(mail.compose(email, _l("You are invited to join %(name)s",
                                     name=organisation.name),
                           "organisation_invitation", invited.locale if invited else "en",
                           organisation=organisation, inviter=inviter,
                           link=url_for("organisations.accept_invitation", token=signed,
                                        _external=True),
                           days=current_app.config["INVITATION_DAYS"]))
    audit("organisation_invitation_sent", email=email, organisation=organisation.slug, role=role)


def pending_invitation(signed):
    row = tokens.check(INVITE, signed, invitation_lifetime())
    invitation = db.session.scalar(select(OrganisationInvitation)
                                   .where(OrganisationInvitation.token_id == row.id))
    if invitation is None:
        raise tokens.TokenInvalid()
    return row, invitation


def accept(signed, user):
    row, invitation = pending_invitation(signed)
    tokens.consume(row)
    invitation.accepted_at = utcnow()
    found = membership(user, invitation.organisation)
    if found is None:
        found = Membership(user=user, organisation=invitation.organisation)
        db.session.add(found)
    found.status = "active"
    found.role = "admin" if "admin" in (found.role, invitation.role) else "member"
    db.session.flush()
    audit("organisation_member_added", subject=user, organisation=invitation.organisation.slug,
          role=found.role)
    organisation_member_added.send(current_app._get_current_object(), membership=found)
    return invitation.organisation


def approve(found):
    found.status = "active"
    audit("organisation_member_added", subject=found.user, organisation=found.organisation.slug,
          role=found.role)
    organisation_member_added.send(current_app._get_current_object(), membership=found)


def set_role(found, role):
    old = found.role
    found.role = role
    audit("role_changed", subject=found.user, scope=f"organisation:{found.organisation.slug}",
          old=old, new=role)


def remove(found):
    user, organisation = found.user, found.organisation
    db.session.delete(found)
    db.session.flush()
    audit("organisation_member_removed", subject=user, organisation=organisation.slug)
    organisation_member_removed.send(current_app._get_current_object(), user=user,
                                     organisation=organisation)
