"""The fixed vocabularies of blueprints and of the catalogue's facets, with translated labels."""
from functools import lru_cache

from babel import Locale
from flask_babel import get_locale, lazy_gettext as _l

INTEGRATION_AREAS = {
    "reception": _l("Reception and orientation"),
    "labour": _l("Work and the labour market"),
    "education": _l("Education and vocational training"),
    "language": _l("Language learning"),
    "housing": _l("Housing"),
    "health": _l("Health and well-being"),
    "social": _l("Social participation"),
    "civic": _l("Civic and political participation"),
    "family": _l("Families and children"),
    "rights": _l("Rights and legal advice"),
    "coordination": _l("Coordination and networks"),
}
LEVELS = {"national": _l("National"), "regional": _l("Regional"), "local": _l("Local")}
RESOURCE_TYPE_LABELS = {
    "course": _l("Course"),
    "case_study": _l("Good-practice blueprint"),
    "text": _l("Text"),
    "assessment": _l("Assessment"),
    "guide": _l("Guide"),
}
# Babel's territories that are not countries
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}


def countries(locale=None):
    """ISO 3166 code -> the country's name in the reader's language (or `locale`'s)."""
    return _countries(str(locale or get_locale() or "en"))


@lru_cache(maxsize=16)
def _countries(locale):
    names = Locale.parse(locale).territories
    return {code: name for code, name in names.items()
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES}


def country_choices():
    return sorted(countries().items(), key=lambda pair: pair[1])


def language_name(code, locale=None):
    """A language's name in the reader's language, or its code when Babel does not know it."""
    return _languages(str(locale or get_locale() or "en")).get(code, code)


@lru_cache(maxsize=16)
def _languages(locale):
    return dict(Locale.parse(locale).languages)
