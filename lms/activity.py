"""Activity: what plugins tell the platform happened, for feeds that other plugins keep.

A plugin declares its kinds of activity (`Plugin.activity_kinds()`) and calls `record()`; a
plugin that keeps a feed connects to `lms.signals.activity` and stores what concerns it. Neither
imports the other. The sentence is rendered when the feed is shown, in the viewer's language.
"""
from dataclasses import dataclass

from flask import current_app
from flask_babel import gettext

from lms.signals import activity


@dataclass(frozen=True)
class ActivityKind:
    """`verb` is `<plugin>.<event>`; `message` a lazy_gettext string with %(actor)s and %(title)s."""
    verb: str
    message: object


def kinds():
    return current_app.extensions["lms_activity_kinds"]


def record(verb, *, actor=None, organisation_ids=(), network_ids=(), title="", url="",
           public=False):
    """Tell the feeds that `actor` did `verb` on `title`; an unregistered verb is an error."""
    if verb not in kinds():
        raise KeyError(f"unknown activity {verb!r}: declare it in the plugin's activity_kinds()")
    activity.send(current_app._get_current_object(), verb=verb, actor=actor,
                  organisation_ids=tuple(organisation_ids), network_ids=tuple(network_ids),
                  title=title, url=url, public=public)


def describe(verb, actor_name, title):
    """The sentence for one event in the current language (kinds of disabled plugins still read)."""
    kind = kinds().get(verb)
    if kind is None:
        return gettext("%(actor)s: %(title)s", actor=actor_name, title=title)
    return str(kind.message) % {"actor": actor_name, "title": title}
