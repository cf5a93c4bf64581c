"""The Atom feed of new releases at /oer/feed.atom, and the releases' entries in /sitemap.xml."""
from flask import current_app, render_template, url_for
from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from lms.extensions import db
from lms.permissions import require
from lms.timeutil import utcnow
from oer.models import OerItem, OerRelease

FEED_SIZE = 50


@require("oer.view")
def feed():
    releases = db.session.scalars(
        select(OerRelease).join(OerRelease.item).options(contains_eager(OerRelease.item))
        .where(OerRelease.withdrawn_at.is_(None))
        .order_by(OerRelease.published_at.desc(), OerRelease.id.desc())
        .limit(FEED_SIZE)).all()
    updated = releases[0].published_at if releases else utcnow()
    body = render_template("oer/feed.xml", releases=releases, updated=updated,
                           site_name=current_app.config["SITE_NAME"])
    return current_app.response_class(body, mimetype="application/atom+xml")


def sitemap_urls():
    """The page of every item that has a current release, with when it last changed."""
    rows = db.session.execute(
        select(OerItem.slug, OerRelease.changed_at).join(OerRelease.item)
        .where(OerRelease.is_current.is_(True)).order_by(OerItem.slug)).all()
    return [(url_for("oer.release_current", slug=slug, _external=True), changed)
            for slug, changed in rows]
