"""Publishing an item as a new numbered release with its packages, and withdrawing releases."""
import importlib.util
import mimetypes

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from lms import publishing, slugs
from lms.extensions import db
from lms.permissions import site_role
from lms.publishing import Snapshot
from lms.security import audit
from lms.timeutil import utcnow
from lms.urls import external_url
from oer.models import OerItem, OerPackage, OerRelease
from oer.services.storage import TemporaryPackage

# first path segments under /oer/ that are pages, not items
RESERVED_SLUGS = frozenset({"publish", "feed.atom", "search", "static", "api", "new", "blueprints"})


class PublishError(Exception):
    """Nothing was published; `reasons` says why, one sentence each."""

    def __init__(self, reasons):
        super().__init__("; ".join(str(reason) for reason in reasons))
        self.reasons = list(reasons)


class NotAllowed(Exception):
    pass


def item_for(kind_name, key):
    return db.session.scalar(select(OerItem).where(OerItem.kind == kind_name,
                                                   OerItem.key == str(key)))


def may_publish(user, kind, obj):
    return obj is not None and kind.may_publish(user, obj)


def may_manage(user, item):
    """Whoever may publish the item in its plugin may withdraw its releases; site admins
    always (also when the plugin that owns the item is no longer enabled)."""
    if site_role(user) == "admin":
        return True
    kind = publishing.kind(item.kind)
    return kind is not None and may_publish(user, kind, kind.load(item.key))


def formats_for(kind):
    """The kind's formats that a package builder exists for, in the kind's order."""
    builders = _builders()
    if builders is None:
        return []
    return [name for name in kind.formats if name in builders.FORMATS]


def publish(kind_name, key, user):
    """The next release of the item, with a package per format; raises NotAllowed or
    PublishError (nothing is stored then)."""
    kind = publishing.kind(kind_name)
    obj = kind.load(key) if kind is not None else None
    if obj is None or not may_publish(user, kind, obj):
        raise NotAllowed()
    missing = kind.missing(obj)
    if missing:
        raise PublishError(missing)
    snapshot = kind.snapshot(obj)
    item = item_for(kind_name, key)
    slug = item.slug if item is not None else _new_slug(snapshot.title)
    number = next_number(item)
    published_at = utcnow().replace(microsecond=0)
    built = _build_all(kind, snapshot, slug, number, published_at)
    created = []
    try:
        for _format, package, _name in built:
            if package.keep():
                created.append(package.sha256)
        if item is None:
            item = OerItem(kind=kind_name, key=str(key), slug=slug)
            db.session.add(item)
            db.session.flush()
        release = _add_release(item, number, snapshot, published_at, user, built)
    except IntegrityError:
        # Someone published the same item (or took the same slug) at the same moment: their
        # release holds this number. The files stay: identical content is shared by hash,
        # and theirs may be among them.
        db.session.rollback()
        raise PublishError([_("Someone else published this at the same moment. Reload the "
                              "page to see their release, then publish again if needed.")])
    except Exception:
        from oer.services.storage import path_for
        for sha256 in created:
            path_for(sha256).unlink(missing_ok=True)
        raise
    kind.published(obj, user, number)
    audit("oer_published", actor=user, kind=kind_name, key=str(key), slug=item.slug,
          number=number)
    _reindex(item)
    return release


def next_number(item):
    if item is None:
        return 1
    return (db.session.scalar(select(func.max(OerRelease.number))
                              .where(OerRelease.item_id == item.id)) or 0) + 1


def _new_slug(title):
    """The address of an item published for the first time; it is stored only once its
    packages are built, so a failed first publication leaves no item behind."""
    return slugs.unique_slug(OerItem, title, fallback="resource", reserved=RESERVED_SLUGS)


def _build_all(kind, snapshot, slug, number, published_at):
    """[(format, TemporaryPackage, file name)], every one built; on any failure the temporary
    files are removed and PublishError says which format failed and why."""
    builders = _builders()
    if builders is None or not formats_for(kind):
        raise PublishError([_("No package format can be built for this kind of content.")])
    context = builders.BuildContext(
        release_number=number, published_at=published_at, slug=slug,
        landing_url=external_url("oer.release", slug=slug, number=number))
    built = []
    try:
        for name in formats_for(kind):
            package = TemporaryPackage()
            built.append((name, package, builders.filename(slug, number, name)))
            builders.build(name, snapshot, package.file, context)
            package.finish()
    except builders.BuildError as error:
        _discard(built)
        raise PublishError([_build_failed(built[-1][0], str(error))]) from error
    except Exception as error:
        _discard(built)
        current_app.logger.exception("building the %s package of %s failed",
                                     built[-1][0] if built else "?", slug)
        raise PublishError([_build_failed(built[-1][0] if built else "", "")]) from error
    return built


