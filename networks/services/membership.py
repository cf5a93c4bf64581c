"""Who belongs to a network: member organisations, the people acting for them, their roles.

A network always keeps at least one coordinator: the last one cannot leave, be demoted or be
removed. Each step is audited, mailed to the people it concerns and told to the feed.
"""
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager, selectinload

from lms.activity import record
from lms.extensions import db
from lms.models import Organisation, User
from lms.security import audit
from networks import ROLE_LABELS
from networks.models import Member, MemberTheme, Network, Person
from networks.services import access
from networks.services.mailing import coordinators, home_link, notify
from networks.services.network import home_url


class RuleError(Exception):
    """A step that the network's rules do not allow; `message` says why, for the person."""

    def __init__(self, message):
        # the text, in the current language: a lazy message counts as HTML, and these name
        # what people typed (addresses, organisations' names)
        self.message = str(message)
        super().__init__(self.message)


LAST_COORDINATOR = _l("A network needs at least one coordinator. Make someone else "
                      "coordinator first.")


def coordinator_count(network):
    # Lock the network's row (PostgreSQL) so two coordinators cannot demote each other at once.
    db.session.execute(select(Network.id).where(Network.id == network.id).with_for_update())
    return db.session.scalar(select(func.count(Person.id)).where(
        Person.network_id == network.id, Person.role == "coordinator"))


def member_of(network, organisation):
    return db.session.scalar(select(Member).where(
        Member.network_id == network.id, Member.organisation_id == organisation.id))


def person_of(network, user):
    return db.session.scalar(select(Person).where(
        Person.network_id == network.id, Person.user_id == user.id))


def people(network):
    """Everyone in the network with their organisation, by organisation then name."""
    return db.session.scalars(
        select(Person).join(Person.user).join(Person.member).join(Member.organisation)
        .options(contains_eager(Person.user),
                 contains_eager(Person.member).contains_eager(Member.organisation))
        .where(Person.network_id == network.id)
        .order_by(Organisation.name, User.display_name)).all()


def members(network):
    return db.session.scalars(
        select(Member).join(Member.organisation)
        .options(contains_eager(Member.organisation), selectinload(Member.theme_rows))
        .where(Member.network_id == network.id).order_by(Organisation.name)).all()


def add_organisation(network, organisation, actor):
    """The organisation's membership of the network, made if it is new."""
    member = member_of(network, organisation)
    if member is None:
        member = Member(network_id=network.id, organisation=organisation)
        db.session.add(member)
        db.session.flush()
        audit("network_organisation_added", network=network.slug,
              organisation=organisation.slug)
        record("networks.organisation_joined", actor=actor, network_ids=[network.id],
               title=organisation.name, url=home_url(network), public=True)
    return member


def add_person(network, organisation, user, role):
    """`user` joins the network with `role`, acting for `organisation` (added if new)."""
    if person_of(network, user) is not None:
        raise RuleError(_l("%(name)s is already a member of this network.",
                           name=user.display_name))
    member = add_organisation(network, organisation, user)
    person = Person(network_id=network.id, member=member, user=user, role=role)
    db.session.add(person)
    db.session.flush()
    access.forget()
    audit("network_person_added", subject=user, network=network.slug,
          organisation=organisation.slug, role=role)
    record("networks.person_joined", actor=user, network_ids=[network.id], title=network.name,
           url=home_url(network))
    return person


def set_role(person, role, actor):
    network = person.member.network
    if person.role == role:
        return
    if person.role == "coordinator" and coordinator_count(network) <= 1:
        raise RuleError(LAST_COORDINATOR)
    old, person.role = person.role, role
    db.session.flush()
    access.forget()
    audit("network_role_changed", subject=person.user, network=network.slug, old=old, new=role)
    notify([person.user], _l("Your role in %(network)s", network=network.name),
           _l("%(actor)s has changed your role in %(network)s to: %(role)s.",
              actor=actor.display_name, network=network.name, role=ROLE_LABELS[role]),
           home_link(network))
    record("networks.role_changed", actor=actor, network_ids=[network.id],
           title=person.user.display_name, url=home_url(network))


