"""Navigation items and home-page sections contributed by plugins, filtered by can()."""
from dataclasses import dataclass

from flask import current_app
from flask_login import current_user

from lms.permissions import can


@dataclass(frozen=True)
class NavItem:
    """A link in the header: `title` is a lazy_gettext string, shown when `permission` holds."""
    title: object
    endpoint: str
    permission: str
    order: int = 100


@dataclass(frozen=True)
class HomeSection:
    """What a plugin offers, told on the home page with a link in."""
    title: object
    text: object
    endpoint: str
    permission: str
    link_text: object
    order: int = 100


def visible(items):
    return [item for item in sorted(items, key=lambda i: i.order)
            if can(current_user, item.permission)]


def nav_items():
    return visible(current_app.extensions["lms_nav"])


def home_sections():
    return visible(current_app.extensions["lms_home"])
