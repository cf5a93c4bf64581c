"""What the site header of every page shows, as data; `templates/_site_header.html` writes it.

Every page pays for its header, so what does not change while the app runs is worked out once:
the menu's items (their links and titles) are kept per site role, language and current
section, and the signed-in person's proxy is read once per page.
"""
from collections import namedtuple

from flask import current_app, request
from flask_babel import get_locale
from flask_login import current_user

from lms.i18n import language_links
from lms.nav import nav_items
from lms.permissions import site_role

Header = namedtuple("Header", "languages menu user")
MenuLink = namedtuple("MenuLink", "url title current")


def _menu(user, locale, section, url_for):
    """The menu's links, kept per app in a map of (script root, language, site role, current
    section): whether an item shows depends on the site role alone (NavItem's contract), and
    the items, their links and the catalogues are fixed while the app runs (a few dozen menus
    in all)."""
    menus = current_app.extensions.setdefault("lms_menus", {})
    key = (request.script_root, locale, site_role(user), section)
    found = menus.get(key)
    if found is None:
        found = menus[key] = tuple(
            MenuLink(url_for(item.endpoint), str(item.title),
                     item.endpoint.split(".")[0] == section) for item in nav_items())
    return found


def site_header():
    """The header's data: the language switcher's links (code, name, url, current), the menu
    (the plugins' items this person may use, the current section marked) and the signed-in
    person (None for a visitor)."""
    url_for = current_app.jinja_env.globals["url_for"]   # lms.templating's, which remembers
    section = (request.endpoint or "").split(".")[0]
    user = current_user._get_current_object()
    return Header(language_links(), _menu(user, str(get_locale()), section, url_for),
                  user if user.is_authenticated else None)
