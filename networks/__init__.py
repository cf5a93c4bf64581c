"""Networks: the organisations of one region working together, and the people acting for them."""
from flask_babel import lazy_gettext as _l

# The areas of the EU Action Plan on Integration and Inclusion, then cross-cutting themes.
THEME_LABELS = {
    "education": _l("Education and training"),
    "employment": _l("Employment and skills"),
    "health": _l("Health"),
    "housing": _l("Housing"),
    "participation": _l("Participation"),
    "anti_discrimination": _l("Anti-discrimination"),
    "digital": _l("Digital tools"),
    "funding": _l("Funding"),
}

# Strongest first: each role may do what the roles after it may do.
ROLES = ("coordinator", "editor", "contributor", "viewer")
ROLE_LABELS = {
    "coordinator": _l("Coordinator"),
    "editor": _l("Editor"),
    "contributor": _l("Contributor"),
    "viewer": _l("Viewer"),
}
AUDIT_LABELS = {
    "network_created": _l("Network started"),
    "network_updated": _l("Network profile edited"),
    "network_organisation_added": _l("Organisation joined a network"),
    "network_organisation_removed": _l("Organisation taken out of a network"),
    "network_person_added": _l("Joined a network"),
    "network_person_removed": _l("Removed from a network"),
    "network_person_left": _l("Left a network"),
    "network_role_changed": _l("Role in a network changed"),
    "network_contact_changed": _l("Contact persons of a network changed"),
    "network_member_themes_changed": _l("Themes of a network member changed"),
    "network_invitation_sent": _l("Invitation to a network sent"),
    "network_invitation_withdrawn": _l("Invitation to a network withdrawn"),
    "network_invitation_accepted": _l("Invitation to a network accepted"),
    "network_join_requested": _l("Asked to join a network"),
    "network_join_approved": _l("Request to join a network accepted"),
    "network_join_declined": _l("Request to join a network declined"),
}
VISIBILITY_LABELS = {
    "public": _l("Public profile: anyone can see the network"),
    "members": _l("Members only: only members can see the network"),
}