def _build_failed(format_name, reason):
    """The sentence shown to the publisher; `reason` is a BuildError's (translated) message,
    empty for an unexpected failure, whose details go to the log only."""
    if reason:
        return _("The %(format)s package could not be built: %(reason)s",
                 format=format_label(format_name), reason=reason)
    return _("The %(format)s package could not be built.", format=format_label(format_name))


def _discard(built):
    for _format, package, _name in built:
        package.discard()


def _add_release(item, number, snapshot: Snapshot, published_at, user, built):
    release = OerRelease(
        item_id=item.id, number=number, published_at=published_at, changed_at=published_at,
        published_by_id=user.id if user is not None else None, title=snapshot.title[:300],
        description=snapshot.description, language=snapshot.language,
        licence=snapshot.licence, resource_type=snapshot.resource_type,
        integration_area=snapshot.facets.get("integration_area", ""),
        country=snapshot.facets.get("country", ""), level=snapshot.facets.get("level", ""),
        snapshot=snapshot.to_dict(), is_current=False)
    db.session.add(release)
    db.session.flush()
    for name, package, filename in built:
        db.session.add(OerPackage(release_id=release.id, format=name, filename=filename,
                                  media_type=media_type(name, filename), size=package.size,
                                  sha256=package.sha256))
    _make_current(item, release)
    db.session.flush()
    return release


def _make_current(item, release):
    """`release` (or, with None, no release) becomes the one /oer/<slug>/ shows."""
    db.session.execute(update(OerRelease).where(OerRelease.item_id == item.id)
                       .values(is_current=False), execution_options={"synchronize_session": False})
    if release is not None:
        db.session.execute(update(OerRelease).where(OerRelease.id == release.id)
                           .values(is_current=True),
                           execution_options={"synchronize_session": False})
    for each in db.session.identity_map.values():
        if isinstance(each, OerRelease) and each.item_id == item.id:
            db.session.expire(each, ["is_current"])


def withdraw(release, reason, user):
    """Withdraw a release: its page stays and says why; its files are no longer served; the
    item's newest release that is not withdrawn becomes current."""
    now = utcnow().replace(microsecond=0)
    release.withdrawn_at = now
    release.changed_at = now
    release.withdrawn_reason = reason
    db.session.flush()
    newest = db.session.scalar(
        select(OerRelease).where(OerRelease.item_id == release.item_id,
                                 OerRelease.withdrawn_at.is_(None))
        .order_by(OerRelease.number.desc()).limit(1))
    _make_current(release.item, newest)
    db.session.flush()
    kind = publishing.kind(release.item.kind)
    obj = kind.load(release.item.key) if kind is not None else None
    if obj is not None:
        kind.withdrawn(obj, user, newest.number if newest is not None else None)
    audit("oer_withdrawn", actor=user, slug=release.item.slug, number=release.number,
          reason=reason)
    _reindex(release.item)
    return newest


def format_label(name):
    builders = _builders()
    found = builders.FORMATS.get(name) if builders and isinstance(builders.FORMATS, dict) \
        else None
    return str(getattr(found, "label", "") or name.upper())


def media_type(name, filename):
    builders = _builders()
    found = builders.FORMATS.get(name) if builders and isinstance(builders.FORMATS, dict) \
        else None
    return getattr(found, "media_type", "") or mimetypes.guess_type(filename)[0] \
        or "application/octet-stream"


def _builders():
    """The package builders (oer.packages), or None while they are not installed."""
    if importlib.util.find_spec("oer.packages") is None:
        return None
    return importlib.import_module("oer.packages")


def _reindex(item):
    """Tell the catalogue's search index that the item changed, when there is one."""
    if importlib.util.find_spec("oer.search") is not None:
        importlib.import_module("oer.search").index_item(item)
