"""Who may publish and withdraw: the policy behind the oer.publish permission."""
from dataclasses import dataclass

from lms.permissions import site_role


@dataclass
class Publishable:
    """An item of a publishable kind, as the permission check sees it before it is published."""
    kind: object
    obj: object


def publish_policy(user, target, permission):
    """Without an object: signed-in people (the page then checks the item). With a
    `Publishable`: whoever its kind lets publish it. With an OerItem: the same, or an admin."""
    from oer.models import OerItem
    from oer.services import publishing
    if target is None:
        return site_role(user) in permission.roles
    if isinstance(target, OerItem):
        return publishing.may_manage(user, target)
    return publishing.may_publish(user, target.kind, target.obj)
