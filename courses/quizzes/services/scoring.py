"""Reading a submitted quiz form strictly and scoring it on the server."""
import hashlib
import hmac

from flask import current_app

from courses.quizzes.services.normalise import matches


class ForeignAnswer(ValueError):
    """The form names an option that is not one of the question's: refused with 400."""


def match_token(option):
    """The opaque value a matching question's right-hand side carries in the page.

    Option ids would give the pairs away (a left item's right side would carry its own id);
    a keyed hash does not, and the server can still tell which pair was chosen.
    """
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"quiz-match-{option.id}".encode(), hashlib.sha256).hexdigest()[:16]


def field_name(question, option=None):
    return f"q-{question.id}" if option is None else f"q-{question.id}-{option.id}"


def _option_ids(values, question):
    by_id = {str(option.id): option for option in question.options}
    chosen = []
    for value in values:
        if value not in by_id:
            raise ForeignAnswer(f"option {value!r} is not one of question {question.id}'s")
        chosen.append(by_id[value])
    return chosen


def read(question, form):
    """(text, [(option, matched option or None)]) from the submitted `form` for `question`."""
    if question.kind in ("single", "true_false"):
        values = form.getlist(field_name(question))
        if len(values) > 1:
            raise ForeignAnswer(f"several answers to question {question.id}")
        return "", [(option, None) for option in _option_ids(values, question)]
    if question.kind == "multiple":
        values = form.getlist(field_name(question))
        if len(set(values)) != len(values):
            raise ForeignAnswer(f"an option repeated in question {question.id}")
        return "", [(option, None) for option in _option_ids(values, question)]
    if question.kind == "short":
        return form.get(field_name(question), "").strip()[:500], []
    tokens = {match_token(option): option for option in question.options}
    pairs = []
    for option in question.options:
        value = form.get(field_name(question, option), "")
        if not value:
            continue
        if value not in tokens:
            raise ForeignAnswer(f"unknown pair {value!r} in question {question.id}")
        pairs.append((option, tokens[value]))
    return "", pairs


def score(question, text, chosen):
    """The share of the question's mark earned (0 to 1) and, per choice, whether it is right."""
    if question.kind == "short":
        return (1.0 if matches(text, question.accepted) else 0.0), []
    if question.kind == "matching":
        rights = [left.id == right.id for left, right in chosen]
        return sum(rights) / len(question.options), rights
    rights = [option.correct for option, _match in chosen]
    wanted = {option.id for option in question.options if option.correct}
    given = {option.id for option, _match in chosen}
    return (1.0 if given == wanted else 0.0), rights
