"""The German, Italian and Turkish catalogues are complete, in step with the source and sound.

Each package (the core and every plugin) has its own catalogue. A string added to the source
without a translation fails here: run `make translations`, then translate what it added.
"""
import functools
import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import PoFileError, read_po

pytestmark = pytest.mark.database_independent

ROOT = Path(__file__).resolve().parents[2]
BABEL_CFG = ROOT / "babel.cfg"
CATALOGUES = ("lms", "courses", "networks", "action_plans", "oer")
LANGUAGES = ("de", "it", "tr")
PLURAL_FORMS = {language: "nplurals=2; plural=(n != 1);" for language in LANGUAGES}
# The same keywords as `make translations`: babel's defaults plus `-k _l -k lazy_gettext`.
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}
# Named placeholders, as gettext(..., name=value) fills them: %(name)s, %(count)d, %(n)05.1f ...
PLACEHOLDER = re.compile(r"%\(\w+\)[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
MARKUP = re.compile(r"<[A-Za-z/!]|&[A-Za-z#][A-Za-z0-9]*;")

CASES = [pytest.param(catalogue, language, id=f"{catalogue}-{language}")
         for catalogue in CATALOGUES for language in LANGUAGES]


def po_path(catalogue, language):
    return ROOT / catalogue / "translations" / language / "LC_MESSAGES" / "messages.po"


def load(catalogue, language):
    path = po_path(catalogue, language)
    assert path.is_file(), f"{catalogue} has no {language} catalogue at {path.relative_to(ROOT)}"
    with path.open("rb") as f:
        # abort_invalid: a msgstr[i] beyond the header's nplurals is an error, not a printout.
        try:
            return read_po(f, locale=language, abort_invalid=True)
        except PoFileError as error:
            pytest.fail(f"{catalogue}/{language}: {path.relative_to(ROOT)} is not valid: {error}")


def messages(catalog):
    return [m for m in catalog if m.id]


def msgid(message):
    return message.id[0] if message.pluralizable else message.id


def untranslated(message):
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return not all(strings)


def placeholders(text):
    return set(PLACEHOLDER.findall(text.replace("%%", "")))


def listing(lines):
    return "".join(f"\n  {line}" for line in lines)


@functools.cache
def extracted(catalogue):
    """{(msgid, context): (message, first place)} for the package's source, as
    `pybabel extract` sees it; `message` is (singular, plural) for a plural."""
    with BABEL_CFG.open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f, filename=str(BABEL_CFG))
    # A template the extractor cannot parse is skipped in silence by default, which would
    # hide all its strings: here it is an error instead.
    options_map = {pattern: ({**options, "silent": "false"}
                             if dict(method_map).get(pattern) == "jinja2" else options)
                   for pattern, options in options_map.items()}
    current = []
    found = {}
    try:
        for filename, lineno, message, _comments, context in extract_from_dir(
                ROOT / catalogue, method_map, options_map, keywords=KEYWORDS,
                callback=lambda filename, method, options: current.append(filename)):
            singular = message[0] if isinstance(message, tuple) else message
            if singular:
                found.setdefault((singular, context),
                                 (message, f"{catalogue}/{filename}:{lineno}"))
    except Exception as error:  # noqa: BLE001 - reported with the file it came from
        where = f"{catalogue}/{current[-1]}" if current else catalogue
        pytest.fail(f"cannot extract the messages of {where}: {str(error).rstrip('.')}. "
                    "If the template uses a Jinja extension, list it in babel.cfg "
                    "(extensions = ...).")
    return found


@pytest.mark.parametrize(("catalogue", "language"), CASES)
def test_catalogue_is_complete(catalogue, language):
    catalog = load(catalogue, language)
    problems = []
    if catalog.plural_forms != PLURAL_FORMS[language]:
        problems.append(f"Plural-Forms is {catalog.plural_forms!r}, "
                        f"expected {PLURAL_FORMS[language]!r}")
    if catalog.fuzzy:
        problems.append("the catalogue header is marked fuzzy")
    problems += [f"fuzzy: {msgid(m)!r}" for m in messages(catalog) if m.fuzzy]
    problems += [f"untranslated: {msgid(m)!r}" for m in messages(catalog) if untranslated(m)]
    assert not problems, f"{catalogue}/{language}:{listing(problems)}"


@pytest.mark.parametrize(("catalogue", "language"), CASES)
def test_catalogue_has_every_message_of_the_source(catalogue, language):
    catalog = load(catalogue, language)
    missing = []
    for (text, context), (message, where) in extracted(catalogue).items():
        entry = catalog.get(text, context=context)
        if entry is None or (isinstance(message, tuple) and entry.id != message):
            missing.append(f"{message!r}{f' (context {context!r})' if context else ''}, "
                           f"from {where}")
    assert not missing, (
        f"{catalogue}/{language}: strings in the source but not in the catalogue; run "
        f"`make translations` and translate them:{listing(sorted(missing))}")


@pytest.mark.parametrize(("catalogue", "language"), CASES)
def test_translations_keep_placeholders_and_stay_free_of_markup(catalogue, language):
    wrong = []
    for message in messages(load(catalogue, language)):
        sources = message.id if message.pluralizable else (message.id,)
        expected = set().union(*(placeholders(source) for source in sources))
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in filter(None, strings):
            found = placeholders(string)
            if found != expected:
                wrong.append(f"{msgid(message)!r}: placeholders {sorted(found)} in {string!r}, "
                             f"expected {sorted(expected)}")
            if MARKUP.search(string) and not any(MARKUP.search(s) for s in sources):
                wrong.append(f"{msgid(message)!r}: markup added in {string!r}")
    assert not wrong, f"{catalogue}/{language}:{listing(wrong)}"
