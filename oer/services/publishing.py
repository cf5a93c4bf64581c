"""Publishing an item as a new numbered release with its packages, and withdrawing releases."""
import mimetypes
from datetime import timedelta

from flask import current_app
from flask_babel import force_locale, get_locale, gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from lms import jobs, publishing, slugs
from lms.extensions import db
from lms.models import User
from lms.permissions import site_role
from lms.publishing import Snapshot
from lms.security import audit
from lms.timeutil import utcnow
from lms.urls import external_url
from oer import packages
from oer.models import OerBuild, OerItem, OerPackage, OerRelease
from oer.services.search import index_item
from oer.services.storage import TemporaryPackage, path_for, remove_stale_temporary_files

# first path segments under /oer/ that are pages, not items
# a build whose worker gave no sign of life for this long was interrupted
STALE_BUILD = timedelta(minutes=10)
RESERVED_SLUGS = frozenset({"publish", "feed.atom", "search", "static", "api", "new", "blueprints",
                            "builds"})


class PublishError(Exception):
    """Nothing was published; `reasons` says why, one sentence each."""

    def __init__(self, reasons):
        super().__init__("; ".join(str(reason) for reason in reasons))
        self.reasons = list(reasons)


def item_for(kind_name, key):
    return db.session.scalar(select(OerItem).where(OerItem.kind == kind_name,
                                                   OerItem.key == str(key)))


def may_publish(user, kind, obj):
    return obj is not None and kind.may_publish(user, obj)


def load(kind_name, key):
    """(kind, the loaded object or None); kind is None when no enabled plugin owns kind_name."""
    kind = publishing.kind(kind_name)
    return kind, kind.load(key) if kind is not None else None


def may_manage(user, item):
    """Whoever may publish the item in its plugin may withdraw its releases; site admins
    always (also when the plugin that owns the item is no longer enabled)."""
    if site_role(user) == "admin":
        return True
    kind = publishing.kind(item.kind)
    return kind is not None and may_publish(user, kind, kind.load(item.key))


def format_names(kind):
    """The names of the formats the kind is built in, in the builders' order."""
    return [found.name for found in packages.formats_for(kind)]


def request_build(kind, obj, user):
    """Freeze `obj` as it is now and queue the build of its next release; raises PublishError
    (nothing is queued then). The job `oer.build_release` does the rest. The caller has
    checked that `user` may publish it (the route's permission, or the command's choice)."""
    build = _new_build(kind, obj, user)
    jobs.enqueue("oer.build_release", build.id)
    return build


def _new_build(kind, obj, user):
    missing = kind.missing(obj)
    if missing:
        raise PublishError(missing)
    key = kind.key(obj)
    if pending_build(kind.name, key) is not None:
        raise PublishError([_("A release of this is being built already. Wait until it is "
                              "ready, then publish again if needed.")])
    build = OerBuild(kind=kind.name, key=str(key), snapshot=kind.snapshot(obj).to_dict(),
                     requested_by_id=user.id if user is not None else None,
                     locale=str(get_locale() or "en"), formats_total=len(format_names(kind)))
    db.session.add(build)
    db.session.flush()
    return build


def pending_build(kind_name, key):
    return db.session.scalar(select(OerBuild).where(
        OerBuild.kind == kind_name, OerBuild.key == str(key),
        OerBuild.status.in_(("queued", "building"))).limit(1))


def publish(kind, obj, user):
    """The next release of `obj`, built at once in this process (commands such as seed-demo,
    a reviewer's approval); raises PublishError (nothing is stored then). The caller has
    checked that `user` may publish it."""
    build = _new_build(kind, obj, user)
    build.status = "building"
    try:
        return _build_release(build, user)
    except PublishError as error:
        # the build is over: it must not hold back the next publication as a pending one
        build.status, build.finished_at = "failed", utcnow()
        build.reasons = [str(reason) for reason in error.reasons]
        raise


def run_build(build_id):
    """The job `oer.build_release`: build a queued release; a failure is written on the build
    (in its publisher's language) and publishes nothing. Safe to run twice: only the job that
    moves the build from queued to building works on it."""
    claimed = db.session.execute(
        update(OerBuild).where(OerBuild.id == build_id, OerBuild.status == "queued")
        .values(status="building", heartbeat_at=utcnow())
        .execution_options(synchronize_session=False)).rowcount
    db.session.commit()
    if not claimed:
        return None
    build = db.session.get(OerBuild, build_id)
    user = db.session.get(User, build.requested_by_id) if build.requested_by_id else None
    with force_locale(build.locale):
        try:
            release = _build_release(build, user, progress=_progress(build))
        except PublishError as error:
            reasons = [str(reason) for reason in error.reasons]
        except Exception:
            current_app.logger.exception("building release %s of %s %s failed", build_id,
                                         build.kind, build.key)
            reasons = [str(_("The release could not be built. Nothing was published."))]
        else:
            db.session.commit()
            return release
    db.session.rollback()
    build = db.session.get(OerBuild, build_id)
    build.status, build.reasons, build.finished_at = "failed", reasons, utcnow()
    db.session.commit()
    return None


