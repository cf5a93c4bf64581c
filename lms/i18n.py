"""Languages: which one a request is served in, and their names in their own words."""
from flask import current_app, has_request_context, request
from flask_login import current_user

LANGUAGE_COOKIE = "lms_lang"
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "it": "Italiano", "tr": "Türkçe"}


def select_locale():
    """The user's choice, else the language cookie, else Accept-Language, else English."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():   # command-line tools speak the default language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if chosen in languages:
        return chosen
    return request.accept_languages.best_match(languages) or current_app.config[
        "BABEL_DEFAULT_LOCALE"]


def language_choices():
    return [(code, LANGUAGE_NAMES[code]) for code in current_app.config["LANGUAGES"]]
