"""Saves from an older version of an action plan: what the merge keeps of each editor's text."""
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from action_plans.services.merging import diff_words, merge_fields, split_units
from tests.helpers import IN_CI

pytestmark = pytest.mark.database_independent

LONG = frozenset({"situation"})
SITUATION = ("Many refugees in the region wait months for a language course. "
             "Employers say they cannot find staff.\n\n"
             "The network meets twice a year. Its members rarely share their data.")
examples = settings(max_examples=60, deadline=None, database=None, derandomize=IN_CI)


def plan(**changes):
    return {"title": "Inclusion plan 2027", "situation": SITUATION, "budget": 12000,
            "starts_on": date(2027, 1, 1), "languages": ["de", "tr"], **changes}


def test_two_editors_changing_different_fields_both_keep_their_change():
    result = merge_fields(plan(), plan(title="Inclusion plan 2027-2029"), plan(budget=15000))

    assert result.clean
    assert result.values == plan(title="Inclusion plan 2027-2029", budget=15000)
    assert result.changed == {"budget"}


def test_two_editors_changing_different_sentences_of_one_paragraph_both_keep_theirs():
    current = SITUATION.replace("wait months", "wait up to nine months")
    submitted = SITUATION.replace("cannot find staff", "cannot find trained staff")

    result = merge_fields(plan(), plan(situation=current), plan(situation=submitted), LONG)

    assert result.clean
    assert result.values["situation"] == SITUATION.replace(
        "wait months", "wait up to nine months").replace("cannot find staff",
                                                         "cannot find trained staff")
    assert result.changed == {"situation"}


def test_edits_to_different_list_items_and_paragraphs_merge():
    base = "Measures:\n- Language courses\n- Mentoring\n\nBudget follows. It is small."
    current = "Measures:\n- Language courses at night\n- Mentoring\n\nBudget follows. It is tiny."
    submitted = "Measures:\n- Language courses\n- Mentoring by volunteers\n- Job fairs\n\n" \
                "Budget follows! It is small."

    result = merge_fields({"situation": base}, {"situation": current},
                          {"situation": submitted}, LONG)

    assert result.values["situation"] == ("Measures:\n- Language courses at night\n"
                                          "- Mentoring by volunteers\n- Job fairs\n\n"
                                          "Budget follows! It is tiny.")


def test_a_sentence_added_by_one_and_a_neighbour_edited_by_the_other_both_stay():
    current = SITUATION.replace("a language course. ", "a language course. Courses are full. ")
    for old, new in (("Employers say", "Many employers say"), ("wait months", "wait long")):
        submitted = SITUATION.replace(old, new)

        result = merge_fields(plan(), plan(situation=current), plan(situation=submitted), LONG)

        assert result.clean
        assert result.values["situation"] == current.replace(old, new)


def test_both_rewriting_one_sentence_differently_is_a_conflict_keeping_every_text():
    current = SITUATION.replace("twice a year", "every month")
    submitted = SITUATION.replace("twice a year", "once a quarter")

    result = merge_fields(plan(), plan(situation=current), plan(situation=submitted), LONG)

    assert not result.clean
    [conflict] = result.conflicts
    assert (conflict.field, conflict.base, conflict.current, conflict.submitted) == (
        "situation", SITUATION, current, submitted)
    assert conflict.merged_text is None
    assert result.values["situation"] == current
    assert result.changed == set()
    differing = [hunk for hunk in conflict.hunks() if hunk[0] != "unchanged"]
    assert differing == [("conflict", ["The network meets twice a year."],
                          ["The network meets every month."],
                          ["The network meets once a quarter."])]
    for column in (1, 2, 3):
        assert "".join(unit for hunk in conflict.hunks() for unit in hunk[column]) == (
            SITUATION, current, submitted)[column - 1]


def test_a_conflict_in_one_field_does_not_hold_back_the_others():
    result = merge_fields(plan(), plan(title="Plan A"), plan(title="Plan B", budget=9000))

    assert [conflict.field for conflict in result.conflicts] == ["title"]
    assert result.values == plan(title="Plan A", budget=9000)
    assert result.changed == {"budget"}


def test_the_same_change_on_both_sides_is_clean():
    current = plan(title="Plan 2028", situation=SITUATION + " New sentence.")

    result = merge_fields(plan(), current, dict(current), LONG)

    assert result.clean
    assert result.values == current
    assert result.changed == set()


def test_short_texts_changed_on_both_sides_do_not_merge():
    base = "Inclusion. Plan."
    result = merge_fields({"title": base}, {"title": "Inclusion! Plan."},
                          {"title": "Inclusion. Plan!"}, LONG)

    assert [conflict.field for conflict in result.conflicts] == ["title"]
    assert result.values["title"] == "Inclusion! Plan."


def test_numbers_dates_and_lists_changed_differently_are_conflicts():
    result = merge_fields(plan(), plan(budget=13000, starts_on=date(2027, 2, 1),
                                       languages=["de"]),
                          plan(budget=14000, starts_on=date(2027, 3, 1), languages=["tr"]))

    by_field = {conflict.field: conflict for conflict in result.conflicts}
    assert set(by_field) == {"budget", "starts_on", "languages"}
    assert (by_field["starts_on"].current, by_field["starts_on"].submitted) == (
        date(2027, 2, 1), date(2027, 3, 1))
    assert by_field["budget"].hunks() == [("conflict", [12000], [13000], [14000])]
    assert result.values == plan(budget=13000, starts_on=date(2027, 2, 1), languages=["de"])