def _progress(build):
    """Record each format as it starts, so the publisher's page can say how far it is."""
    def step(done, format_name):
        build.formats_done, build.current_format = done, format_name
        build.heartbeat_at = utcnow()
        db.session.commit()
    return step


def sweep_builds():
    """The periodic job `oer.sweep_builds`: a build whose worker stopped giving signs of life
    fails with a reason (and its temporary files go); a build still queued after a while (the
    queue was away when it was asked for) is handed to the queue again."""
    now = utcnow()
    stale = db.session.scalars(select(OerBuild).where(
        OerBuild.status == "building", OerBuild.heartbeat_at < now - STALE_BUILD)).all()
    for build in stale:
        with force_locale(build.locale):
            build.reasons = [str(_("The build was interrupted. Nothing was published; "
                                   "please publish again."))]
        build.status, build.finished_at = "failed", now
    waiting = db.session.scalars(select(OerBuild.id).where(
        OerBuild.status == "queued", OerBuild.created_at < now - timedelta(minutes=2))).all()
    for build_id in waiting:
        jobs.enqueue("oer.build_release", build_id)
    remove_stale_temporary_files(older_than=STALE_BUILD)
    return len(stale), len(waiting)


def _build_release(build, user, progress=None):
    kind = publishing.kind(build.kind)
    if kind is None:
        raise PublishError([_("No package format can be built for this kind of content.")])
    snapshot = Snapshot.from_dict(build.snapshot)
    item = item_for(build.kind, build.key)
    slug = item.slug if item is not None else _new_slug(snapshot.title)
    number = next_number(item)
    published_at = utcnow().replace(microsecond=0)
    built = _build_all(kind, snapshot, slug, number, published_at, progress)
    created = []
    try:
        for _format, package, _name in built:
            if package.keep():
                created.append(package.sha256)
        if item is None:
            item = OerItem(kind=build.kind, key=build.key, slug=slug)
            db.session.add(item)
            db.session.flush()
        release = _add_release(item, number, snapshot, published_at, user, built)
        build.status, build.release_id, build.finished_at = "done", release.id, utcnow()
        build.formats_done, build.current_format = len(built), ""
        db.session.flush()
    except IntegrityError:
        # Someone published the same item (or took the same slug) at the same moment: their
        # release holds this number. The files stay: identical content is shared by hash,
        # and theirs may be among them.
        db.session.rollback()
        raise PublishError([_("Someone else published this at the same moment. Reload the "
                              "page to see their release, then publish again if needed.")])
    except Exception:
        for sha256 in created:
            path_for(sha256).unlink(missing_ok=True)
        raise
    obj = kind.load(build.key)
    if obj is not None:
        kind.published(obj, user, number)
    audit("oer_published", actor=user, kind=build.kind, key=build.key, slug=item.slug,
          number=number)
    index_item(item)
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


def _build_all(kind, snapshot, slug, number, published_at, progress=None):
    """[(format, TemporaryPackage, file name)], every one built; on any failure the temporary
    files are removed and PublishError says which format failed and why."""
    if not format_names(kind):
        raise PublishError([_("No package format can be built for this kind of content.")])
    context = packages.BuildContext(
        release_number=number, published_at=published_at, slug=slug,
        landing_url=external_url("oer.release", slug=slug, number=number))
    built = []
    try:
        for done, name in enumerate(format_names(kind)):
            if progress is not None:
                progress(done, name)
            package = TemporaryPackage()
            built.append((name, package, packages.filename(slug, number, name)))
            packages.build(name, snapshot, package.file, context)
            package.finish()
    except packages.BuildError as error:
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
    index_item(release.item)
    return newest


def format_label(name):
    found = packages.FORMATS.get(name)
    return str(found.label) if found is not None else name.upper()


def media_type(name, filename):
    found = packages.FORMATS.get(name)
    return found.media_type if found is not None else \
        mimetypes.guess_type(filename)[0] or "application/octet-stream"
