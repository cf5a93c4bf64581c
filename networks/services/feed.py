"""The activity feed: events plugins record through `lms.activity`, kept per network."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from lms.activity import ActivityKind, describe
from lms.extensions import db
from lms.permissions import can
from lms.security import safe_next
from lms.paging import paginate
from networks.models import Event, Member, Network

ACTIVITY_KINDS = [
    ActivityKind("networks.created", _l("%(actor)s created the network %(title)s.")),
    ActivityKind("networks.updated", _l("%(actor)s updated the profile of %(title)s.")),
    ActivityKind("networks.organisation_joined", _l("%(title)s joined the network.")),
    ActivityKind("networks.organisation_left", _l("%(title)s is no longer a member of the "
                                                  "network.")),
    ActivityKind("networks.person_joined", _l("%(actor)s joined the network.")),
    ActivityKind("networks.person_left", _l("%(title)s left the network.")),
    ActivityKind("networks.role_changed", _l("%(actor)s changed the role of %(title)s.")),
]


def store(sender, *, verb, actor, organisation_ids, network_ids, title, url, public, **extra):
    """Keep one event for each network concerned: those named, and those the organisations
    named belong to."""
    wanted = set(db.session.scalars(select(Network.id).where(Network.id.in_(network_ids)))) \
        if network_ids else set()
    if organisation_ids:
        wanted.update(db.session.scalars(select(Member.network_id).where(
            Member.organisation_id.in_(organisation_ids))))
    for network_id in sorted(wanted):
        db.session.add(Event(network_id=network_id, verb=verb,
                             actor_id=actor.id if actor is not None else None,
                             title=(title or "")[:300], url=(url or "")[:500], public=public))
    if wanted:
        db.session.flush()


def page_of(network, user, page=1, size=20):
    """A Page of events, newest first, of what `user` may see; people who are not members
    see only public events."""
    statement = select(Event).where(Event.network_id == network.id)
    if not can(user, "networks.view_people", network):
        statement = statement.where(Event.public.is_(True))
    return paginate(statement.options(selectinload(Event.actor))
                    .order_by(Event.created_at.desc(), Event.id.desc()), page, size)


def sentence(event, someone):
    """What the event says, in the viewer's language; `someone` names a deleted account."""
    return describe(event.verb, event.actor.display_name if event.actor else someone,
                    event.title)


def link(event):
    """The event's link when it points into this site, else an empty string."""
    return safe_next(event.url, "")
