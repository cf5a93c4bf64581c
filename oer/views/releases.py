"""A published item's pages (current release and each numbered release) and its downloads."""
import json

from flask import abort, current_app, render_template, request, send_file, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from lms.extensions import db
from lms.i18n import LANGUAGE_NAMES
from lms.licences import licence as find_licence
from lms.permissions import can, require
from oer.forms import WithdrawForm
from oer.models import OerItem, OerPackage, OerRelease
from oer.services import downloads, jsonld, publishing, storage

A_YEAR = 365 * 24 * 3600
TYPE_LABELS = {"course": _l("Course"), "case_study": _l("Case study"), "text": _l("Text"),
               "assessment": _l("Assessment"), "guide": _l("Guide")}
FACET_LABELS = {"integration_area": _l("Area of integration"), "country": _l("Country"),
                "level": _l("Level")}
PART_LABELS = {"quiz": _l("Quiz"), "discussion": _l("Discussion")}


def _release_query(slug):
    return (select(OerRelease).join(OerRelease.item).options(contains_eager(OerRelease.item))
            .where(OerItem.slug == slug))


def load_release(slug, number):
    release = db.session.scalar(_release_query(slug).where(OerRelease.number == number))
    if release is None:
        abort(404)
    return release


def history(release):
    """Every release of the item, newest first, without their snapshots: one query."""
    return db.session.execute(
        select(OerRelease.number, OerRelease.published_at, OerRelease.withdrawn_at,
               OerRelease.is_current)
        .where(OerRelease.item_id == release.item_id)
        .order_by(OerRelease.number.desc())).all()


def tasl(release):
    """Title, author, source, licence: the attribution to copy when reusing the release."""
    snapshot = release.snapshot
    found = find_licence(release.licence)
    authors = ", ".join(snapshot.get("authors") or snapshot.get("organisations") or [])
    url = url_for("oer.release", slug=release.item.slug, number=release.number,
                  _external=True)
    licence = f"{found.label} ({found.url})" if found else release.licence
    if authors:
        return _("“%(title)s” by %(authors)s, version %(number)s, %(url)s, licensed under "
                 "%(licence)s.", title=release.title, authors=authors, number=release.number,
                 url=url, licence=licence)
    return _("“%(title)s”, version %(number)s, %(url)s, licensed under %(licence)s.",
             title=release.title, number=release.number, url=url, licence=licence)


def json_ld(release, packages):
    """The JSON-LD as a safe string for a <script type="application/ld+json"> element: `<`,
    `>` and `&` are escaped so nothing in it can close the element."""
    text = json.dumps(jsonld.for_release(release, packages), ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def render_release(release, withdraw_form=None, status=200):
    packages = [] if release.withdrawn else list(release.packages)
    may_manage = current_user.is_authenticated and not release.withdrawn \
        and can(current_user, "oer.publish", release.item)
    return render_template(
        "oer/release.html", release=release, item=release.item, snapshot=release.snapshot,
        packages=packages, history=history(release), counts=downloads.counts(release),
        licence=find_licence(release.licence), tasl=tasl(release),
        json_ld=json_ld(release, packages),
        withdraw_form=withdraw_form or (WithdrawForm() if may_manage else None),
        format_label=publishing.format_label, language_names=LANGUAGE_NAMES,
        type_labels=TYPE_LABELS, facet_labels=FACET_LABELS, kind_labels=PART_LABELS), status


@require("oer.view")
def release_current(slug):
    # the current release, or the newest when every release has been withdrawn
    release = db.session.scalar(_release_query(slug).order_by(
        OerRelease.is_current.desc(), OerRelease.number.desc()).limit(1))
    if release is None:
        abort(404)
    return render_release(release)


@require("oer.view")
def release(slug, number):
    return render_release(load_release(slug, number))


@require("oer.view")
def download(slug, number, filename):
    release = load_release(slug, number)
    checksum = filename.endswith(".sha256")
    wanted = filename[:-len(".sha256")] if checksum else filename
    package = db.session.scalar(select(OerPackage).where(
        OerPackage.release_id == release.id, OerPackage.filename == wanted))
    if package is None:
        abort(404)
    if release.withdrawn:
        return render_template("oer/gone.html", release=release), 410
    if checksum:
        return current_app.response_class(f"{package.sha256}  {package.filename}\n",
                                          mimetype="text/plain")
    path = storage.path_for(package.sha256)
    if not path.is_file():
        current_app.logger.error("package file %s of %s v%s is missing", package.sha256,
                                 slug, number)
        abort(404)
    response = send_file(path, mimetype=package.media_type, as_attachment=True,
                         download_name=package.filename, etag=package.sha256,
                         conditional=True, max_age=A_YEAR)
    response.cache_control.public = True
    if response.status_code == 200 and request.method == "GET":
        downloads.count(release, package.format)
    return response
