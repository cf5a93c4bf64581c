"""Password hashing and the rules a new password must pass."""
from functools import cache

from flask import current_app
from flask_babel import lazy_gettext as _l
from werkzeug.security import check_password_hash, generate_password_hash
from wtforms.validators import ValidationError
from zxcvbn.frequency_lists import FREQUENCY_LISTS


def hash_password(password):
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def check_password(password_hash, password):
    return bool(password_hash) and check_password_hash(password_hash, password)


@cache
def common_passwords():
    """The 30,000 most common passwords from leaked lists, as zxcvbn ships them."""
    return frozenset(FREQUENCY_LISTS["passwords"])


def password_problem(password, *personal):
    """Why `password` is not acceptable, or None."""
    minimum = current_app.config["PASSWORD_MIN_LENGTH"]
    if len(password) < minimum:
        return _l("Use at least %(count)d characters.", count=minimum)
    lowered = password.lower()
    if lowered in common_passwords() or len(set(lowered)) <= 2:
        return _l("This password is too common and easy to guess. Please choose another one.")
    for word in personal:
        word = (word or "").lower().split("@")[0]
        if len(word) >= 4 and word in lowered:
            return _l("Please do not use your name or email address in your password.")
    return None


class StrongPassword:
    """WTForms validator; `personal` names fields whose values must not appear in the password.

    A form may also carry `personal_words` (say, the signed-in person's name and address).
    """

    def __init__(self, *personal):
        self.personal = personal

    def __call__(self, form, field):
        values = [form[name].data for name in self.personal if name in form]
        values += list(getattr(form, "personal_words", ()))
        problem = password_problem(field.data or "", *values)
        if problem:
            raise ValidationError(problem)
