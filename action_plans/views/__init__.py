"""Pages of the action plans plugin, one module per area; the shared loaders here."""
from flask import abort
from flask_login import current_user

# aliased: a bare `plans` or `adoption` here would hide the page modules of the same names
from action_plans.services import access as access_service
from action_plans.services import adoption as adoption_service
from action_plans.services import plans as plan_service
from lms.permissions import require_object


def load_plan(slug, permission=None, for_update=False):
    """The plan at `slug` when the visitor holds the route's permission on it (or
    `permission`), else 404."""
    return require_object(plan_service.by_slug(slug, for_update), permission)


def load_section(plan, section_id, for_update=False):
    section = plan_service.section_of(plan, section_id, for_update)
    if section is None:
        abort(404)
    return section


def load_version(plan, number, for_update=False):
    """A version of the plan for whoever reads the plan: adopted ones, and for the network's
    members also the ones being signed or rejected; else 404."""
    version = adoption_service.version_of(plan, number, for_update)
    if version is None or (version.adopted_at is None
                           and not access_service.is_insider(current_user, plan)):
        abort(404)
    return version
