"""What tests share that is not a fixture: constants, configuration, small readers of pages
and mail, a log-in helper. Fixtures live in tests/fixtures/ (registered in tests/conftest.py)."""
import email
import html
import os
import re
from email import policy
from pathlib import Path

import pytest

from lms.extensions import db
from lms.plugins import tables_for

BACKEND = os.environ.get("LMS_TEST_DATABASE", "sqlite")
IN_CI = os.environ.get("CI") == "true"
PASSWORD = "correct horse battery staple"
STANDARDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "standards"
# the sample plugins of tests/sample_plugins, by entry-point name
SOURCES = {"sample": "tests.sample_plugins.sample.plugin:SamplePlugin",
           "needy": "tests.sample_plugins.sample.plugin:NeedyPlugin",
           "broken": "tests.sample_plugins.broken:BrokenPlugin"}
# a valid 1×1 PNG image
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


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


def text(response):
    """What a person reads on the page: tags removed, entities decoded, spaces collapsed."""
    body = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return " ".join(html.unescape(body).split())


def standards(folder):
    """A folder of ../shared/standards; skipped (never under CI=true) when it is absent."""
    path = STANDARDS / folder
    if not path.is_dir():
        if IN_CI:
            pytest.fail(f"{path} is missing and CI=true")
        pytest.skip(f"the standards files are not at {path}")
    return path


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


class QueryCounter:
    def __init__(self):
        self.statements = []

    def __call__(self, conn, cursor, statement, parameters, context, executemany):
        self.statements.append(statement)

    @property
    def count(self):
        return len(self.statements)
