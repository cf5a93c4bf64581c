"""The harness's world: one app per test process on the seeded demo, a client per demo role,
URL arguments taken from the demo's data, and a cheap record of what a request stored.

Every request the harness makes goes through `World.request`: it notes which tables the
request wrote to (an engine event on INSERT/UPDATE/DELETE), and `World.settle` compares those
tables with the state right after seeding (a hash of their rows) and puts the rows back when they
differ. So each request starts from the seeded demo, and restoring costs only what was written.
"""
import hashlib
import re
import tempfile
from dataclasses import dataclass

from sqlalchemy import event, text

from lms import create_app
from lms.extensions import db
from lms.plugins import tables_for

# the demo's roles: label -> e-mail (None: anonymous); the coordinator is added by the harness
ROLES = {
    "anonymous": None,
    "learner": "learner@demo.example.org",
    "trainer": "trainer@demo.example.org",
    "organisation-admin": "orgadmin@demo.example.org",
    "network-coordinator": "coordinator@demo.example.org",
    "network-editor": "editor@demo.example.org",
    "network-contributor": "contributor@demo.example.org",
    "network-viewer": "viewer@demo.example.org",
    "admin": "admin@demo.example.org",
}
# written on any request by design (sign-in state, throttling): restored, never a finding
BOOKKEEPING = frozenset({"sessions", "login_attempts"})
WRITE = re.compile(r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?',
                   re.IGNORECASE)
CONVERTERS = {"int", "id", "slug", "string", "path", "any", "default"}


class UnfilledArgument(LookupError):
    """A route's URL argument that the harness's tables cannot fill from the demo data."""


