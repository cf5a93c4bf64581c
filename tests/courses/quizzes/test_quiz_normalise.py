"""Short answers match as people mean them."""
import pytest

from courses.quizzes.services.normalise import matches, normalise


@pytest.mark.parametrize(("given", "expected"), [
    ("  Città  di  BOLOGNA. ", "citta di bologna"),
    ("Straße", "strasse"),
    ("IŞIK", "isik"),
    ("ışık", "isik"),
    ("«Mediação»", "mediacao"),
    ("mediator\t\n", "mediator"),
])
def test_normalise(given, expected):
    assert normalise(given) == expected


def test_matches_any_accepted_answer_but_not_a_different_word():
    accepted = ["Mediator", "Intercultural mediator"]
    assert matches("intercultural  MEDIATOR!", accepted)
    assert not matches("mediators", accepted)
    assert not matches("   ", accepted)
    assert not matches("", ["", "x"])
