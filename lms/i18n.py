"""Languages: which one a request is served in, and their names in their own words."""
from babel import Locale
from flask import current_app, g, has_request_context, request, url_for
from flask_babel import get_locale, get_translations
from flask_login import current_user

LANGUAGE_COOKIE = "lms_lang"
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "it": "Italiano", "tr": "Türkçe"}


_LOCALES: dict[str, Locale] = {}


def select_locale():
    """The user's choice, else the language cookie, else Accept-Language, else English.

    Answers a Locale kept per code: Flask-Babel would otherwise parse the code on every
    request."""
    code = _select_code()
    found = _LOCALES.get(code)
    if found is None:
        found = _LOCALES[code] = Locale.parse(code)
    return found


def _select_code():
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


def translations():
    """The request's merged catalogues, looked up once per request and locale.

    Flask-Babel finds the domain, the locale and the cache again on every string; a page
    translates dozens. The pair (locale, catalogues) is kept beside Flask-Babel's own request
    state and is trusted only while that state still holds the same Locale object, so
    `flask_babel.refresh()` and `force_locale()` keep working.
    """
    try:
        state = g._flask_babel
    except (AttributeError, RuntimeError):
        return get_translations()
    cached = getattr(state, "lms_translations", None)
    locale = getattr(state, "babel_locale", None)
    if cached is not None and locale is not None and cached[0] is locale:
        return cached[1]
    found = get_translations()
    state.lms_translations = (getattr(state, "babel_locale", None), found)
    return found


def install_template_gettext(app):
    """Templates' _(), gettext(), ngettext() ... read the catalogues through translations()."""
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: translations().ugettext(s),
        ngettext=lambda s, p, n: translations().ungettext(s, p, n),
        pgettext=lambda c, s: translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: translations().unpgettext(c, s, p, n),
        newstyle=True)


def language_links():
    """[(code, name, url, is_current)] for the header's language switcher: one url_for for
    all of them (the header is on every page)."""
    current = str(get_locale())
    pattern = url_for("core.set_language", code="__code__",
                      next=request.full_path.rstrip("?"))
    return [(code, name, pattern.replace("__code__", code, 1), code == current)
            for code, name in language_choices()]
