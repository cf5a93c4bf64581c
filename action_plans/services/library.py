"""The indicator library shipped with the action plans plugin.

Networks co-drafting a regional action plan pick indicators from this library (or write
their own) to say how they will know that a measure works. The library is a plain JSON file,
`action_plans/data/indicators.json`, with each indicator's name, definition and typical data
source in English, German, Italian and Turkish, and its area, level (output, outcome,
impact), unit, direction, frequency and the breakdowns usually reported.

The indicators are drawn from public frameworks, and each names the one it comes from:
the EU's Zaragoza core indicators of migrant integration (2010), the OECD/EU "Indicators of
Immigrant Integration 2023: Settling In", the National Integration Evaluation Mechanism
(NIEM) for beneficiaries of international protection, the EU Action Plan on Integration and
Inclusion 2021-2027, the EU Anti-racism Action Plan 2020-2025 and the FRA's EU-MIDIS II
survey. Indicators marked "Local monitoring" are operational measures a municipality or
network collects itself (waiting times, counselling, interpretation), for which no framework
has an equivalent.

Loading needs no application: `load_library()` reads and validates the file once per process
and returns a tuple of `LibraryIndicator`. A malformed file raises ValueError naming each
indicator's code and its problem. The translated texts are dicts shared by every caller:
read them, never change them.
"""
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

LIBRARY_PATH = Path(__file__).resolve().parent.parent / "data" / "indicators.json"

LANGUAGES = ("en", "de", "it", "tr")
FALLBACK_LANGUAGE = "en"

# The areas in the order the library lists them, each with the prefix of its codes.
AREAS = ("employment", "education", "housing", "health", "participation", "services",
         "discrimination")
AREA_PREFIXES = {
    "employment": "EMP",
    "education": "EDU",
    "housing": "HOU",
    "health": "HEA",
    "participation": "PAR",
    "services": "SER",
    "discrimination": "DIS",
}

LEVELS = ("output", "outcome", "impact")
TYPES = ("quantitative", "qualitative")
UNITS = ("percent", "number", "ratio", "months", "score", "euro", "text")
DIRECTIONS = ("higher", "lower")
FREQUENCIES = ("annual", "quarterly", "monthly", "once")
DISAGGREGATIONS = ("sex", "age_group", "country_of_origin", "residence_status",
                   "years_of_residence", "education_level")

TRANSLATED_FIELDS = ("name", "definition", "source")
TEXT_FIELDS = ("code", "area", "level", "type", "unit", "direction", "frequency", "framework",
               "reference")
FIELDS = TEXT_FIELDS + ("disaggregation",) + TRANSLATED_FIELDS


def _language(locale):
    """The language part of a locale: "de" for "de", "de_AT", "de-AT" or a Babel Locale."""
    return str(locale or "").replace("-", "_").split("_")[0].lower()


@dataclass(frozen=True)
class LibraryIndicator:
    """One indicator of the library; `name`, `definition` and `source` map language to text."""

    code: str
    area: str
    level: str
    type: str
    unit: str
    direction: str
    frequency: str
    disaggregation: tuple
    framework: str
    reference: str
    name: dict = field(hash=False)
    definition: dict = field(hash=False)
    source: dict = field(hash=False)

    def _text(self, texts, locale):
        return texts.get(_language(locale)) or texts[FALLBACK_LANGUAGE]

    def name_in(self, locale):
        """The name in `locale`'s language, or in English when the library has none."""
        return self._text(self.name, locale)

    def definition_in(self, locale):
        """The definition in `locale`'s language, or in English."""
        return self._text(self.definition, locale)

    def source_in(self, locale):
        """The typical data source in `locale`'s language, or in English."""
        return self._text(self.source, locale)

    @property
    def is_qualitative(self):
        return self.type == "qualitative"


