"""Absolute links on SITE_URL, whatever host a request came in on."""
from lms.urls import external_url, site_request_context


def test_external_url_uses_site_url_not_the_request_host(app_factory):
    app = app_factory(SITE_URL="https://lms.example.org/region")
    with app.test_request_context("/", base_url="http://127.0.0.1:5077"):
        assert external_url("core.home") == "https://lms.example.org/region/"
    with app.app_context():
        assert external_url("core.home", x=1) == "https://lms.example.org/region/?x=1"


def test_site_request_context_builds_links_on_site_url(app_factory):
    from flask import url_for
    app = app_factory(SITE_URL="https://lms.example.org")
    with site_request_context(app):
        assert url_for("core.home", _external=True) == "https://lms.example.org/"
