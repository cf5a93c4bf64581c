"""Creating organisations and managing who belongs to them."""
from flask import current_app, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager

from lms import invitations as invitation_kinds, slugs
from lms.extensions import db
from lms.invitations import Welcome, services as invitations
from lms.models import Membership, Organisation, User
from lms.security import audit
from lms.signals import organisation_member_added, organisation_member_removed

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


def invite(organisation, email, role, inviter):
    invitations.send(invitation_kind(), organisation, email, inviter,
                     _l("You are invited to join %(name)s", name=organisation.name),
                     "organisation_invitation", role=role, for_organisation=organisation,
                     organisation=organisation)
    audit("organisation_invitation_sent", email=email, organisation=organisation.slug, role=role)


def invitation_kind():
    return invitation_kinds.kind("core.organisation")


def invited_to(organisation_id):
    return db.session.get(Organisation, organisation_id)


def accept_invitation(invitation, organisation, user):
    """What accepting an invitation into an organisation does: active membership, admin when
    either the invitation or an earlier membership says so."""
    found = membership(user, organisation)
    if found is None:
        found = Membership(user=user, organisation=organisation)
        db.session.add(found)
    found.status = "active"
    found.role = "admin" if "admin" in (found.role, invitation.role) else "member"
    db.session.flush()
    audit("organisation_member_added", subject=user, organisation=organisation.slug,
          role=found.role)
    organisation_member_added.send(current_app._get_current_object(), membership=found)
    return Welcome(_l("Welcome to %(name)s.", name=organisation.name),
                   url_for("organisations.show", slug=organisation.slug))


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
