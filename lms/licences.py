"""The open licences content can carry: id -> name, short label and the licence's URL."""
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Licence:
    id: str
    name: object            # lazy_gettext: what the licence allows, in the reader's language
    label: str              # the short name, the same in every language: "CC BY-SA 4.0"
    url: str


_ALL = (
    Licence("CC-BY-SA-4.0",
            _l("CC BY-SA 4.0: share and adapt, credit the authors, share alike"),
            "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    Licence("CC-BY-4.0", _l("CC BY 4.0: share and adapt, credit the authors"),
            "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    Licence("CC-BY-NC-SA-4.0",
            _l("CC BY-NC-SA 4.0: non-commercial, credit the authors, share alike"),
            "CC BY-NC-SA 4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/"),
    Licence("CC-BY-NC-4.0", _l("CC BY-NC 4.0: non-commercial, credit the authors"),
            "CC BY-NC 4.0", "https://creativecommons.org/licenses/by-nc/4.0/"),
    Licence("CC-BY-ND-4.0", _l("CC BY-ND 4.0: share unchanged, credit the authors"),
            "CC BY-ND 4.0", "https://creativecommons.org/licenses/by-nd/4.0/"),
    Licence("CC-BY-NC-ND-4.0", _l("CC BY-NC-ND 4.0: non-commercial, share unchanged"),
            "CC BY-NC-ND 4.0", "https://creativecommons.org/licenses/by-nc-nd/4.0/"),
    Licence("CC0-1.0", _l("CC0 1.0: no rights reserved"),
            "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
)
BY_ID = {licence.id: licence for licence in _ALL}
# id -> name, for choice lists
LICENCES = {licence.id: licence.name for licence in _ALL}


def licence(id):
    """The Licence with this id, or None."""
    return BY_ID.get(id)
