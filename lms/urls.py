"""Absolute links on the site's public address (SITE_URL), inside a request or outside one."""
from contextlib import contextmanager
from urllib.parse import urlsplit

from flask import current_app, has_request_context, request, url_for


def site_url():
    return current_app.config["SITE_URL"].rstrip("/")


def external_url(endpoint, **values):
    """url_for(endpoint, **values) as an absolute URL on SITE_URL, whatever host the current
    request (if any) came in on: what packages, feeds built by jobs and mail carry."""
    parts = urlsplit(site_url())
    path = _path_for(endpoint, values)
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}{path}"


def _path_for(endpoint, values):
    """The endpoint's path below the application's root (no script root)."""
    if has_request_context():
        return url_for(endpoint, **values)[len(request.script_root):]
    with current_app.test_request_context("/"):
        return url_for(endpoint, **values)


@contextmanager
def site_request_context(app):
    """A request context on SITE_URL, for work outside any request (background jobs, CLI
    commands) that builds links or renders templates."""
    parts = urlsplit(app.config["SITE_URL"].rstrip("/"))
    with app.test_request_context("/", base_url=f"{parts.scheme}://{parts.netloc}{parts.path}"):
        yield
