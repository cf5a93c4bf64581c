"""The OER catalogue on a phone and the blueprint workflow in Chromium, with axe on each page."""
import pytest
from playwright.sync_api import expect

from lms.extensions import db
from tests.helpers.browser import Visitor
from tests.helpers.oer import sample_snapshot

pytestmark = pytest.mark.browser


def publish_samples(app):
    from oer.models import OerItem, OerRelease
    from oer.services.search import index_item
    with app.app_context():
        for number, language in enumerate(("en", "de", "it"), start=1):
            shot = sample_snapshot(number, language=language,
                                   title=f"Interpreting at the job centre {number}")
            item = OerItem(kind=shot.kind, key=shot.key, slug=f"sample-{number}")
            db.session.add(item)
            db.session.flush()
            db.session.add(OerRelease(
                item=item, number=1, title=shot.title, description=shot.description,
                language=language, licence=shot.licence, resource_type="course",
                integration_area="labour", country="DE", level="regional",
                snapshot=shot.to_dict(), is_current=True))
            db.session.flush()
            index_item(item)
        db.session.commit()


def test_a_visitor_searches_and_filters_on_a_phone(app, new_page, live_server):
    publish_samples(app)
    phone = Visitor(new_page(viewport={"width": 360, "height": 740}), live_server)
    phone.open("/oer/")
    expect(phone.main.get_by_role("heading", level=2, name="3 resources")).to_be_visible()
    phone.fill("Search the resources", "interpret")
    phone.press("Search")
    expect(phone.main.get_by_role("heading", level=2, name="3 resources")).to_be_visible()
    phone.follow("German (1)", within=phone.page.get_by_role("navigation", name="Filters"))
    expect(phone.main.get_by_role("heading", level=2, name="1 resource")).to_be_visible()
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= 360
    phone.follow("Language: German (remove this filter)")
    expect(phone.main.get_by_role("heading", level=2, name="3 resources")).to_be_visible()


def test_a_blueprint_is_written_reviewed_and_published(visitor, new_page, live_server, make_user):
    author, editor = make_user("trainer"), make_user("admin")
    visitor.log_in(author.email)
    visitor.open("/oer/blueprints/")
    visitor.follow("Write a new blueprint")
    visitor.press("Save")
    expect(visitor.page.get_by_text("Please give the blueprint a title.")).to_be_visible()
    for label, value in (("Title", "Language buddies at the library"),
                         ("Summary", "Volunteers meet learners weekly at the library."),
                         ("Context", "A small town library."),
                         ("The problem addressed", "Few chances to speak the language."),
                         ("Steps", "Find volunteers.\n\nPair them with learners.")):
        visitor.fill(label, value)
    for label, value in (("Integration area", "language"), ("Level", "local"),
                         ("Country", "AT")):
        visitor.page.get_by_label(label, exact=True).select_option(value)
    visitor.page.get_by_label("NGO", exact=True).check()
    visitor.press("Save")
    visitor.press("Send for review")
    expect(visitor.page.get_by_text("Status: In review")).to_be_visible()

    reviewer = Visitor(new_page(), live_server)
    reviewer.log_in(editor.email)
    reviewer.open("/oer/blueprints/review/")
    reviewer.follow("Language buddies at the library")
    reviewer.press("Publish it")
    expect(reviewer.page.get_by_role("heading", level=1)).to_have_text(
        "Language buddies at the library")
