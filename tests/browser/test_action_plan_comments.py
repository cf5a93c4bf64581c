"""Comments on an action plan's section in Chromium: a contributor on a phone comments and
mentions a member, an editor replies and resolves; every page passes axe and fits 360 px."""
import pytest
from playwright.sync_api import expect

from tests.helpers.browser import Visitor

pytestmark = pytest.mark.browser


def test_a_contributor_comments_on_a_phone_and_an_editor_replies_and_resolves(
        visitor, new_page, live_server, network, plan, outbox):
    viewer = network.people["viewer"]
    section = f"/action-plans/{plan.slug}/sections/{plan.sections['context']}/"
    phone = Visitor(new_page(viewport={"width": 360, "height": 740}), live_server)
    phone.log_in(network.people["contributor"].email)
    phone.open(section)
    expect(phone.main.get_by_role("heading", name="Comments (0 open)")).to_be_visible()
    phone.page.get_by_text("Members you can mention").click()
    mention = f"@[{viewer.display_name}]({viewer.id})"
    expect(phone.main.get_by_text(mention)).to_be_visible()
    phone.fill("Comment", f"Where do the figures come from? {mention} may know.")
    phone.press("Add the comment")
    expect(phone.page.get_by_role("status")).to_contain_text("Your comment has been added.")
    expect(phone.main.locator(".mention")).to_have_text("@Viewer Person")
    assert phone.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert len(outbox.messages(to=viewer.email)) == 1

    visitor.log_in(network.people["editor"].email)
    visitor.open(f"/action-plans/{plan.slug}/")
    visitor.follow("1 open comment on Context")
    visitor.fill("Your reply", "The municipality's registration statistics.")
    visitor.press("Reply")
    expect(visitor.page.get_by_role("status")).to_contain_text("Your reply has been added.")
    visitor.press("Resolve")
    expect(visitor.page.get_by_role("status")).to_contain_text("The comment has been resolved.")
    expect(visitor.main.get_by_role("heading", name="Comments (0 open)")).to_be_visible()
    expect(visitor.main).to_contain_text("Resolved by Editor Person")

    phone.open(section)
    expect(phone.main).to_contain_text("The municipality's registration statistics.")
    assert phone.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
