"""A trainer publishes a course as an open educational resource; a visitor on a phone finds
the release page, its metadata and downloads. axe checks every page on the way."""
import pytest
from playwright.sync_api import expect

from tests.helpers.browser import Visitor

pytestmark = pytest.mark.browser


def test_a_trainer_publishes_and_a_visitor_downloads(visitor, new_page, live_server, builders,
                                                     ready_course):
    course = ready_course(title="Partners around one table")
    page = visitor.page
    visitor.log_in(course.trainer.email)
    visitor.open(f"/courses/{course.slug}/outline")
    visitor.follow("Publish as open educational resource")
    expect(visitor.main).to_contain_text("Publishing makes a new numbered release")
    visitor.press("Publish release 1")
    expect(page.get_by_role("status")).to_contain_text("Release 1 has been published.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Partners around one table")
    expect(page.locator('script[type="application/ld+json"]')).to_have_count(1)

    phone = Visitor(new_page(viewport={"width": 360, "height": 740}), live_server)
    phone.open("/oer/partners-around-one-table/")
    width = phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page is {width}px wide on a 360px phone"
    expect(phone.main).to_contain_text("How to reuse and cite")
    downloads = phone.page.locator("a[download]")
    assert downloads.count() >= 1
    with phone.page.expect_download() as download:
        downloads.first.click()
    assert download.value.suggested_filename.startswith("partners-around-one-table-v1")

    visitor.fill("Why is this release withdrawn?", "A partner asked to be left out.")
    visitor.press("Withdraw release 1")
    expect(visitor.main).to_contain_text("This release was withdrawn on")
    expect(visitor.main).to_contain_text("A partner asked to be left out.")