# (rule prefix, argument) -> SQL giving a demo value; the longest matching prefix wins, then
# (None, argument). A new route whose argument is not here fails the route test loudly.
ARGUMENT_SQL = {
    ("/courses/", "slug"): "SELECT slug FROM courses_course WHERE translation_of_id IS NULL "
                           "ORDER BY id",
    ("/courses/badges/", "slug"): "SELECT slug FROM courses_course ORDER BY id",
    ("/courses/", "lesson_id"): "SELECT id FROM courses_lesson WHERE kind = 'page' ORDER BY id",
    ("/courses/<slug>/quizzes/", "lesson_id"): "SELECT lesson_id FROM courses_quiz ORDER BY id",
    ("/courses/", "question_id"): "SELECT q.id FROM courses_quiz_question q JOIN courses_quiz z "
                                  "ON z.id = q.quiz_id ORDER BY z.id, q.id",
    ("/courses/", "attempt_id"): "SELECT id FROM courses_quiz_attempt ORDER BY id",
    ("/courses/", "module_id"): "SELECT id FROM courses_module ORDER BY id",
    ("/courses/", "enrolment_id"): "SELECT id FROM courses_enrolment ORDER BY id",
    ("/courses/", "user_id"): "SELECT user_id FROM role_assignments "
                              "WHERE role = 'courses.trainer' ORDER BY id",
    ("/courses/", "code"): "SELECT code FROM courses_completion ORDER BY id",
    ("/courses/media/", "sha256"): "SELECT sha256 FROM courses_media ORDER BY id",
    ("/toolkit/", "slug"): "SELECT slug FROM courses_assessment_tool ORDER BY id",
    ("/toolkit/courses/", "slug"): "SELECT slug FROM courses_course ORDER BY id",
    ("/toolkit/", "dimension_id"): "SELECT id FROM courses_assessment_dimension ORDER BY id",
    ("/toolkit/", "attempt_id"): "SELECT id FROM courses_assessment_attempt ORDER BY id",
    ("/toolkit/", "organisation_slug"): "SELECT slug FROM organisations ORDER BY id",
    ("/toolkit/", "resource_id"): "SELECT id FROM courses_toolkit_resource ORDER BY id",
    ("/toolkit/", "filename"): "SELECT filename FROM courses_toolkit_resource ORDER BY id",
    ("/networks/", "slug"): "SELECT slug FROM networks_network ORDER BY id",
    ("/networks/", "member_id"): "SELECT id FROM networks_member ORDER BY id DESC",
    ("/networks/", "person_id"): "SELECT id FROM networks_person ORDER BY id DESC",
    ("/networks/", "invitation_id"): "SELECT id FROM invitations WHERE kind = 'networks.network' ORDER BY id",
    ("/networks/", "request_id"): "SELECT id FROM networks_join_request ORDER BY id",
    ("/networks/", "digest"): "SELECT logo_hash FROM networks_network ORDER BY id",
    ("/organisations/", "slug"): "SELECT o.slug FROM organisations o JOIN memberships m "
                                 "ON m.organisation_id = o.id WHERE m.role = 'admin' ORDER BY o.id",
    ("/organisations/", "membership_id"): "SELECT id FROM memberships ORDER BY id DESC",
    ("/oer/", "slug"): "SELECT i.slug FROM oer_item i WHERE i.kind LIKE 'courses.%' ORDER BY i.id",
    ("/oer/", "number"): "SELECT number FROM oer_release r JOIN oer_item i ON i.id = r.item_id "
                         "WHERE i.kind LIKE 'courses.%' ORDER BY r.id",
    ("/oer/", "filename"): "SELECT p.filename FROM oer_package p JOIN oer_release r "
                           "ON r.id = p.release_id JOIN oer_item i ON i.id = r.item_id "
                           "WHERE i.kind LIKE 'courses.%' ORDER BY p.id",
    ("/oer/", "blueprint_id"): "SELECT id FROM oer_practice ORDER BY id",
    ("/oer/", "build_id"): "SELECT id FROM oer_build ORDER BY id DESC",
    ("/oer/", "key"): "SELECT id FROM courses_course WHERE translation_of_id IS NULL ORDER BY id",
    ("/action-plans/", "slug"): "SELECT slug FROM action_plans_plan ORDER BY id",
    ("/action-plans/", "section_id"): "SELECT id FROM action_plans_section ORDER BY id",
    ("/action-plans/", "revision_id"): "SELECT id FROM action_plans_revision "
                                       "WHERE record_type = 'section' ORDER BY id",
    ("/action-plans/", "number"): "SELECT number FROM action_plans_plan_version ORDER BY id",
    ("/action-plans/", "indicator_id"): "SELECT id FROM action_plans_indicator ORDER BY id",
    ("/action-plans/<slug:slug>/indicators/", "revision_id"):
        "SELECT id FROM action_plans_revision WHERE record_type = 'indicator' ORDER BY id",
    # a measurement of the first indicator, one awaiting approval first
    ("/action-plans/", "measurement_id"):
        "SELECT id FROM action_plans_measurement WHERE indicator_id = "
        "(SELECT MIN(id) FROM action_plans_indicator) ORDER BY status = 'submitted' DESC, id",
    # goals and actions: the first plan's first goal and action, and what hangs on them
    ("/action-plans/", "goal_id"): "SELECT id FROM action_plans_goal ORDER BY id",
    ("/action-plans/", "action_id"): "SELECT id FROM action_plans_action ORDER BY id",
    ("/action-plans/", "milestone_id"): "SELECT id FROM action_plans_milestone WHERE action_id = "
                                        "(SELECT MIN(id) FROM action_plans_action) ORDER BY id",
    ("/action-plans/", "organisation_id"): "SELECT organisation_id FROM "
                                           "action_plans_action_partner WHERE action_id = "
                                           "(SELECT MIN(id) FROM action_plans_action) "
                                           "ORDER BY organisation_id",
    # comments: the demo's are on the drafting plan (its first, open thread)
    ("/action-plans/", "comment_id"): "SELECT id FROM action_plans_comment ORDER BY id",
    ("/action-plans/<slug:slug>/comments/", "slug"): "SELECT p.slug FROM action_plans_plan p "
                                                     "JOIN action_plans_comment c ON "
                                                     "c.plan_id = p.id ORDER BY c.id",
    ("/action-plans/<slug:slug>/goals/", "revision_id"): "SELECT id FROM action_plans_revision "
                                                         "WHERE record_type = 'goal' ORDER BY id",
    ("/action-plans/<slug:slug>/actions/", "revision_id"): "SELECT id FROM action_plans_revision "
                                                           "WHERE record_type = 'action' "
                                                           "ORDER BY id",
    ("/admin/", "user_id"): "SELECT id FROM users WHERE email = 'learner@demo.example.org'",
}
ARGUMENT_VALUES = {
    # values that are not rows: chosen from the code's own vocabulary
    ("/oer/", "kind_name"): "courses.course",
    ("/courses/", "direction"): "down",
    ("/courses/", "status"): "draft",
    ("/language/", "code"): "de",
    ("/static/", "filename"): "lms.css",
    ("/courses/static/", "filename"): "courses.css",
    ("/networks/static/", "filename"): "networks.css",
    ("/oer/static/", "filename"): "catalogue.css",
    ("/toolkit/static/", "filename"): "toolkit.css",
    ("/action-plans/static/", "filename"): "presence.js",
    # single-use tokens: the demo has none; a made-up one must be refused gracefully
    (None, "token"): "not-a-real-token",
}
MADE_UP = {"token"}
MISSING = object()


