"""The words of indicators and measurements, in one place: levels, types, units, directions,
frequencies, the disaggregation dimensions with their categories, measurement statuses and
whether an indicator is on track."""
from flask_babel import lazy_gettext as _l

LEVEL_LABELS = {"output": _l("Output"), "outcome": _l("Outcome"), "impact": _l("Impact")}
KIND_LABELS = {"quantitative": _l("Quantitative"), "qualitative": _l("Qualitative")}
UNIT_LABELS = {
    "percent": _l("Percent"),
    "number": _l("Number"),
    "ratio": _l("Ratio"),
    "months": _l("Months"),
    "score": _l("Score"),
    "euro": _l("Euro"),
    "text": _l("Text (qualitative)"),
}
DIRECTION_LABELS = {"higher": _l("Higher is better"), "lower": _l("Lower is better")}
FREQUENCY_LABELS = {"annual": _l("Annual"), "quarterly": _l("Quarterly"),
                    "monthly": _l("Monthly"), "once": _l("Once")}
# Each dimension an indicator may be broken down by, and the categories a measurement gives
# one number for. The dimension names are the library's (services/library.DISAGGREGATIONS).
DISAGGREGATION_LABELS = {
    "sex": _l("Sex"),
    "age_group": _l("Age group"),
    "country_of_origin": _l("Country of origin"),
    "residence_status": _l("Residence status"),
    "years_of_residence": _l("Years of residence"),
    "education_level": _l("Education level"),
}
DISAGGREGATION_CATEGORIES = {
    "sex": {"female": _l("Female"), "male": _l("Male"), "other": _l("Other")},
    "age_group": {"under_18": _l("Under 18"), "18_64": _l("18 to 64"),
                  "65_plus": _l("65 and over")},
    "country_of_origin": {"eu": _l("EU country"), "non_eu": _l("Country outside the EU"),
                          "unknown": _l("Stateless or unknown")},
    "residence_status": {"refugee": _l("Recognised refugee"),
                         "subsidiary": _l("Subsidiary protection"),
                         "asylum_seeker": _l("Asylum seeker"),
                         "other": _l("Other residence permit")},
    "years_of_residence": {"under_2": _l("Less than 2 years"), "2_5": _l("2 to 5 years"),
                           "over_5": _l("More than 5 years")},
    "education_level": {"low": _l("Primary or lower secondary"),
                        "medium": _l("Upper secondary"), "high": _l("Tertiary")},
}
# the areas of the indicator library (services/library.AREAS)
LIBRARY_AREA_LABELS = {
    "employment": _l("Employment"),
    "education": _l("Education and language learning"),
    "housing": _l("Housing"),
    "health": _l("Health"),
    "participation": _l("Social and civic participation"),
    "services": _l("Access to services"),
    "discrimination": _l("Anti-discrimination"),
}
MEASUREMENT_STATUS_LABELS = {
    "draft": _l("Draft"),
    "submitted": _l("Awaiting approval"),
    "approved": _l("Approved"),
    "returned": _l("Returned"),
}
TRACK_LABELS = {
    "on_track": _l("On track"),
    "off_track": _l("Off track"),
    "no_data": _l("Not enough data"),
}
