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
VISIBILITY_LABELS = {
    "public": _l("Public profile: anyone can see the network"),
    "members": _l("Members only: only members can see the network"),
}
