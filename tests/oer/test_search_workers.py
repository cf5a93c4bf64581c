"""Two workers (two app instances on one database): what one withdraws or re-indexes leaves
the other's catalogue at its next load, however close together the changes come."""
from datetime import timedelta
from html import unescape

import pytest
import time_machine

from lms.extensions import db
from lms.timeutil import utcnow
from lms.urls import site_request_context
from oer.services import search
from oer.models import OerRelease
from oer.services.publishing import withdraw


@pytest.fixture
def worker_b(app, app_factory):
    """A second worker on the same database, checking the catalogue on every load (as one
    whose second has passed)."""
    return app_factory(SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"],
                       OER_SEARCH_FRESH_SECONDS=0)


def catalogue(worker, query=""):
    response = worker.test_client().get("/oer/", query_string={"q": query} if query else {})
    assert response.status_code == 200
    return unescape(response.get_data(as_text=True))


def withdraw_on(worker, release_id):
    with site_request_context(worker):
        withdraw(db.session.get(OerRelease, release_id), "Out of date.", None)
        db.session.commit()


def test_two_withdrawals_in_one_second_both_leave_another_workers_catalogue(
        app, worker_b, make_release):
    first = make_release(title="Housing counselling")
    second = make_release(title="Language cafés")
    with app.app_context():
        for release_id in (first, second):
            search.index_item(db.session.get(OerRelease, release_id).item)
        db.session.commit()
    assert "Housing counselling" in catalogue(worker_b)
    # a moment after the publications, early in its second
    moment = utcnow().replace(microsecond=100_000) + timedelta(minutes=1)
    with time_machine.travel(moment, tick=False):
        withdraw_on(app, first)
        page = catalogue(worker_b)
        assert "Housing counselling" not in page and "Language cafés" in page
        withdraw_on(app, second)                # the same second as the first
        page = catalogue(worker_b)
    assert "Housing counselling" not in page
    assert "Language cafés" not in page
    assert "Nothing has been published yet." in page


def test_reindexing_on_one_worker_refreshes_another_workers_memory(
        app, worker_b, make_release):
    make_release(title="Health mediators")              # published, not indexed yet
    assert "No resource matches your search." in catalogue(worker_b, "mediators")
    result = app.test_cli_runner().invoke(args=["oer-reindex"])
    assert result.exit_code == 0, result.output
    page = catalogue(worker_b, "mediators")
    assert "Health mediators" in page and "1 resource" in page
