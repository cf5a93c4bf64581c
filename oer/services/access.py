"""The access policies of oer: who may publish and withdraw (the oer.publish permission), and
who may write, edit and review good-practice blueprints.

Writing: trainers and admins (site roles), and anyone signed in who is an active member of an
organisation, since good practice is what organisations do (members of networks act for
organisations, so they are covered without this plugin asking the networks plugin).
Reviewing: site admins, there being no site-wide editor role in the core; nobody reviews a
blueprint they wrote (a second pair of eyes is the point of the review).
"""
from dataclasses import dataclass

from flask import g
from sqlalchemy import select

from lms.extensions import db
from lms.models import Membership
from lms.permissions import can, site_role
from oer.models import OerItem
from oer.services import publishing


@dataclass
class Publishable:
    """An item of a publishable kind, as the permission check sees it before it is published."""
    kind: object
    obj: object


def publish_policy(user, target, permission):
    """Without an object: signed-in people (the page then checks the item). With a
    `Publishable`: whoever its kind lets publish it. With an OerItem: the same, or an admin."""
    if target is None:
        return site_role(user) in permission.roles
    if isinstance(target, OerItem):
        return publishing.may_manage(user, target)
    return publishing.may_publish(user, target.kind, target.obj)


def _member_of_an_organisation(user):
    cache = g.setdefault("oer_organisation_member", {})
    if user.id not in cache:
        cache[user.id] = db.session.scalar(select(Membership.id).where(
            Membership.user_id == user.id, Membership.status == "active").limit(1)) is not None
    return cache[user.id]


def draft_policy(user, obj, permission):
    role = site_role(user)
    if role in ("trainer", "admin"):
        return True
    return role != "anonymous" and _member_of_an_organisation(user)


def edit_policy(user, blueprint, permission):
    """Its authors, while they may still write blueprints; without an object, anyone who may."""
    if not draft_policy(user, None, permission):
        return False
    return blueprint is None or blueprint.has_author(user)


def review_policy(user, blueprint, permission):
    if site_role(user) != "admin":
        return False
    return blueprint is None or not blueprint.has_author(user)


def may_view(user, blueprint):
    """The working copy (not the published releases, which are public) is seen by its authors
    and by reviewers once it has been submitted."""
    return can(user, "oer.edit_blueprint", blueprint) or (
        blueprint.status != "draft" and can(user, "oer.review_blueprint", blueprint))