def _problems(entry):
    """What is wrong with one entry of the file, as a list of sentences (empty when valid)."""
    problems = [f"missing field {name!r}" for name in FIELDS if name not in entry]
    problems += [f"unknown field {name!r}" for name in entry if name not in FIELDS]
    for name in TEXT_FIELDS:
        if name in entry and not (isinstance(entry[name], str) and entry[name].strip()):
            problems.append(f"{name!r} must be a non-empty text")
    allowed = {"area": AREAS, "level": LEVELS, "type": TYPES, "unit": UNITS,
               "direction": DIRECTIONS, "frequency": FREQUENCIES}
    for name, values in allowed.items():
        value = entry.get(name)
        if isinstance(value, str) and value.strip() and value not in values:
            problems.append(f"unknown {name} {value!r} (expected one of {', '.join(values)})")
    area, code = entry.get("area"), entry.get("code")
    if area in AREA_PREFIXES and isinstance(code, str) and \
            not code.startswith(AREA_PREFIXES[area] + "-"):
        problems.append(f"code does not start with {AREA_PREFIXES[area]}- for area {area!r}")
    if entry.get("type") == "qualitative" and entry.get("unit") not in (None, "text"):
        problems.append("a qualitative indicator has the unit 'text'")
    if entry.get("type") == "quantitative" and entry.get("unit") == "text":
        problems.append("a quantitative indicator cannot have the unit 'text'")
    breakdowns = entry.get("disaggregation", [])
    if not isinstance(breakdowns, list):
        problems.append("'disaggregation' must be a list")
    else:
        for value in breakdowns:
            if value not in DISAGGREGATIONS:
                problems.append(f"unknown disaggregation {value!r} "
                                f"(expected some of {', '.join(DISAGGREGATIONS)})")
        if len(set(map(str, breakdowns))) != len(breakdowns):
            problems.append("'disaggregation' lists a breakdown twice")
    for name in TRANSLATED_FIELDS:
        texts = entry.get(name)
        if name not in entry:
            continue
        if not isinstance(texts, dict):
            problems.append(f"{name!r} must map each language to a text")
            continue
        for language in LANGUAGES:
            text = texts.get(language)
            if not (isinstance(text, str) and text.strip()):
                problems.append(f"missing language {language!r} in {name!r}")
        for language in texts:
            if language not in LANGUAGES:
                problems.append(f"unknown language {language!r} in {name!r}")
    return problems


def _indicator(entry):
    return LibraryIndicator(
        **{name: entry[name] for name in TEXT_FIELDS},
        disaggregation=tuple(entry["disaggregation"]),
        **{name: dict(entry[name]) for name in TRANSLATED_FIELDS},
    )


@lru_cache(maxsize=4)
def load_library(path=LIBRARY_PATH):
    """Every indicator of the library at `path`, in file order; read and checked once.

    Raises ValueError that names the file and, for each faulty indicator, its code and what
    is wrong with it: an unknown area, level, type, unit, direction, frequency or
    disaggregation, a missing field or language, or a code used twice.
    """
    path = Path(path)
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValueError(f"{path.name}: not valid JSON ({error})") from error
    if not isinstance(entries, list):
        raise ValueError(f"{path.name}: expected a list of indicators")
    errors, seen = [], set()
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            errors.append(f"entry {position}: expected an object")
            continue
        code = entry.get("code")
        label = code if isinstance(code, str) and code.strip() else f"entry {position}"
        errors += [f"{label}: {problem}" for problem in _problems(entry)]
        if isinstance(code, str):
            if code in seen:
                errors.append(f"{label}: duplicate code")
            seen.add(code)
    if errors:
        raise ValueError(f"{path.name}: invalid indicator library:\n  " + "\n  ".join(errors))
    return tuple(_indicator(entry) for entry in entries)


def by_code(code):
    """The library's indicator with this code (case and spaces ignored), or None."""
    wanted = str(code or "").strip().upper()
    return next((indicator for indicator in load_library() if indicator.code == wanted), None)


def in_area(area):
    """The library's indicators of one area, in file order; ValueError for an unknown area."""
    if area not in AREAS:
        raise ValueError(f"unknown area {area!r} (expected one of {', '.join(AREAS)})")
    return tuple(indicator for indicator in load_library() if indicator.area == area)
