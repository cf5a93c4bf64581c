"""Pages of the action plans plugin, one module per area; the shared loaders here."""
from flask import abort

# aliased: a bare `plans` here would hide the page module `action_plans.views.plans`
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
