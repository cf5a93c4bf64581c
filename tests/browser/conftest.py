"""The browser tests' app: the live server (tests/fixtures/app.py) serves it to Chromium."""
import pytest


@pytest.fixture
def app(app_factory):
    """The app the live server serves: real CSRF tokens, as a browser meets them.

    make_user, make_organisation and outbox use it too, so they share its database and outbox.
    """
    return app_factory(WTF_CSRF_ENABLED=True)
