"""Fixtures: an app on a fresh database per test, factories, an auth helper and the outbox."""
import email
import itertools
import os
import re
import shutil
from email import policy
from pathlib import Path

import pytest
from jinja2 import BytecodeCache
from sqlalchemy import create_engine, event, text

from lms import create_app
from lms.extensions import db
from lms.plugins import tables_for
from tests.postgres_server import answers, server_url

BACKEND = os.environ.get("LMS_TEST_DATABASE", "sqlite")
IN_CI = os.environ.get("CI") == "true"
PASSWORD = "correct horse battery staple"
STANDARDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "standards"


def _share_compiled_url_builders():
    """Every test builds its own app, and Werkzeug compiles two URL builders per route for each
    (Python code through ast and compile(): a third of a small test's time). The builder is a
    pure function of the rule's parsed parts and defaults, so the test process compiles each
    once and every app's rules share it."""
    from werkzeug.routing.rules import Rule
    compile_builder = Rule._compile_builder
    builders = {}

    def shared(rule, append_unknown=True):
        key = (tuple(rule._trace), repr(sorted((rule.defaults or {}).items())),
               tuple((name, type(c).__name__) for name, c in rule._converters.items()),
               rule.rule, append_unknown)
        if key not in builders:
            builders[key] = compile_builder(rule, append_unknown)
        return builders[key]
    Rule._compile_builder = shared


class SharedTemplateCode(BytecodeCache):
    """Compiled templates kept for the whole test process: each test's app has its own Jinja
    environment, which would otherwise parse and compile every template it renders again."""

    def __init__(self):
        self.code = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket):
        self.code[bucket.key] = bucket.bytecode_to_string()


_share_compiled_url_builders()
TEMPLATE_CODE = SharedTemplateCode()


def base_config(tmp_path, database_url, **overrides):
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "WTF_CSRF_ENABLED": False,
        "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "MAIL_OUTBOX": str(tmp_path / "outbox"),
        "SERVER_NAME": None,
        "JOBS_IMMEDIATE": True,
    }
    config.update(overrides)
    return config


class PostgresDatabases:
    """Creates databases on the test server and drops them when the session ends."""

    def __init__(self):
        import psycopg
        self.psycopg = psycopg
        self.names = []
        self.counter = itertools.count()

    def _admin(self):
        return self.psycopg.connect(server_url(), autocommit=True)

    def create(self):
        name = f"lms_test_{os.getpid()}_{next(self.counter)}"
        with self._admin() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
            # a test database need not survive a power cut: commits do not wait for the disk
            connection.execute(f'ALTER DATABASE "{name}" SET synchronous_commit TO off')
        self.names.append(name)
        base = server_url().rsplit("/", 1)[0]
        return f"{base}/{name}"

    def drop_all(self):
        with self._admin() as connection:
            for name in self.names:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres():
    if BACKEND != "postgresql":
        yield None
        return
    if not answers():
        message = f"PostgreSQL does not answer at {server_url()}"
        if IN_CI:
            pytest.exit(message + " and CI=true", returncode=1)
        pytest.skip(message)
    databases = PostgresDatabases()
    yield databases
    databases.drop_all()


@pytest.fixture(scope="session")
def shared_postgres_url(postgres, tmp_path_factory):
    """One PostgreSQL database for the session; tables made once, emptied before each test."""
    if postgres is None:
        return None
    url = postgres.create()
    app = create_app(base_config(tmp_path_factory.mktemp("schema"), url))
    with app.app_context():
        db.metadata.create_all(db.engine, tables=tables_for(app, db.metadata))
        db.engine.dispose()
    return url


@pytest.fixture
def new_database_url(postgres, tmp_path):
    """An empty database of the backend under test (for migrations and multi-app tests)."""
    names = itertools.count()

    def make():
        if postgres is not None:
            return postgres.create()
        return f"sqlite:///{tmp_path}/fresh-{next(names)}.sqlite3"
    return make


def empty_all_tables(app):
    """Delete every row and restart every id sequence. On PostgreSQL, DELETE on a few small
    tables plus setval() is a tenth of what TRUNCATE of ~50 tables costs (it swaps files)."""
    tables = tables_for(app, db.metadata)
    with db.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            sequences = connection.exec_driver_sql(
                "SELECT quote_ident(sequencename) FROM pg_sequences "
                "WHERE schemaname = current_schema() AND last_value IS NOT NULL").scalars().all()
            statements = [f'DELETE FROM "{t.name}"' for t in reversed(tables)]
            statements += [f"SELECT setval('{name}', 1, false)" for name in sequences]
            connection.exec_driver_sql("; ".join(statements))
        else:
            for table in reversed(tables):
                connection.execute(table.delete())


class SqliteSchemas:
    """One SQLite file per set of enabled plugins with every table made, copied for each test:
    a file copy costs a millisecond, making ~50 tables on a new file a sixth of a second."""

    def __init__(self, folder):
        self.folder = folder
        self.templates = {}

    def install(self, application, path):
        """Give the database file at `path` (which `application` uses) every table."""
        plugins = tuple(sorted(application.extensions["lms_plugins"]))
        template = self.templates.get(plugins)
        if template is None:
            template = self.folder / f"schema-{len(self.templates)}.sqlite3"
            engine = create_engine(f"sqlite:///{template}")
            db.metadata.create_all(engine, tables=tables_for(application, db.metadata))
            engine.dispose()
            self.templates[plugins] = template
        db.engine.dispose()
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(template, path)


@pytest.fixture(scope="session")
def sqlite_schemas(tmp_path_factory):
    return SqliteSchemas(tmp_path_factory.mktemp("sqlite-schemas"))


