"""Driving pages like a person does, with axe-core checking every page a test lands on."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.helpers import PASSWORD

BLOCKING_IMPACTS = ("serious", "critical")
PHONE = {"width": 360, "height": 740}


AXE_SCRIPT = Axe().axe_script


def check_axe(page):
    """Fail on any serious or critical axe-core violation of the page as it is now (axe-core
    is put into the page once: checking it again, at another width, reuses it)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    found = page.evaluate("axe.run({resultTypes: ['violations']})")
    violations = [v for v in found["violations"] if v["impact"] in BLOCKING_IMPACTS]
    if violations:
        pytest.fail(f"accessibility violations on {page.url}:\n\n"
                    + "\n\n".join(describe(v) for v in violations), pytrace=False)


def check_on_a_phone(page):
    """The page as it is now at a phone's width: axe-clean, and nothing wider than the screen
    (no sideways scrolling); the window gets its size back afterwards."""
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    try:
        check_axe(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            pytest.fail(f"{page.url} is {overflow} px wider than a phone's screen of "
                        f"{PHONE['width']} px", pytrace=False)
    finally:
        page.set_viewport_size(size)


def describe(violation):
    nodes = "\n".join(f"    {node['html']}" for node in violation["nodes"])
    return (f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"  {violation['helpUrl']}\n{nodes}")


class Visitor:
    """Drives one page like a person does, checking each page it lands on with axe; with
    `also_on_a_phone`, each page is checked at a phone's width too (`check_on_a_phone`)."""

    def __init__(self, page, base_url, also_on_a_phone=False):
        self.page = page
        self.base_url = base_url
        self.also_on_a_phone = also_on_a_phone

    def check(self):
        check_axe(self.page)
        if self.also_on_a_phone:
            check_on_a_phone(self.page)

    def open(self, path_or_url):
        """Type an address (a path on the live server, or a full URL); return the response."""
        url = path_or_url if "://" in path_or_url else self.base_url + path_or_url
        response = self.page.goto(url)
        self.check()
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
        self.check()
        return response
