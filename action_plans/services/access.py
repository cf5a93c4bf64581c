"""Who may do what with a plan: the roles of its network (coordinator > editor > contributor >
viewer, from the networks plugin), and outsiders for adopted public plans."""
from sqlalchemy import select

from action_plans import ADOPTED_PHASES
from action_plans.models import ActionPartner, Plan
from action_plans.services import adoption
from lms.extensions import db
from lms.permissions import site_role
from networks.services import membership
from networks.services.access import has_role, is_admin, role_in


def _organisation_id(user, network):
    found = membership.organisation_of(user, network.id)
    return found.id if found is not None else None


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


def sign_policy(user, plan, permission):
    """Active admins of a member organisation of the plan's network, and the people member
    organisations named to sign this plan (services/adoption.py says for which)."""
    if plan is None:
        return site_role(user) in permission.roles
    return bool(adoption.signable_organisations(user, plan))



def submit_measurement_policy(user, indicator, permission):
    """Coordinators and editors; contributors of the indicator's responsible organisation."""
    if indicator is None:
        return site_role(user) in permission.roles
    network = indicator.plan.network
    if is_admin(user) or has_role(user, network, "editor"):
        return True
    return has_role(user, network, "contributor") and \
        indicator.responsible_organisation_id is not None and \
        _organisation_id(user, network) == indicator.responsible_organisation_id


def approve_measurement_policy(user, indicator, permission):
    """The indicator's approver (still a member of the network), else its coordinators."""
    if indicator is None:
        return site_role(user) in permission.roles
    network = indicator.plan.network
    if is_admin(user):
        return True
    if indicator.approver_id is not None:
        return getattr(user, "id", None) == indicator.approver_id and \
            role_in(user, network) is not None
    return has_role(user, network, "coordinator")


def comment_policy(user, plan, permission):
    """Comments are the network's internal talk about a plan. Contributors, editors and
    coordinators (and site admins) write comments and replies on every section, goal, action
    and indicator of a plan they may read. Viewers read the comments, as they read the plan,
    but do not write: their role in the network is to follow, not to take part in drafting.
    Outsiders never see comments, not even on an adopted public plan (`may_read_comments`)."""
    if plan is None:
        return site_role(user) in permission.roles
    return is_admin(user) or has_role(user, plan.network, "contributor")


def may_read_comments(user, plan):
    """Members of the plan's network, viewers included, and site admins."""
    return is_insider(user, plan)


def resolve_comment_policy(user, comment, permission):
    """A thread is resolved or reopened by its author (while they may still comment) and by the
    plan's coordinators and editors."""
    if comment is None:
        return site_role(user) in permission.roles
    plan = db.session.get(Plan, comment.plan_id)
    if is_admin(user) or has_role(user, plan.network, "editor"):
        return True
    return comment.author_id is not None and getattr(user, "id", None) == comment.author_id \
        and has_role(user, plan.network, "contributor")


def edit_comment_policy(user, comment, permission):
    """A comment's text is changed by its author only, while they may still comment."""
    if comment is None:
        return site_role(user) in permission.roles
    plan = db.session.get(Plan, comment.plan_id)
    return comment.author_id is not None and getattr(user, "id", None) == comment.author_id \
        and (is_admin(user) or has_role(user, plan.network, "contributor"))


def is_insider(user, plan):
    """A member of the plan's network (or a site admin): sees versions not (yet) adopted,
    draft and submitted measurements."""
    return is_admin(user) or role_in(user, plan.network) is not None


def edit_action_policy(user, target, permission):
    """Coordinators and editors edit every action; contributors the actions their organisation
    (the one they act for in the network) leads or is a partner in. On a plan: whether the user
    may edit any action of it (contributors and up)."""
    if target is None:
        return site_role(user) in permission.roles
    if is_admin(user):
        return True
    if isinstance(target, Plan):
        return has_role(user, target.network, "contributor")
    plan = db.session.get(Plan, target.plan_id)
    if has_role(user, plan.network, "editor"):
        return True
    if not has_role(user, plan.network, "contributor"):
        return False
    organisation_id = _organisation_id(user, plan.network)
    return organisation_id is not None and (
        target.lead_organisation_id == organisation_id or db.session.scalar(
            select(ActionPartner.organisation_id).where(
                ActionPartner.action_id == target.id,
                ActionPartner.organisation_id == organisation_id)) is not None)
