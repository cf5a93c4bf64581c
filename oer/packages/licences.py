"""Licence names and URLs for the attribution in packages.

The core's `lms.licences` is the one list when it is present; until it is, this module knows
the Creative Commons 4.0 family and CC0 itself (same ids, same short labels).
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class PackageLicence:
    id: str
    label: str      # "CC BY-SA 4.0": the same in every language
    url: str


_OWN = {
    "CC-BY-4.0": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC-BY-NC-4.0": ("CC BY-NC 4.0", "https://creativecommons.org/licenses/by-nc/4.0/"),
    "CC-BY-NC-SA-4.0": ("CC BY-NC-SA 4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/"),
    "CC-BY-ND-4.0": ("CC BY-ND 4.0", "https://creativecommons.org/licenses/by-nd/4.0/"),
    "CC-BY-NC-ND-4.0": ("CC BY-NC-ND 4.0", "https://creativecommons.org/licenses/by-nc-nd/4.0/"),
    "CC0-1.0": ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
}


try:
    from lms.licences import licence as core_licence
except ImportError:
    core_licence = None


def package_licence(licence_id) -> PackageLicence:
    """The label and URL of a licence id; an unknown id is shown as itself, without a URL."""
    found = core_licence(licence_id) if core_licence else None
    if found is not None:
        return PackageLicence(found.id, found.label, found.url)
    label, url = _OWN.get(licence_id, (licence_id, ""))
    return PackageLicence(licence_id, label, url)