def set_contact(person, is_contact):
    person.is_contact = is_contact
    audit("network_contact_changed", subject=person.user, network=person.member.network.slug,
          contact=is_contact)


def _take_out(person):
    network = person.member.network
    if person.role == "coordinator" and coordinator_count(network) <= 1:
        raise RuleError(LAST_COORDINATOR)
    db.session.delete(person)
    db.session.flush()
    access.forget()
    return network


def remove_person(person, actor):
    user = person.user
    network = _take_out(person)
    audit("network_person_removed", subject=user, network=network.slug)
    notify([user], _l("You are no longer a member of %(network)s", network=network.name),
           _l("%(actor)s has removed you from %(network)s.", actor=actor.display_name,
              network=network.name), home_link(network))
    record("networks.person_left", actor=actor, network_ids=[network.id],
           title=user.display_name, url=home_url(network))


def leave(person):
    user = person.user
    network = _take_out(person)
    audit("network_person_left", subject=user, network=network.slug)
    notify(coordinators(network), _l("%(name)s has left %(network)s", name=user.display_name,
                                     network=network.name),
           _l("%(name)s has left %(network)s.", name=user.display_name, network=network.name),
           home_link(network))
    record("networks.person_left", actor=user, network_ids=[network.id],
           title=user.display_name, url=home_url(network))


def remove_organisation(member, actor):
    """Take an organisation, and everyone acting for it, out of the network."""
    network, organisation = member.network, member.organisation
    leaving = [person.user for person in member.people]
    ours = sum(1 for person in member.people if person.role == "coordinator")
    if ours and coordinator_count(network) <= ours:
        raise RuleError(LAST_COORDINATOR)
    db.session.delete(member)
    db.session.flush()
    access.forget()
    audit("network_organisation_removed", network=network.slug, organisation=organisation.slug)
    notify(leaving, _l("%(organisation)s is no longer a member of %(network)s",
                       organisation=organisation.name, network=network.name),
           _l("%(actor)s has taken %(organisation)s out of %(network)s.",
              actor=actor.display_name, organisation=organisation.name, network=network.name),
           home_link(network))
    record("networks.organisation_left", actor=actor, network_ids=[network.id],
           title=organisation.name, url=home_url(network), public=True)


def set_member_themes(member, themes):
    wanted = set(themes)
    member.theme_rows = [row for row in member.theme_rows if row.theme in wanted] + [
        MemberTheme(theme=theme) for theme in sorted(wanted - set(member.themes))]
    db.session.flush()
    audit("network_member_themes_changed", network=member.network.slug,
          organisation=member.organisation.slug, themes=sorted(wanted))


def organisation_member_removed(sender, *, user, organisation, **extra):
    """Someone left their organisation: they no longer act for it in its networks.

    A network's last coordinator stays, so no network is left without one; the other
    coordinators can then hand the role on.
    """
    for person in db.session.scalars(select(Person).join(Person.member).where(
            Person.user_id == user.id, Member.organisation_id == organisation.id)).all():
        network = person.member.network
        if person.role == "coordinator" and coordinator_count(network) <= 1:
            continue
        db.session.delete(person)
        db.session.flush()
        audit("network_person_removed", subject=user, network=network.slug,
              reason="left_organisation")
        record("networks.person_left", actor=user, network_ids=[network.id],
               title=user.display_name, url=home_url(network))
    access.forget()


def member_organisations(network_id):
    """The network's member organisations, by name (plugins building on networks use it)."""
    return db.session.scalars(
        select(Organisation).join(Member, Member.organisation_id == Organisation.id)
        .where(Member.network_id == network_id).order_by(Organisation.name)).all()


def organisation_of(user, network_id):
    """The organisation `user` acts for in the network, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(
        select(Organisation).join(Member, Member.organisation_id == Organisation.id)
        .join(Person, Person.member_id == Member.id)
        .where(Person.user_id == user.id, Person.network_id == network_id))
