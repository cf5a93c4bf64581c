"""The heavy parts of a plan's pages (its outline, the dashboard's figures, the timeline),
rendered once and kept in the app's memory (the core LRU) until the plan changes.

A part is kept under the plan's generation (`services/generation.py`: it grows in the same
transaction as any write to the plan or its records, whichever app process writes), the
reader's language, and what else it depends on: the reader's today where figures follow the
date, and what the reader may see and do (`variant`). Nothing of one person is kept: a form's
CSRF token is left as a placeholder and put in on each request (`with_token`).
"""
from flask import current_app
from flask_babel import get_locale
from markupsafe import Markup

from action_plans.services import generation
from lms.extensions import db
from lms.memo import LRU

FRAGMENT_BYTES = 32 * 1024 * 1024      # per app process; a plan of 300 actions is about 250 kB
EXTENSION = "action_plans_fragments"
TOKEN = "\x00csrf-token\x00"           # where a form's hidden CSRF field goes


def init_app(app):
    app.extensions[EXTENSION] = LRU(FRAGMENT_BYTES, weigh=len)


def kept(plan, name, variant, render):
    """The part `name` of `plan` as `render()` makes it (HTML), made only when the plan changed
    since, or for a new language or `variant` (a tuple of what else the part depends on)."""
    memo = current_app.extensions[EXTENSION]
    # the creation time: SQLite may give a deleted plan's id again
    key = (plan.id, plan.created_at, plan.generation, name, str(get_locale()), variant)
    found = memo.get(key)
    if found is None:
        found = Markup(render())
        # not what a request that wrote to a plan saw before its commit: others would read it
        # under the old generation, and kept it even if the request were rolled back
        if generation.PENDING not in db.session.info:
            memo.put(key, found)
    return found


class TokenPlaceholder:
    """Stands for a `ConfirmForm` while a kept part is rendered: its hidden field is put in
    afterwards, per request."""

    def hidden_tag(self):
        return Markup(TOKEN)


def with_token(html, form_class):
    """The kept part with the hidden fields of a `form_class` form (the reader's CSRF token) in
    place."""
    if TOKEN not in html:
        return html
    # str: Markup's own replace would escape the field's HTML
    return Markup(str(html).replace(TOKEN, str(form_class().hidden_tag())))