@dataclass
class Filled:
    url: str
    absent: tuple   # arguments the demo holds no row for (a made-up value was used)


def converter_name(app, converter):
    for name, cls in app.url_map.converters.items():
        if type(converter) is cls:
            return name
    return type(converter).__name__


def _no_sync(dbapi_connection, _record):
    dbapi_connection.execute("PRAGMA synchronous=OFF")


class World:
    def __init__(self, app):
        self.app = app
        self.written = set()
        self.tables = {t.name: t for t in tables_for(app, db.metadata)}
        # a write to a table may change the tables that refer to it (ON DELETE CASCADE/SET NULL)
        self.dependents = {name: {name} for name in self.tables}
        grown = True
        while grown:
            grown = False
            for table in self.tables.values():
                for key in table.foreign_keys:
                    for name, found in self.dependents.items():
                        if key.column.table.name in found and table.name not in found:
                            found.add(table.name)
                            grown = True
        self.cookies = {}
        self.shapes = set()      # (role, action, fields) of the forms fuzzed so far
        self.requests = 0
        self.submissions = 0
        with app.app_context():
            self.engine = db.engine
        event.listen(self.engine, "before_cursor_execute", self._note_write)
        if self.engine.dialect.name == "sqlite":
            # a test database need not survive a power cut: commits do not wait for the disk
            event.listen(self.engine, "connect", _no_sync)
            self.engine.dispose()

    # --- what a request stored -------------------------------------------------------------
    def _note_write(self, conn, cursor, statement, parameters, context, executemany):
        match = WRITE.match(statement)
        if match:
            self.written.add(match.group(1))

    def _rows(self, connection, name):
        """The rows as the driver gives them (so SQLite's can go back in as they are)."""
        table = self.tables[name]
        columns = ", ".join(f'"{c.name}"' for c in table.columns)
        order = ", ".join(f'"{c.name}"' for c in (table.primary_key.columns or table.columns))
        return [tuple(row) for row in connection.exec_driver_sql(
            f'SELECT {columns} FROM "{name}" ORDER BY {order}')]

    @staticmethod
    def _digest(rows):
        return hashlib.blake2b(repr(rows).encode(), digest_size=16).hexdigest()

    def snapshot(self):
        """Remember every table's rows: the state each request starts from."""
        with self.engine.connect() as connection:
            self.baseline = {name: self._rows(connection, name) for name in self.tables}
        self.baseline_digest = {name: self._digest(rows) for name, rows in self.baseline.items()}
        self.written.clear()

    def changed(self):
        """Tables whose rows differ from the baseline, among those written since last settled
        (bookkeeping tables are taken as changed when written: they are small)."""
        if not self.written:
            return set()
        suspects = set()
        for name in self.written - BOOKKEEPING:
            suspects |= self.dependents.get(name, set())
        found = self.written & BOOKKEEPING
        if not suspects:
            return found
        with self.engine.connect() as connection:
            return found | {name for name in suspects if
                            self._digest(self._rows(connection, name)) != self.baseline_digest[name]}

    def settle(self, bookkeeping=True):
        """Put back the tables that differ from the baseline; returns their names. With
        `bookkeeping=False` the sign-in tables are left for a later settle (one restore after a
        run of submissions instead of one after each: a flash message is all they gain)."""
        changed = self.changed()
        later = set() if bookkeeping else changed & BOOKKEEPING
        if changed - later:
            self._restore(changed - later)
        self.written = set(later)
        return changed

    def _restore(self, names):
        ordered = [t for t in self.tables.values() if t.name in names]   # parents first
        # Foreign keys are not enforced while rows are put back: deleting a parent row would
        # cascade into tables that are not reloaded; the state put back is the consistent seed.
        if self.engine.dialect.name == "sqlite":
            raw = self.engine.raw_connection()
            try:
                raw.execute("PRAGMA foreign_keys=OFF")   # outside a transaction, or a no-op
                cursor = raw.cursor()
                cursor.execute("BEGIN")
                for table in reversed(ordered):
                    cursor.execute(f'DELETE FROM "{table.name}"')
                for table in ordered:
                    rows = self.baseline[table.name]
                    if rows:
                        columns = ", ".join(f'"{c.name}"' for c in table.columns)
                        marks = ", ".join("?" * len(table.columns))
                        cursor.executemany(
                            f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})', rows)
                cursor.execute("COMMIT")
                raw.execute("PRAGMA foreign_keys=ON")
            finally:
                raw.close()
            return
        with self.engine.begin() as connection:
            connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
            self._reload(connection, ordered)

    def _reload(self, connection, tables):
        for table in reversed(tables):
            connection.execute(table.delete())
        for table in tables:
            rows = self.baseline[table.name]
            if rows:
                keys = [c.key for c in table.columns]
                connection.execute(table.insert(), [dict(zip(keys, row)) for row in rows])

    # --- people -------------------------------------------------------------------------------
    def log_in_everyone(self, password_of):
        cookie = self.app.config.get("SESSION_COOKIE_NAME", "session")
        for role, email in ROLES.items():
            if email is None:
                continue
            client = self.app.test_client()
            response = client.post("/login", data={"email": email, "password": password_of(role)})
            assert response.status_code == 302, (role, response.status_code)
            self.cookies[role] = client.get_cookie(cookie).value
        self.cookie_name = cookie

    def client(self, role):
        """A fresh client signed in as `role` (its session row is part of the baseline)."""
        client = self.app.test_client()
        if self.cookies.get(role):
            client.set_cookie(self.cookie_name, self.cookies[role])
        return client

    def request(self, client, method, url, **kwargs):
        self.requests += 1
        return client.open(url, method=method, **kwargs)

    # --- URL arguments ---------------------------------------------------------------------------
    def demo_values(self):
        values = {}
        with self.engine.connect() as connection:
            for key, sql in ARGUMENT_SQL.items():
                row = connection.execute(text(sql)).first()
                values[key] = MISSING if row is None else row[0]
        values.update(ARGUMENT_VALUES)
        self.values = values

    def fill(self, rule, overrides=None):
        """The URL of `rule` with demo values; raises UnfilledArgument for an argument that the
        tables above do not know (add it there: a new route is never skipped in silence)."""
        arguments, absent = {}, []
        for name, converter in rule._converters.items():
            kind = converter_name(self.app, converter)
            if kind not in CONVERTERS:
                raise UnfilledArgument(f"{rule.rule}: converter {kind!r} of {name!r} is unknown "
                                       f"to the harness (tests/harness/world.py)")
            if overrides and name in overrides:
                arguments[name] = overrides[name]
                continue
            value = self._lookup(rule.rule, name)
            if value is MISSING and kind == "any":
                value = sorted(converter.items)[0]
            if value is MISSING:
                if not self._known(rule.rule, name):
                    raise UnfilledArgument(
                        f"{rule.rule}: no demo value for <{kind}:{name}>; add it to ARGUMENT_SQL "
                        f"or ARGUMENT_VALUES in tests/harness/world.py")
                absent.append(name)
                value = 1 if kind in ("int", "id") else "absent"
            if name in MADE_UP:
                absent.append(name)
            arguments[name] = value
        with self.app.test_request_context():
            from flask import url_for
            url = url_for(rule.endpoint, **arguments)
        return Filled(url, tuple(absent))

    def _candidates(self, path, name):
        keys = [k for k in (*ARGUMENT_SQL, *ARGUMENT_VALUES)
                if k[1] == name and k[0] is not None and path.startswith(k[0])]
        keys.sort(key=lambda k: -len(k[0]))
        return keys + [(None, name)]

    def _known(self, path, name):
        return any(k in self.values for k in self._candidates(path, name))

    def _lookup(self, path, name):
        for key in self._candidates(path, name):
            if key in self.values:
                return self.values[key]
        return MISSING


def url_map_rules():
    """The routes of an app with every installed plugin, read when the tests are collected."""
    with tempfile.TemporaryDirectory(prefix="harness-rules-") as folder:
        app = create_app({"TESTING": True, "SECRET_KEY": "x",
                          "INSTANCE_PATH": f"{folder}/instance",
                          "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/rules.sqlite3"})
        return sorted(((rule.rule, rule.endpoint) for rule in app.url_map.iter_rules()))


RULES = url_map_rules()


def rule_of(world, path, endpoint):
    for rule in world.app.url_map.iter_rules():
        if rule.rule == path and rule.endpoint == endpoint:
            return rule
    raise LookupError(path)
