"""Publishing until oer-publish's service (oer/services/publishing.py) is merged: an item and a
numbered, current release from the kind's snapshot, without packages. The integrator deletes
this module and `services.release()`'s fallback once `publish()` is there."""
from sqlalchemy import select

from lms.extensions import db
from lms.publishing import kind as find_kind
from lms.slugs import unique_slug
from oer.models import OerItem, OerRelease


def publish(kind_name, key, user):
    kind = find_kind(kind_name)
    snapshot = kind.snapshot(kind.load(key))
    item = db.session.scalar(select(OerItem).where(OerItem.kind == kind_name,
                                                   OerItem.key == key))
    if item is None:
        item = OerItem(kind=kind_name, key=key,
                       slug=unique_slug(OerItem, snapshot.title, fallback="resource",
                                        reserved={"blueprints", "feed.atom"}))
        db.session.add(item)
        db.session.flush()
    for old in item.releases:
        old.is_current = False
    release = OerRelease(
        item=item, number=len(item.releases) + 1, published_by_id=user.id,
        title=snapshot.title, description=snapshot.description, language=snapshot.language,
        licence=snapshot.licence, resource_type=snapshot.resource_type,
        integration_area=snapshot.facets.get("integration_area", ""),
        country=snapshot.facets.get("country", ""), level=snapshot.facets.get("level", ""),
        snapshot=snapshot.to_dict(), is_current=True)
    db.session.add(release)
    db.session.flush()
    return release
