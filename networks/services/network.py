"""Networks themselves: creating and editing them, the directories and the stakeholder map."""

from flask import url_for
from sqlalchemy import func, or_, select
from sqlalchemy.orm import contains_eager, selectinload

from lms import slugs
from lms.activity import record
from lms.extensions import db
from lms.models import Membership, Organisation, User
from lms.security import audit
from lms.paging import Page, paginate
from networks.models import Member, MemberTheme, Network, NetworkTheme, Person
from networks.services import logos
from networks.services.access import is_admin
from networks.services.text import to_safe_html

# first path segments under /networks/ that are pages, not networks
RESERVED_SLUGS = frozenset({"new", "organisations", "invitations"})
PROFILE_FIELDS = ("name", "region", "country", "description", "visibility")


def unique_slug(name):
    return slugs.unique_slug(Network, name, fallback="network", reserved=RESERVED_SLUGS)


def by_slug(slug):
    return db.session.scalar(select(Network).where(Network.slug == slug)
                             .options(selectinload(Network.theme_rows)))


def home_url(network):
    return url_for("networks.home", slug=network.slug)


def apply_profile(network, profile):
    """Copy the form's fields, themes and logo onto `network`; the HTML is made here, once."""
    for name in PROFILE_FIELDS:
        setattr(network, name, profile[name])
    network.description_html = to_safe_html(network.description)
    wanted = set(profile["themes"])
    network.theme_rows = [row for row in network.theme_rows if row.theme in wanted] + [
        NetworkTheme(theme=theme) for theme in sorted(wanted - set(network.themes))]
    if profile.get("logo"):
        network.logo_hash = logos.store(profile["logo"])
        network.logo_type = profile["logo_type"]
    if profile.get("remove_logo"):
        network.logo_hash = network.logo_type = network.logo_alt = ""
    elif network.logo_hash:
        network.logo_alt = profile["logo_alt"]


def create(founder, organisation, profile):
    """A new network with `organisation` as its first member and `founder` its coordinator."""
    network = Network(slug=unique_slug(profile["name"]))
    apply_profile(network, profile)
    db.session.add(network)
    member = Member(network=network, organisation=organisation)
    db.session.add(member)
    db.session.flush()
    db.session.add(Person(network_id=network.id, member=member, user=founder, role="coordinator",
                          is_contact=True))
    db.session.flush()
    audit("network_created", network=network.slug, organisation=organisation.slug)
    record("networks.created", actor=founder, network_ids=[network.id], title=network.name,
           url=home_url(network), public=True)
    return network


def update(network, profile, editor):
    apply_profile(network, profile)
    db.session.flush()
    audit("network_updated", network=network.slug)
    record("networks.updated", actor=editor, network_ids=[network.id], title=network.name,
           url=home_url(network), public=True)


def visible_to(user):
    """A filter on Network: public ones, and those `user` belongs to."""
    if is_admin(user):
        return True
    if not getattr(user, "is_authenticated", False):
        return Network.visibility == "public"
    return or_(Network.visibility == "public", Network.id.in_(
        select(Person.network_id).where(Person.user_id == user.id)))


def networks_of(organisation, user):
    """The networks `organisation` belongs to that `user` may see, by name, in one query."""
    return db.session.scalars(
        select(Network).join(Member, Member.network_id == Network.id)
        .where(Member.organisation_id == organisation.id, visible_to(user))
        .order_by(Network.name)).all()


def directory(user, query="", theme="", country="", page=1, size=20):
    """(a Page of networks, member counts by network id) for the public directory."""
    statement = select(Network).where(visible_to(user)).order_by(Network.name)
    if query:
        statement = statement.where(or_(Network.name.icontains(query, autoescape=True),
                                        Network.region.icontains(query, autoescape=True)))
    if theme:
        statement = statement.where(Network.id.in_(
            select(NetworkTheme.network_id).where(NetworkTheme.theme == theme)))
    if country:
        statement = statement.where(Network.country == country)
    rows = paginate(statement.options(selectinload(Network.theme_rows)), page, size)
    counts = dict(db.session.execute(
        select(Member.network_id, func.count(Member.id))
        .where(Member.network_id.in_([n.id for n in rows])).group_by(Member.network_id)).all())
    return rows, counts


def organisation_directory(query="", kind="", page=1, size=30):
    """Organisations that belong to a public network, with those networks' names."""
    in_public = select(Member.organisation_id).join(Network).where(Network.visibility == "public")
    statement = select(Organisation).where(Organisation.id.in_(in_public)) \
        .order_by(Organisation.name)
    if query:
        statement = statement.where(or_(Organisation.name.icontains(query, autoescape=True),
                                        Organisation.region.icontains(query, autoescape=True)))
    if kind:
        statement = statement.where(Organisation.kind == kind)
    rows = paginate(statement, page, size)
    networks = {}
    for organisation_id, network in db.session.execute(
            select(Member.organisation_id, Network).join(Network)
            .where(Network.visibility == "public",
                   Member.organisation_id.in_([o.id for o in rows])).order_by(Network.name)):
        networks.setdefault(organisation_id, []).append(network)
    return rows, networks


def member_directory(network, query="", kind="", theme="", page=1, size=50):
    """(a Page of members with organisation and themes loaded, total matching)."""
    statement = select(Member).join(Member.organisation).where(Member.network_id == network.id)
    if query:
        statement = statement.where(Organisation.name.icontains(query, autoescape=True))
    if kind:
        statement = statement.where(Organisation.kind == kind)
    if theme:
        statement = statement.where(Member.id.in_(
            select(MemberTheme.member_id).where(MemberTheme.theme == theme)))
    total = db.session.scalar(statement.with_only_columns(func.count(Member.id)))
    rows = db.session.scalars(
        statement.options(contains_eager(Member.organisation), selectinload(Member.theme_rows))
        .order_by(Organisation.name).limit(size).offset((page - 1) * size)).all()
    return Page(items=list(rows), number=page, size=size, has_next=page * size < total), total


def stakeholder_map(network):
    """How many member organisations there are of each type, and working on each theme."""
    kinds = db.session.execute(
        select(Organisation.kind, func.count(Member.id)).join(Member.organisation)
        .where(Member.network_id == network.id).group_by(Organisation.kind)
        .order_by(func.count(Member.id).desc(), Organisation.kind)).all()
    themes = db.session.execute(
        select(MemberTheme.theme, func.count(MemberTheme.member_id)).join(Member)
        .where(Member.network_id == network.id).group_by(MemberTheme.theme)
        .order_by(func.count(MemberTheme.member_id).desc(), MemberTheme.theme)).all()
    return {"kinds": [tuple(row) for row in kinds], "themes": [tuple(row) for row in themes],
            "total": sum(count for _kind, count in kinds)}


def contacts(network):
    return db.session.scalars(
        select(Person).join(Person.user).join(Person.member).join(Member.organisation)
        .options(contains_eager(Person.user),
                 contains_eager(Person.member).contains_eager(Member.organisation))
        .where(Person.network_id == network.id, Person.is_contact.is_(True))
        .order_by(User.display_name)).all()


def all_organisations():
    return db.session.scalars(select(Organisation).order_by(Organisation.name)).all()


def my_organisations(user):
    """The organisations `user` is an active member of: the ones they may act for."""
    return db.session.scalars(
        select(Organisation).join(Membership)
        .where(Membership.user_id == user.id, Membership.status == "active")
        .order_by(Organisation.name)).all()
