"""Regional action plans: networks co-draft a plan, adopt it with every partner's sign-off and
track it with indicators and measurements."""
from flask_babel import lazy_gettext as _l

PHASE_LABELS = {
    "drafting": _l("Drafting"),
    "consultation": _l("Consultation"),
    "adoption": _l("Adoption"),
    "implementation": _l("Implementation"),
    "evaluation": _l("Evaluation"),
    "closed": _l("Closed"),
}
# phases in which a plan has an adopted version that outsiders may read when it is public
ADOPTED_PHASES = frozenset({"implementation", "evaluation", "closed"})
VISIBILITY_LABELS = {
    "network": _l("Members of the network"),
    "public": _l("Everyone, once adopted"),
}
# where a new plan starts from
ORIGIN_LABELS = {
    "empty": _l("An empty plan"),
    "template": _l("A good-practice blueprint"),
    "copy": _l("A copy of a plan"),
}
# The narrative sections every new plan starts with, in this order.
STANDARD_SECTIONS = {
    "context": _l("Context"),
    "needs": _l("Needs analysis"),
    "vision": _l("Vision"),
    "governance": _l("Governance"),
}
ACTION_STATUS_LABELS = {
    "planned": _l("Planned"),
    "in_progress": _l("In progress"),
    "done": _l("Done"),
    "delayed": _l("Delayed"),
    "cancelled": _l("Cancelled"),
}
# The areas of the EU Action Plan on Integration and Inclusion 2021-2027, then cross-cutting ones.
AREA_LABELS = {
    "education": _l("Education and training"),
    "employment": _l("Employment and skills"),
    "health": _l("Health"),
    "housing": _l("Housing"),
    "cross_cutting": _l("Cross-cutting: participation, anti-discrimination, access to services"),
}
PRIORITY_LABELS = {"high": _l("High"), "medium": _l("Medium"), "low": _l("Low")}
PROGRESS_FROM_LABELS = {
    "entered": _l("Entered by hand"),
    "milestones": _l("The share of milestones done"),
}
PARTNER_ROLE_LABELS = {"lead": _l("Lead"), "support": _l("Support"), "funder": _l("Funder")}
AUDIT_LABELS = {
    "action_plan_created": _l("Action plan started"),
    "action_plan_record_saved": _l("Part of an action plan edited"),
    "action_plan_record_restored": _l("Earlier version of a part of an action plan restored"),
    "action_plan_phase_changed": _l("Phase of an action plan changed"),
    "action_plan_visibility_changed": _l("Who can read an action plan changed"),
    "action_plan_adoption_started": _l("Adoption of an action plan started"),
    "action_plan_signatory_named": _l("Signatory of an action plan named"),
    "action_plan_signed": _l("Action plan signed for a partner organisation"),
    "action_plan_adopted": _l("Action plan adopted"),
    "action_plan_rejected": _l("Action plan rejected by a partner"),
    "action_plan_indicator_added": _l("Indicator added to an action plan"),
    "action_plan_indicator_deleted": _l("Indicator removed from an action plan"),
    "action_plan_measurement_saved": _l("Measurement saved as a draft"),
    "action_plan_measurement_submitted": _l("Measurement submitted for approval"),
    "action_plan_measurement_approved": _l("Measurement approved"),
    "action_plan_measurement_returned": _l("Measurement returned with a comment"),
    "action_plan_record_deleted": _l("Goal or action of an action plan deleted"),
}
# adoption: a partner organisation's decision on a plan version, and a version's status
DECISION_LABELS = {
    "approved": _l("Approve"),
    "approved_with_reservations": _l("Approve with reservations"),
    "rejected": _l("Reject"),
}
SIGN_OFF_LABELS = {
    "pending": _l("Not yet decided"),
    "approved": _l("Approved"),
    "approved_with_reservations": _l("Approved with reservations"),
    "rejected": _l("Rejected"),
}
VERSION_STATUS_LABELS = {
    "signing": _l("Being signed"),
    "adopted": _l("Adopted"),
    "rejected": _l("Rejected"),
    "superseded": _l("Adopted, then replaced by a later version"),
}