def test_windows_line_endings_are_no_change_and_merge_with_unix_ones():
    from_browser = SITUATION.replace("\n", "\r\n")
    unchanged = merge_fields(plan(), plan(title="Plan B"), plan(situation=from_browser), LONG)
    assert unchanged.clean
    assert unchanged.changed == set()
    assert unchanged.values["situation"] == SITUATION

    edited = from_browser.replace("rarely", "seldom")
    current = SITUATION.replace("twice a year", "every month")
    merged = merge_fields(plan(), plan(situation=current), plan(situation=edited), LONG)
    assert merged.clean
    assert merged.values["situation"] == current.replace("rarely", "seldom")


def test_fields_missing_from_the_submission_count_as_unchanged():
    result = merge_fields(plan(), plan(budget=13000), {"title": "Plan B"})

    assert result.clean
    assert result.values == plan(budget=13000, title="Plan B")


def test_split_units_cuts_at_sentences_lines_and_paragraphs():
    text = 'He said "Go!" Then left. Dr. Who?\n- item one\n\n  Next (really.) end'
    assert split_units(text) == ['He said "Go!"', " ", "Then left.", " ", "Dr.", " ", "Who?",
                                 "\n", "- item one", "\n\n  ", "Next (really.)", " ", "end"]
    assert split_units("") == []


@examples
@given(st.text(alphabet=st.sampled_from("ab .!?\n\r\t\"')»。؟ \u2028")))
def test_split_units_gives_back_the_text_exactly(text):
    units = split_units(text)
    assert "".join(units) == text
    assert all(units)


separators = st.sampled_from([" ", "\n", "\n\n", "  "])


def sentences(tag, count):
    """count sentences of random words, each ending in its own tag so no two are alike."""
    words = st.lists(st.text(alphabet="abcdefgh,", min_size=1, max_size=6), max_size=4)
    one = st.tuples(words, st.sampled_from([".", "!", "?"]), st.booleans())
    return st.lists(one, min_size=count, max_size=count).map(lambda drawn: [
        " ".join([*words, f"{tag}{index}"]) + end + (f" Plus {tag}{index}x." if twice else "")
        for index, (words, end, twice) in enumerate(drawn)])


@examples
@given(st.data())
def test_edits_to_different_sentences_always_merge_with_both_kept(data):
    count = data.draw(st.integers(2, 12))
    base = data.draw(sentences("base", count))
    gaps = data.draw(st.lists(separators, min_size=count - 1, max_size=count - 1))
    owners = data.draw(st.lists(st.sampled_from(["nobody", "current", "submitted"]),
                                min_size=count, max_size=count))
    rewrites = {"current": data.draw(sentences("cur", count)),
                "submitted": data.draw(sentences("sub", count))}

    def text(who):
        parts = [rewrites[owner][index] if owner in who else sentence
                 for index, (sentence, owner) in enumerate(zip(base, owners))]
        return "".join(part + gap for part, gap in zip(parts, gaps + [""]))

    result = merge_fields({"situation": text(())}, {"situation": text(("current",))},
                          {"situation": text(("submitted",))}, LONG)

    assert result.clean
    assert result.values["situation"] == text(("current", "submitted"))


def normalised(value):
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


texts = st.text(alphabet=st.sampled_from("ab. !\n\r"), max_size=24)
FIELDS = {"title": texts, "situation": texts, "budget": st.integers(0, 3)}


@examples
@given(st.data())
def test_nothing_submitted_is_ever_lost(data):
    base, current, submitted = {}, {}, {}
    for field, values in FIELDS.items():
        base[field] = data.draw(values)
        current[field] = data.draw(st.one_of(st.just(base[field]), values))
        submitted[field] = data.draw(st.one_of(st.just(base[field]), st.just(current[field]),
                                               values))

    result = merge_fields(base, current, submitted, LONG)

    conflicts = {conflict.field: conflict for conflict in result.conflicts}
    assert result.clean == (not conflicts)
    for field in FIELDS:
        old, now, sent = (normalised(side[field]) for side in (base, current, submitted))
        if field in conflicts:
            conflict = conflicts[field]
            assert conflict.submitted is submitted[field]
            assert (conflict.base, conflict.current) == (base[field], current[field])
            assert result.values[field] == current[field]
        elif sent not in (old, now):
            if now == old:
                assert result.values[field] == sent
            else:
                assert field in LONG
                new_units = set(split_units(sent)) - set(split_units(old))
                assert all(unit in result.values[field] for unit in new_units)
        else:
            assert result.values[field] == current[field]
        assert (field in result.changed) == (result.values[field] != current[field])


def test_diff_words_reads_as_a_change_of_words():
    assert diff_words("The network meets twice a year.", "The network meets every month.") == [
        ("equal", "The network meets "), ("delete", "twice a year."),
        ("insert", "every month.")]
    assert diff_words("", "New text") == [("insert", "New text")]


@examples
@given(st.text(alphabet=st.sampled_from("ab c\n\t"), max_size=40),
       st.text(alphabet=st.sampled_from("ab c\n\t"), max_size=40))
def test_diff_words_gives_back_both_texts(old, new):
    pairs = diff_words(old, new)
    assert "".join(text for op, text in pairs if op != "insert") == old
    assert "".join(text for op, text in pairs if op != "delete") == new
    assert all(op in ("equal", "insert", "delete") and text for op, text in pairs)
