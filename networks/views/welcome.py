"""Following an invitation link: the core's invitation page, at the network's address."""
from lms.invitations.views import accept_page
from lms.permissions import require


@require("networks.accept_invitation")
def accept_invitation(token):
    return accept_page("networks.network", token)
