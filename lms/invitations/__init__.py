"""Invitations by email, one flow for everything that takes people in.

An owner (the core for organisations, a plugin for its courses, networks or plans) declares an
`InvitationKind` (the core in `lms/__init__.py`, a plugin through `Plugin.invitation_kinds()`),
sends invitations with `lms.invitations.services.send()`, and serves the link's page with a
route of its own whose view returns `lms.invitations.views.accept_page(kind, token)`. The core
keeps the invitations (one table), checks the link, shows the page (accept; or log in; or
create an account, which the link's address proves), and calls the kind's `accept` to do what
accepting means.
"""
from dataclasses import dataclass, field
from typing import Any, Callable

from flask import current_app
from flask_babel import lazy_gettext as _l


class Refused(Exception):
    """What accepting would break (say, the person already belongs): shown on a page, and the
    link stays unused."""

    def __init__(self, message):
        # the text in the current language: a lazy message counts as HTML, and these may name
        # what people typed
        self.message = str(message)
        super().__init__(self.message)


@dataclass(frozen=True)
class Welcome:
    """Where accepting leads: the message flashed and the page shown next."""
    message: Any
    url: str


@dataclass(frozen=True)
class InvitationKind:
    """`name` starts with its owner's name (`core.`, `courses.`, ...). `purpose` is the link's
    token purpose (it salts the signature, so it never changes once links are out).
    `days_setting` names the setting that says how many days a link works. `endpoint` is the
    owner's route for the link. `target(id)` loads what the invitation is into (None when it is
    gone); `title(target)` heads the page; `accept(invitation, target, user)` does what
    accepting means and returns a `Welcome`, or raises `Refused`. `lead` is the template of the
    page's first paragraphs (it gets `invitation` and `target`); `layout` the page it extends.
    `new_accounts`: whether someone without an account may create one on the page. `roles`
    names the roles an invitation may give, for the page."""
    name: str
    purpose: str
    days_setting: str
    endpoint: str
    target: Callable[[int], Any]
    title: Callable[[Any], str]
    accept: Callable[[Any, Any, Any], Welcome]
    lead: str
    layout: str = "base.html"
    accept_label: Any = _l("Accept the invitation")
    create_label: Any = _l("Create my account and accept")
    new_accounts: bool = True
    roles: dict = field(default_factory=dict)


def install(app, kinds, owner):
    registry = app.extensions.setdefault("lms_invitation_kinds", {})
    for found in kinds:
        if not found.name.startswith(owner + "."):
            raise ValueError(f"{owner!r} declares invitation kind {found.name!r} outside its "
                             "prefix")
        registry[found.name] = found


def kind(name):
    return current_app.extensions["lms_invitation_kinds"][name]
