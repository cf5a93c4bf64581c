"""What every page's template does many times, done cheaply.

A page builds a dozen or more links and a CSRF token for the header's log-out form. Flask's
url_for() walks the URL map each time and Flask-WTF signs a new token for each request; both
show up as a large share of a light page. Here:

- `url_for` in templates remembers the relative URLs it built, per script root (an app mounted
  under a prefix gets its own), for calls without `_external`, `_scheme`, `_anchor` or
  `_method`. The URL map does not change while the app runs, so a link built once is the
  same link every time.
- `format_date` remembers how it wrote each plain date (a `date`, which no time zone changes)
  per language and format: Babel takes some 50 µs a date, most of the time of a page that
  lists hundreds of them (an action plan's timeline: about 1,800).
- the signed CSRF token of a session is reused for a few minutes instead of being signed
  again on every page. It is the same token the session would get anyway (tied to the
  session's secret and checked the same way); reusing it for at most REUSE_CSRF_FOR keeps
  it valid for most of WTF_CSRF_TIME_LIMIT.
"""
import time
from datetime import date

from flask import current_app, g, request, session
from flask import url_for as flask_url_for
from flask_babel import format_date, get_locale

from lms.memo import LRU

URL_CACHE_SIZE = 8192
DATE_CACHE_SIZE = 8192
REUSE_CSRF_FOR = 300        # seconds
_SPECIAL = frozenset({"_external", "_scheme", "_anchor", "_method"})


def install(app):
    urls = LRU(URL_CACHE_SIZE)
    tokens = LRU(4096)
    app.extensions["lms_url_cache"] = urls

    def url_for(endpoint, **values):
        if _SPECIAL.intersection(values):
            return flask_url_for(endpoint, **values)
        try:
            key = (request.script_root, request.blueprint if endpoint.startswith(".") else None,
                   endpoint, tuple(sorted(values.items())))
            hash(key)
        except TypeError:            # a list among the values: build it every time
            return flask_url_for(endpoint, **values)
        found = urls.get(key)
        if found is None:
            found = flask_url_for(endpoint, **values)
            urls.put(key, found)
        return found

    app.jinja_env.globals["url_for"] = url_for
    dates = LRU(DATE_CACHE_SIZE)

    def format_plain_date(value=None, format=None, rebase=True):
        if type(value) is not date:
            return format_date(value, format, rebase)
        try:    # the request's Locale, as lms.i18n.translations() reads it (get_locale() is slower)
            locale = g._flask_babel.babel_locale
        except (AttributeError, RuntimeError):
            locale = get_locale()
        key = (value, format, locale)
        found = dates.get(key)
        if found is None:
            found = format_date(value, format)
            dates.put(key, found)
        return found

    # dates in the reader's language: {{ plan.period_start | format_date }}
    app.jinja_env.filters["format_date"] = format_plain_date

    field = app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")

    @app.before_request
    def reuse_csrf_token():
        secret = session.get(field) if session else None
        if secret:
            found = tokens.get(secret)
            if found is not None and time.monotonic() - found[1] < REUSE_CSRF_FOR:
                setattr(g, field, found[0])

    @app.after_request
    def remember_csrf_token(response):
        token = g.get(field)
        secret = session.get(field) if session else None
        if token and secret:
            found = tokens.get(secret)
            if found is None or found[0] != token:
                tokens.put(secret, (token, time.monotonic()))
        return response

    return url_for


def cached_url_count(app=None):
    return len((app or current_app).extensions["lms_url_cache"])
