"""Quizzes on lessons of kind "quiz": authoring, taking, scoring and item statistics."""
from flask_babel import lazy_gettext as _l

KIND_LABELS = {
    "single": _l("Single choice"),
    "multiple": _l("Multiple choice"),
    "true_false": _l("True or false"),
    "short": _l("Short answer"),
    "matching": _l("Matching"),
}
TRUTH_LABELS = {"true": _l("True"), "false": _l("False")}
