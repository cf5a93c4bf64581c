"""Signals the core sends; plugins connect to them instead of importing each other."""
from blinker import Namespace

_signals = Namespace()

app_ready = _signals.signal("app-ready", doc="""
create_app() has built the app and the database answers (it may not be migrated yet). Sender:
the app. Plugins check what their settings and data promise and log a warning when something
needs an operator's attention.
""")

user_registered = _signals.signal("user-registered", doc="""
A person signed up. Sender: the app; `user` is the new account.
""")

user_logged_in = _signals.signal("user-logged-in", doc="""
A person logged in. Sender: the app; `user` is the account.
""")

user_deactivated = _signals.signal("user-deactivated", doc="""
An admin deactivated an account. Sender: the app; `user` is the account, `by` the admin.
""")

organisation_member_added = _signals.signal("organisation-member-added", doc="""
A person joined an organisation. Sender: the app; `membership` is the new membership.
""")

organisation_member_removed = _signals.signal("organisation-member-removed", doc="""
A person left or was removed from an organisation. Sender: the app; `user` and `organisation`.
""")

demo_seeding = _signals.signal("demo-seeding", doc="""
`flask seed-demo` is running. Sender: the app; `users` maps demo role labels (admin, trainer,
learner, organisation-admin) to accounts, `organisations` lists the demo organisations. Plugins
add their demo content here; it must be safe to run again.
""")

demo_seeded = _signals.signal("demo-seeded", doc="""
Sent by `flask seed-demo` once every receiver of `demo_seeding` has added its content, in the
same transaction and with the same arguments: what builds on other plugins' demo content (a
publisher publishing it) happens here. It must be safe to run again.
""")

activity = _signals.signal("activity", doc="""
Something happened that feeds (a network's activity feed, say) may show. Send it through
`lms.activity.record()`, not directly. Sender: the app; keyword arguments: `verb` (a registered
`ActivityKind`, `<plugin>.<event>`), `actor` (the account or None), `organisation_ids` (the
organisations whose people did it), `network_ids` (the networks it happened in, when known),
`title` and `url` (what it is about), `public` (True when anyone may see it).
""")
