"""Organisations: the public authorities, NGOs, schools and employers people work for."""
from flask_babel import lazy_gettext as _l

KIND_LABELS = {
    "public_authority": _l("Public authority or municipality"),
    "ngo": _l("NGO"),
    "vet_provider": _l("Vocational education and training provider"),
    "higher_education": _l("Higher education"),
    "employer": _l("Employer or business association"),
    "volunteer_group": _l("Volunteer group"),
    "migrant_organisation": _l("Migrant or diaspora organisation"),
    "other": _l("Other"),
}

ROLE_LABELS = {"member": _l("Member"), "admin": _l("Organisation admin")}
