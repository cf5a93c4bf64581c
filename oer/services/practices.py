"""Writing, submitting, reviewing and publishing good practices ("blueprints" to their readers;
services flush, never commit)."""
from flask_babel import gettext as _
from sqlalchemy import func, select

from lms.extensions import db
from lms.licences import licence as find_licence
from lms.markup import paragraphs
from lms.publishing import kind as publishable_kind
from lms.models import Membership, Organisation, User
from lms.timeutil import utcnow
from oer.models import OerItem, OerRelease
from oer.models.practice import LONG_FIELDS, Practice, PracticeComment, practice_authors
from oer.services import practice_markup as markup
from oer.services.publishing import publish

PLAIN_FIELDS = ("title", "summary", "integration_area", "level", "country", "contact",
                "language", "licence")


class StaleVersion(Exception):
    """Someone saved the blueprint after the form was opened."""


def user_organisations(user):
    return db.session.scalars(
        select(Organisation).join(Membership, Membership.organisation_id == Organisation.id)
        .where(Membership.user_id == user.id, Membership.status == "active")
        .order_by(Organisation.name)).all()


def accounts_by_email(addresses):
    """Active accounts for these addresses (lower-cased), by address."""
    wanted = [address.strip().lower() for address in addresses if address.strip()]
    if not wanted:
        return {}
    users = db.session.scalars(select(User).where(func.lower(User.email).in_(wanted),
                                                  User.active.is_(True))).all()
    return {user.email.lower(): user for user in users}


def create(user, values, coauthors=()):
    blueprint = Practice(created_by_id=user.id, status="draft", version=0)
    blueprint.authors.append(user)
    db.session.add(blueprint)
    save(blueprint, values, 0, coauthors)
    return blueprint


def save(blueprint, values, version, coauthors=(), by=None):
    """Store the form's values: Markdown is sanitised here, once. A published blueprint becomes
    a draft again (its release stays online until a new one is published).

    `coauthors` are the authors besides the one who created the blueprint: someone no longer
    listed stops being an author, except `by`, the person saving (who would lose the page
    they are on)."""
    if version != blueprint.version:
        raise StaleVersion()
    for name in PLAIN_FIELDS:
        setattr(blueprint, name, values.get(name) or "")
    for name in LONG_FIELDS:
        source = values.get(name) or ""
        setattr(blueprint, name + "_source", source)
        setattr(blueprint, name, markup.render(source))
    blueprint.steps_source = values.get("steps") or ""
    blueprint.steps = [markup.render(step) for step in paragraphs(blueprint.steps_source)]
    blueprint.actor_types = list(values.get("actor_types") or [])
    blueprint.organisation_id = values.get("organisation_id") or None
    wanted = {user.id for user in coauthors} | {blueprint.created_by_id}
    if by is not None:
        wanted.add(by.id)
    for author in list(blueprint.authors):
        if author.id not in wanted:
            blueprint.authors.remove(author)
    for user in coauthors:
        if not blueprint.has_author(user):
            blueprint.authors.append(user)
    if blueprint.status == "published":
        blueprint.status = "draft"
    blueprint.version += 1
    blueprint.updated_at = utcnow()
    db.session.flush()
    return blueprint


def missing(blueprint):
    """What must be written before the blueprint can be submitted or published."""
    found = []
    if not blueprint.summary.strip():
        found.append(_("Write a summary."))
    if not blueprint.context_source.strip():
        found.append(_("Describe the context."))
    if not blueprint.problem_source.strip():
        found.append(_("Describe the problem the practice addresses."))
    if not blueprint.steps:
        found.append(_("List the steps."))
    if not blueprint.integration_area:
        found.append(_("Choose an integration area."))
    if not blueprint.level:
        found.append(_("Choose the level (national, regional or local)."))
    if not blueprint.country:
        found.append(_("Choose the country."))
    if find_licence(blueprint.licence) is None:
        found.append(_("Choose an open licence."))
    return found


def _comment(blueprint, user, event, body=""):
    db.session.add(PracticeComment(practice=blueprint, author_id=user.id, event=event,
                                    body=(body or "").strip()))


def submit(blueprint, user, note=""):
    blueprint.status = "review"
    blueprint.submitted_at = utcnow()
    _comment(blueprint, user, "submitted", note)
    db.session.flush()


def retract(blueprint, user):
    """The authors take a blueprint back from review to change it."""
    blueprint.status = "draft"
    _comment(blueprint, user, "retracted")
    db.session.flush()


def return_to_draft(blueprint, reviewer, comments):
    blueprint.status = "draft"
    _comment(blueprint, reviewer, "returned", comments)
    db.session.flush()


def mark_published(blueprint, reviewer, note=""):
    blueprint.status = "published"
    _comment(blueprint, reviewer, "published", note)
    db.session.flush()


def mark_withdrawn(blueprint, user, reason=""):
    """Its last release was withdrawn: the blueprint is a draft again."""
    blueprint.status = "draft"
    _comment(blueprint, user, "withdrawn", reason)
    db.session.flush()


def authored_by(user):
    return db.session.scalars(
        select(Practice).join(practice_authors,
                              practice_authors.c.practice_id == Practice.id)
        .where(practice_authors.c.user_id == user.id)
        .order_by(Practice.updated_at.desc())).all()


def review_queue(user):
    """Blueprints waiting for review that `user` did not write, oldest submission first."""
    mine = select(practice_authors.c.practice_id).where(practice_authors.c.user_id == user.id)
    return db.session.scalars(
        select(Practice).where(Practice.status == "review", Practice.id.not_in(mine))
        .order_by(Practice.submitted_at, Practice.id)).all()


def release(blueprint, reviewer, note=""):
    """Publish a new release of the blueprint (with its packages) through the publishing
    service, which also indexes it for the catalogue, and mark the working copy published.
    Returns the release; raises the service's PublishError when a package cannot be built."""
    blueprint.publication_note = note        # read by PracticeKind.published()
    return publish(publishable_kind("oer.blueprint"), blueprint, reviewer)


def current_release(blueprint):
    return db.session.execute(
        select(OerRelease.number, OerItem.slug).join(OerItem)
        .where(OerItem.kind == "oer.blueprint", OerItem.key == str(blueprint.id),
               OerRelease.is_current.is_(True))).first()