@pytest.fixture
def app_factory(tmp_path, shared_postgres_url, sqlite_schemas):
    """Build apps on this test's database; the first call creates or empties the tables."""
    created = []
    default_sqlite = tmp_path / "test.sqlite3"

    def build(**overrides):
        url = overrides.pop("SQLALCHEMY_DATABASE_URI", None) or shared_postgres_url or \
            f"sqlite:///{default_sqlite}"
        application = create_app(base_config(tmp_path, url, **overrides))
        application.jinja_env.bytecode_cache = TEMPLATE_CODE
        with application.app_context():
            if not created:
                if shared_postgres_url and url == shared_postgres_url:
                    empty_all_tables(application)
                elif url == f"sqlite:///{default_sqlite}":
                    sqlite_schemas.install(application, default_sqlite)
                else:
                    db.metadata.create_all(db.engine, tables=tables_for(application, db.metadata))
        created.append(application)
        return application

    yield build
    for application in created:
        with application.app_context():
            db.engine.dispose()


@pytest.fixture
def app(app_factory):
    return app_factory()


@pytest.fixture
def live_server(app):
    """The base URL of `app` served from a thread on a free port of 127.0.0.1 (for a browser
    or a real HTTP client such as a harvester)."""
    import threading

    from werkzeug.serving import make_server
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def make_user(app):
    from lms.auth.passwords import hash_password
    from lms.models import User
    from lms.timeutil import utcnow
    numbers = itertools.count(1)

    def make(role="learner", email=None, password=PASSWORD, verified=True, active=True,
             locale="en", display_name=None, timezone=""):
        number = next(numbers)
        with app.app_context():
            user = User(email=email or f"{role}{number}@example.org",
                        display_name=display_name or f"{role.title()} {number}",
                        password_hash=hash_password(password), role=role, locale=locale,
                        timezone=timezone, active=active, email_verified_at=utcnow() if verified else None)
            db.session.add(user)
            db.session.commit()
            db.session.refresh(user)
            db.session.expunge(user)
        return user
    return make


@pytest.fixture
def make_organisation(app):
    from lms.models import Membership, Organisation
    numbers = itertools.count(1)

    def make(name=None, admin=None, members=(), kind="ngo", country="DE"):
        number = next(numbers)
        with app.app_context():
            organisation = Organisation(name=name or f"Organisation {number}",
                                        slug=f"organisation-{number}", kind=kind, country=country,
                                        region="Region", website="", description="")
            db.session.add(organisation)
            db.session.flush()
            if admin is not None:
                db.session.add(Membership(user_id=admin.id, organisation_id=organisation.id,
                                          role="admin", status="active"))
            for member in members:
                db.session.add(Membership(user_id=member.id, organisation_id=organisation.id,
                                          role="member", status="active"))
            db.session.commit()
            db.session.refresh(organisation)
            db.session.expunge(organisation)
        return organisation
    return make


class Auth:
    def __init__(self, client):
        self.client = client

    def login(self, user_or_email, password=PASSWORD, remember=False, **kwargs):
        address = getattr(user_or_email, "email", user_or_email)
        data = {"email": address, "password": password}
        if remember:
            data["remember"] = "y"
        return self.client.post("/login", data=data, **kwargs)

    def logout(self):
        return self.client.post("/logout")


@pytest.fixture
def auth(client):
    return Auth(client)


@pytest.fixture
def client_for(app):
    """A test client of its own, logged in as `user`: a second person in the same test."""
    def make(user):
        other = app.test_client()
        assert Auth(other).login(user).status_code == 302
        return other
    return make


class Outbox:
    """The .eml files the app wrote, oldest first."""

    def __init__(self, path):
        self.path = Path(path)

    def messages(self, to=None):
        files = sorted(self.path.glob("*.eml")) if self.path.exists() else []
        found = [email.message_from_bytes(f.read_bytes(), policy=policy.default) for f in files]
        return [m for m in found if to is None or m["To"] == to]

    def last(self, to=None):
        found = self.messages(to)
        assert found, f"no mail to {to or 'anyone'} in the outbox"
        return found[-1]

    def link(self, to=None):
        """The path of the first link in the newest message to `to`."""
        body = self.last(to).get_content()
        match = re.search(r"https?://[^/\s]+(/\S+)", body)
        assert match, body
        return match.group(1)


@pytest.fixture
def outbox(app):
    return Outbox(app.config["MAIL_OUTBOX"])


class QueryCounter:
    def __init__(self):
        self.statements = []

    def __call__(self, conn, cursor, statement, parameters, context, executemany):
        self.statements.append(statement)

    @property
    def count(self):
        return len(self.statements)


@pytest.fixture
def count_queries(app):
    """`with count_queries() as counter:` counts the SQL statements run inside the block."""
    from contextlib import contextmanager

    @contextmanager
    def counting():
        counter = QueryCounter()
        with app.app_context():
            engine = db.engine
        event.listen(engine, "before_cursor_execute", counter)
        try:
            yield counter
        finally:
            event.remove(engine, "before_cursor_execute", counter)
    return counting


# One Chromium for the whole session, shared by every test that drives a browser (the browser
# tests, and the OER package tests that open offline sites and SCORM packages): Playwright's
# sync API allows one running instance per session.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium)"
        if IN_CI:
            pytest.exit(message + " and CI=true", returncode=1)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser):
    """`new_page(**context_options)`: a page in a fresh browser context (own cookies)."""
    contexts = []

    def make(**options):
        options.setdefault("locale", "en-GB")
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
