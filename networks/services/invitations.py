"""Invitations into a network by email (the core's invitations, of the kind declared here) and
join requests."""
from flask import current_app, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager

from lms import mail
from lms.extensions import db
from lms.invitations import InvitationKind, Refused, Welcome, services as invitations
from lms.models import Membership
from lms.organisations import services as organisations
from lms.security import audit
from lms.signals import organisation_member_added
from lms.timeutil import utcnow
from networks import ROLE_LABELS
from networks.services.mailing import coordinators, home_link, notify, people_link
from networks.services.membership import RuleError, add_person, member_of, person_of
from networks.models import JoinRequest, Network

def open_invitations(network):
    """Invitations not yet accepted whose link still works."""
    return invitations.open_invitations(KIND, network)


def find(network, invitation_id):
    return invitations.find(KIND, network, invitation_id)


def invite(network, inviter, email, role, organisation=None, organisation_name="",
           organisation_kind="", locale="en"):
    existing = invitations.user_by_email(email)
    if existing is not None and person_of(network, existing) is not None:
        raise RuleError(_l("%(email)s is already a member of this network.", email=email))
    if any(i.email.lower() == email.lower() for i in open_invitations(network)):
        raise RuleError(_l("%(email)s has already been invited and can still use that "
                           "invitation. Withdraw it first to send a new one.", email=email))
    label = organisation.name if organisation is not None else organisation_name
    invitation = invitations.send(
        KIND, network, email, inviter,
        _l("You are invited to join the network %(name)s", name=network.name),
        "networks_invitation", role=role, locale=locale, for_organisation=organisation,
        organisation_name=organisation_name, organisation_kind=organisation_kind,
        network=network, organisation=label, role_label=ROLE_LABELS[role])
    audit("network_invitation_sent", email=email, network=network.slug, role=role,
          organisation=label)
    return invitation


def withdraw(network, invitation, actor):
    invitations.withdraw(invitation)
    existing = invitations.user_by_email(invitation.email)
    audit("network_invitation_withdrawn", email=invitation.email, network=network.slug)
    mail.send(mail.compose(
        invitation.email, _l("Your invitation to %(network)s", network=network.name),
        "networks_notice", existing.locale if existing else "en",
        name=existing.display_name if existing else "",
        text=_l("%(actor)s has withdrawn your invitation to %(network)s; the link no longer "
                "works.", actor=actor.display_name, network=network.name),
        link=home_link(network)))


def _organisation_for(invitation, network, user):
    """The invited organisation, created now when the invitation named a new one."""
    if invitation.organisation is not None:
        return invitation.organisation
    return organisations.create(user, name=invitation.organisation_name,
                                kind=invitation.organisation_kind, country=network.country,
                                region=network.region)


def _ensure_membership(user, organisation):
    found = organisations.membership(user, organisation)
    if found is not None and found.status == "active":
        return
    if found is None:
        found = Membership(user=user, organisation=organisation, role="member")
        db.session.add(found)
    found.status = "active"
    db.session.flush()
    audit("organisation_member_added", subject=user, organisation=organisation.slug,
          role=found.role, via="network_invitation")
    organisation_member_added.send(current_app._get_current_object(), membership=found)


def accept(invitation, network, user):
    """What accepting an invitation into a network does: the person joins for the invited
    organisation (created now if it is new), with the invited role."""
    if person_of(network, user) is not None:
        raise Refused(_l("You are already a member of this network."))
    organisation = _organisation_for(invitation, network, user)
    _ensure_membership(user, organisation)
    try:
        add_person(network, organisation, user, invitation.role)
    except RuleError as exc:
        raise Refused(exc.message) from exc
    audit("network_invitation_accepted", subject=user, network=network.slug,
          role=invitation.role)
    if invitation.invited_by is not None:
        notify([invitation.invited_by],
               _l("%(name)s has joined %(network)s", name=user.display_name,
                  network=network.name),
               _l("%(name)s has accepted your invitation and joined %(network)s for "
                  "%(organisation)s.", name=user.display_name, network=network.name,
                  organisation=organisation.name), people_link(network))
    return Welcome(_l("Welcome to %(name)s.", name=network.name),
                   url_for("networks.home", slug=network.slug))


def _title(network):
    return _("Join %(name)s", name=network.name)


def _network(network_id):
    return db.session.get(Network, network_id)


KIND = InvitationKind(
    "networks.network", purpose="network_invitation", days_setting="INVITATION_DAYS",
    endpoint="networks.accept_invitation", target=_network, title=_title, accept=accept,
    lead="networks/_invitation.html", layout="networks/_layout.html",
    create_label=_l("Create my account and join"), roles=ROLE_LABELS)


def pending_requests(network):
    return db.session.scalars(
        select(JoinRequest).join(JoinRequest.organisation).join(JoinRequest.requested_by)
        .options(contains_eager(JoinRequest.organisation),
                 contains_eager(JoinRequest.requested_by))
        .where(JoinRequest.network_id == network.id, JoinRequest.status == "pending")
        .order_by(JoinRequest.created_at)).all()


def pending_request_count(network):
    return db.session.scalar(select(func.count(JoinRequest.id)).where(
        JoinRequest.network_id == network.id, JoinRequest.status == "pending"))


def request_to_join(network, organisation, user, message):
    if member_of(network, organisation) is not None:
        raise RuleError(_l("%(organisation)s already belongs to this network.",
                           organisation=organisation.name))
    if db.session.scalar(select(JoinRequest.id).where(
            JoinRequest.network_id == network.id, JoinRequest.organisation_id == organisation.id,
            JoinRequest.status == "pending")) is not None:
        raise RuleError(_l("%(organisation)s has already asked to join; the coordinators will "
                           "answer.", organisation=organisation.name))
    request = JoinRequest(network=network, organisation=organisation, requested_by=user,
                          message=message)
    db.session.add(request)
    db.session.flush()
    audit("network_join_requested", network=network.slug, organisation=organisation.slug)
    notify(coordinators(network),
           _l("%(organisation)s asks to join %(network)s", organisation=organisation.name,
              network=network.name),
           _l("%(name)s asks for %(organisation)s to join %(network)s.", name=user.display_name,
              organisation=organisation.name, network=network.name),
           people_link(network), message)
    return request


def _decide(request, status, actor, reply):
    request.status, request.reply = status, reply
    request.decided_by_id, request.decided_at = actor.id, utcnow()


def approve(request, actor, role, reply):
    network, organisation, user = request.network, request.organisation, request.requested_by
    _decide(request, "approved", actor, reply)
    if person_of(network, user) is None:
        add_person(network, organisation, user, role)
    audit("network_join_approved", subject=user, network=network.slug,
          organisation=organisation.slug, role=role)
    notify([user], _l("Welcome to %(network)s", network=network.name),
           _l("%(actor)s has accepted %(organisation)s into %(network)s. Your role: %(role)s.",
              actor=actor.display_name, organisation=organisation.name, network=network.name,
              role=ROLE_LABELS[role]), home_link(network), reply)


def decline(request, actor, reply):
    network, organisation = request.network, request.organisation
    _decide(request, "declined", actor, reply)
    audit("network_join_declined", subject=request.requested_by, network=network.slug,
          organisation=organisation.slug)
    notify([request.requested_by],
           _l("Your request to join %(network)s", network=network.name),
           _l("%(actor)s has declined the request of %(organisation)s to join %(network)s.",
              actor=actor.display_name, organisation=organisation.name, network=network.name),
           home_link(network), reply)

