"""The toolkit: self-assessment tools, templates and checklists, and the words their pages share."""
from flask_babel import lazy_gettext as _l

# The scale every statement is rated on; 0 is "not applicable" and does not count.
SCALE = (
    (1, _l("Not at all")),
    (2, _l("To a small extent")),
    (3, _l("Partly")),
    (4, _l("To a large extent")),
    (5, _l("Fully")),
    (0, _l("Don't know or not applicable")),
)
SCALE_LABELS = dict(SCALE)

BANDS = ("low", "middle", "high")
BAND_LABELS = {
    "low": _l("Getting started"),
    "middle": _l("On the way"),
    "high": _l("Well established"),
}
STATUS_LABELS = {"draft": _l("Draft"), "published": _l("Published")}
RESOURCE_KIND_LABELS = {
    "template": _l("Template"),
    "checklist": _l("Checklist"),
    "guide": _l("Guide"),
}
