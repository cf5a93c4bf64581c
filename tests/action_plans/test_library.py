"""The indicator library an editor picks from: enough indicators in every area, each fully
translated, and a file error that says which indicator is wrong. No app, no database."""
import configparser
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from action_plans.services import library
from action_plans.services.library import (
    AREA_PREFIXES, AREAS, LANGUAGES, LIBRARY_PATH, by_code, in_area, load_library)

pytestmark = pytest.mark.database_independent

TRANSLATED = ("name", "definition", "source")


@pytest.fixture(scope="module")
def indicators():
    return load_library()


def test_the_library_has_at_least_30_indicators(indicators):
    assert len(indicators) >= 30


def test_every_area_has_at_least_four_indicators(indicators):
    per_area = Counter(indicator.area for indicator in indicators)
    assert set(per_area) == set(AREAS)
    assert {area: count for area, count in per_area.items() if count < 4} == {}
    assert [indicator.area for indicator in in_area("housing")] == ["housing"] * per_area["housing"]


def test_levels_and_types_are_mixed(indicators):
    assert {indicator.level for indicator in indicators} == {"output", "outcome", "impact"}
    assert {indicator.type for indicator in indicators} == {"quantitative", "qualitative"}
    assert all(indicator.unit == "text" for indicator in indicators if indicator.is_qualitative)


@pytest.mark.parametrize("field", TRANSLATED)
def test_every_text_is_translated_into_all_four_languages(indicators, field):
    untranslated = []
    for indicator in indicators:
        texts = getattr(indicator, field)
        for language in LANGUAGES:
            if not texts.get(language, "").strip():
                untranslated.append(f"{indicator.code} {field} {language}: empty")
            elif language != "en" and texts[language] == texts["en"]:
                untranslated.append(f"{indicator.code} {field} {language}: same as English")
    assert untranslated == []


def test_codes_are_unique_and_carry_their_area_prefix(indicators):
    codes = [indicator.code for indicator in indicators]
    assert [code for code, count in Counter(codes).items() if count > 1] == []
    for indicator in indicators:
        assert re.fullmatch(rf"{AREA_PREFIXES[indicator.area]}-\d\d", indicator.code), indicator.code


def test_every_indicator_names_its_framework_and_reference(indicators):
    assert all(indicator.framework.strip() and indicator.reference.strip()
               for indicator in indicators)
    frameworks = {indicator.framework for indicator in indicators}
    assert {"Zaragoza", "OECD/EU 2023", "NIEM"} <= frameworks


def test_rates_state_numerator_and_denominator(indicators):
    vague = [indicator.code for indicator in indicators
             if indicator.unit == "percent" and "divided by" not in indicator.definition["en"]]
    assert vague == []


def test_by_code_finds_an_indicator_and_returns_none_for_an_unknown_one():
    employment_rate = by_code("EMP-01")
    assert employment_rate.area == "employment"
    assert employment_rate.name_in("de") == "Erwerbstätigenquote"
    assert by_code(" emp-01 ") == employment_rate
    assert by_code("XYZ-99") is None


def test_in_area_rejects_an_unknown_area():
    with pytest.raises(ValueError, match="unknown area 'jobs'"):
        in_area("jobs")


def test_texts_fall_back_to_english_for_another_language():
    indicator = by_code("EMP-01")
    assert indicator.name_in("fr") == indicator.name["en"]
    assert indicator.definition_in("fr") == indicator.definition["en"]
    assert indicator.source_in(None) == indicator.source["en"]
    assert indicator.name_in("it_IT") == indicator.name["it"]
    assert indicator.name_in("tr-TR") == indicator.name["tr"]


def test_the_library_is_read_once():
    assert load_library() is load_library()


def write_library(tmp_path, entries):
    path = tmp_path / "indicators.json"
    path.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    return path


def a_valid_entry(code="EMP-01"):
    entry = json.loads(LIBRARY_PATH.read_text(encoding="utf-8"))[0]
    return {**entry, "code": code}


def test_a_valid_file_loads(tmp_path):
    loaded = load_library(write_library(tmp_path, [a_valid_entry("EMP-01"),
                                                   a_valid_entry("EMP-02")]))
    assert [indicator.code for indicator in loaded] == ["EMP-01", "EMP-02"]


def test_errors_name_the_indicator_and_the_problem(tmp_path):
    bad_area = {**a_valid_entry("EMP-07"), "area": "jobs"}
    no_turkish = a_valid_entry("EMP-08")
    no_turkish["name"] = {k: v for k, v in no_turkish["name"].items() if k != "tr"}
    with pytest.raises(ValueError) as raised:
        load_library(write_library(tmp_path, [bad_area, no_turkish]))
    message = str(raised.value)
    assert "EMP-07: unknown area 'jobs'" in message
    assert "EMP-08: missing language 'tr' in 'name'" in message


@pytest.mark.parametrize("change, problem", [
    ({"level": "result"}, "unknown level 'result'"),
    ({"type": "mixed"}, "unknown type 'mixed'"),
    ({"unit": "days"}, "unknown unit 'days'"),
    ({"direction": "up"}, "unknown direction 'up'"),
    ({"frequency": "weekly"}, "unknown frequency 'weekly'"),
    ({"disaggregation": ["sex", "religion"]}, "unknown disaggregation 'religion'"),
])
def test_each_unknown_value_is_reported(tmp_path, change, problem):
    with pytest.raises(ValueError, match=f"EMP-01: {problem}"):
        load_library(write_library(tmp_path, [{**a_valid_entry(), **change}]))


def test_a_duplicate_code_is_reported(tmp_path):
    with pytest.raises(ValueError, match="EMP-01: duplicate code"):
        load_library(write_library(tmp_path, [a_valid_entry(), a_valid_entry()]))


def test_the_file_is_shipped_with_the_plugin():
    """setup.cfg's package data takes every plugin's data/*, so a wheel carries the library."""
    setup = configparser.ConfigParser()
    setup.read(Path(__file__).parents[2] / "setup.cfg", encoding="utf-8")
    patterns = setup["options.package_data"]["*"].replace(",", " ").split()
    assert LIBRARY_PATH.relative_to(Path(library.__file__).parents[1]).as_posix() == \
        "data/indicators.json"
    assert "data/*" in patterns
