"""Driving pages like a person does, with axe-core checking every page a test lands on."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.helpers import PASSWORD

BLOCKING_IMPACTS = ("serious", "critical")


def check_axe(page):
    """Fail on any serious or critical axe-core violation of the page as it is now."""
    violations = [v for v in Axe().run(page).response["violations"]
                  if v["impact"] in BLOCKING_IMPACTS]
    if violations:
        pytest.fail(f"accessibility violations on {page.url}:\n\n"
                    + "\n\n".join(describe(v) for v in violations), pytrace=False)


def describe(violation):
    nodes = "\n".join(f"    {node['html']}" for node in violation["nodes"])
    return (f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"  {violation['helpUrl']}\n{nodes}")


class Visitor:
    """Drives one page like a person does, checking each page it lands on with axe."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url

    def open(self, path_or_url):
        """Type an address (a path on the live server, or a full URL); return the response."""
        url = path_or_url if "://" in path_or_url else self.base_url + path_or_url
        response = self.page.goto(url)
        check_axe(self.page)
        return response

    def follow(self, link_name, within=None):
        """Click the link with this accessible name (inside `within`, a locator, if given)."""
        scope = within if within is not None else self.page
        return self._navigate(scope.get_by_role("link", name=link_name, exact=True))

    def press(self, button_name):
        """Click the button with this accessible name and wait for the page it leads to."""
        return self._navigate(self.page.get_by_role("button", name=button_name, exact=True))

    def fill(self, label, value):
        self.page.get_by_label(label, exact=True).fill(value)

    def log_in(self, email, password=PASSWORD):
        self.open("/login")
        self.fill("Email address", email)
        self.fill("Password", password)
        return self.press("Log in")

    @property
    def header(self):
        return self.page.get_by_role("banner")

    @property
    def main(self):
        return self.page.get_by_role("main")

    def _navigate(self, target):
        with self.page.expect_navigation() as navigation:
            target.click()
        response = navigation.value
        check_axe(self.page)
        return response
