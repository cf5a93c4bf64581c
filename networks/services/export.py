"""The member list of a network, for coordinators' CSV download."""
from flask_babel import gettext as _

from lms.organisations import KIND_LABELS
from networks import ROLE_LABELS, THEME_LABELS
from networks.services import membership


def member_list(network):
    """(header, rows): one row per person, and one per member organisation nobody acts for yet."""
    header = [_("Organisation"), _("Type"), _("Country"), _("Region or city"), _("Themes"),
              _("Name"), _("Email address"), _("Role"), _("Contact person")]
    rows = []
    by_member = {}
    for person in membership.people(network):
        by_member.setdefault(person.member_id, []).append(person)
    for member in membership.members(network):
        organisation = member.organisation
        base = [organisation.name, KIND_LABELS[organisation.kind], organisation.country,
                organisation.region, "; ".join(str(THEME_LABELS[t]) for t in member.themes)]
        for person in by_member.get(member.id) or [None]:
            extra = ["", "", "", ""] if person is None else [
                person.user.display_name, person.user.email, ROLE_LABELS[person.role],
                _("yes") if person.is_contact else ""]
            rows.append(base + extra)
    return header, rows
