"""The build page in a browser: it shows the build waiting for the worker, then opens the release
by itself once a worker has built it (no reload by hand). axe checks the build page."""
import pytest
from playwright.sync_api import expect

from lms import jobs

pytestmark = pytest.mark.browser


@pytest.fixture
def app(app_factory, tmp_path):
    """Served by the live server; its jobs wait in a SQLite queue for the test to run them."""
    return app_factory(WTF_CSRF_ENABLED=True, JOBS_IMMEDIATE=False,
                       JOBS_SQLITE_PATH=str(tmp_path / "jobs.sqlite3"))


def test_the_build_page_opens_the_release_when_the_worker_is_done(app, visitor, builders,
                                                                  ready_course):
    course = ready_course(title="Built in the background")
    page = visitor.page
    visitor.log_in(course.trainer.email)
    visitor.open(f"/oer/publish/courses.course/{course.id}")
    visitor.press("Publish release 1")
    expect(page.get_by_role("heading", level=1)).to_have_text("Publishing")
    expect(page.get_by_role("status")).to_contain_text("Waiting for the builder to start")
    expect(page.locator("progress")).to_have_attribute("value", "0")

    queue = jobs.queue_of(app).huey
    queue.execute(queue.dequeue())                        # the worker builds it
    expect(page.get_by_role("heading", level=1)).to_have_text("Built in the background",
                                                              timeout=15000)
    expect(page.locator(".flash")).to_contain_text("Release 1 has been published.")
    assert page.url.endswith("/oer/built-in-the-background/v1/")
