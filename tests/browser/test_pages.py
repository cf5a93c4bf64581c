"""The pages an admin reaches, and an error page, pass axe-core in Chromium."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ADMIN_PAGES = {
    "/admin/users": "People",
    "/admin/users/{learner.id}": "{learner.display_name}",
    "/admin/audit": "Audit log",
    "/organisations/": "Organisations",
    "/organisations/new": "Add an organisation",
    "/account/": "Your profile",
    "/account/password": "Change your password",
    "/courses/": "Courses",
    "/networks/": "Networks",
    "/action-plans/": "Action plans",
    "/oer/": "Open educational resources",
}


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_admin_sees_an_accessible_page(visitor, make_user, make_organisation, path):
    admin = make_user(role="admin")
    learner = make_user(role="learner")
    make_organisation(admin=admin, members=[learner])
    visitor.log_in(admin.email)
    expect(visitor.header.get_by_role("link", name=admin.display_name)).to_be_visible()

    response = visitor.open(path.format(learner=learner))
    assert response.status == 200
    heading = ADMIN_PAGES[path].format(learner=learner)
    expect(visitor.page.get_by_role("heading", level=1)).to_have_text(heading)


def test_a_missing_page_says_so_and_leads_home(visitor):
    response = visitor.open("/no-such-page")
    assert response.status == 404
    expect(visitor.page.get_by_role("heading", level=1)).to_have_text("Page not found")
    visitor.follow("Go to the home page")
    expect(visitor.page.get_by_role("heading", level=1)).to_contain_text("Learn and work together")
