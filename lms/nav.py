"""Navigation items, home-page and organisation-page sections from plugins, filtered by can()."""
from collections.abc import Callable
from dataclasses import dataclass

from flask import current_app, render_template
from flask_login import current_user
from markupsafe import Markup

from lms.permissions import can


@dataclass(frozen=True)
class NavItem:
    """A link in the header: `title` is a lazy_gettext string, shown when `permission` holds.

    The permission is asked without an object, and the answer must depend on the site role
    alone (a policy gets `obj=None` and should answer by `permission.roles`): the header keeps
    one menu per site role, language and current section (`lms.layout`)."""
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


@dataclass(frozen=True)
class OrganisationSection:
    """A part of an organisation's profile page, shown when `permission` holds.

    `load(organisation)` returns the variables `template` is rendered with (beside
    `organisation`), or None when the section has nothing to show this viewer. It is called
    once per page view, so it loads what it shows in a fixed number of queries.
    """
    template: str
    permission: str
    load: Callable
    order: int = 100


def visible(items):
    return [item for item in sorted(items, key=lambda i: i.order)
            if can(current_user, item.permission)]


def nav_items():
    return visible(current_app.extensions["lms_nav"])


def home_sections():
    return visible(current_app.extensions["lms_home"])


def organisation_sections(organisation):
    """The plugins' sections of `organisation`'s page, rendered for the current user."""
    shown = []
    for section in visible(current_app.extensions["lms_organisation_sections"]):
        values = section.load(organisation)
        if values is not None:
            shown.append(Markup(render_template(section.template, organisation=organisation,
                                                **values)))
    return shown
