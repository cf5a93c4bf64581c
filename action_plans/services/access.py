"""Who may do what with a plan: the roles of its network (coordinator > editor > contributor >
viewer, from the networks plugin), and outsiders for adopted public plans."""
from lms.permissions import site_role
from networks.services.access import has_role, is_admin, role_in

from action_plans import ADOPTED_PHASES


def is_public(plan):
    return plan.visibility == "public" and plan.phase in ADOPTED_PHASES


def view_plan_policy(user, plan, permission):
    if plan is None:
        return site_role(user) in permission.roles
    return is_public(plan) or is_admin(user) or role_in(user, plan.network) is not None


def create_policy(user, network, permission):
    """Coordinators and editors start plans for their network."""
    if network is None:
        return site_role(user) in permission.roles
    return is_admin(user) or has_role(user, network, "editor")


def edit_plan_policy(user, plan, permission):
    """Coordinators and editors edit the whole plan."""
    if plan is None:
        return site_role(user) in permission.roles
    return is_admin(user) or has_role(user, plan.network, "editor")
