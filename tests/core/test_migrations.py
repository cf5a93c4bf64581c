"""Alembic: the migrated schema equals the models, with a branch per enabled plugin."""
import flask_migrate
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from lms import create_app
from lms.extensions import db
from lms.plugins import include_object_for
from tests.helpers import SOURCES, base_config


def migrated_app(tmp_path, url, **overrides):
    app = create_app(base_config(tmp_path, url, **overrides))
    with app.app_context():
        flask_migrate.upgrade(revision="heads")
    return app


def schema_differences(app):
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True,
            "include_object": include_object_for(set(app.extensions["lms_plugins"]))})
        return compare_metadata(context, db.metadata)


@pytest.mark.parametrize("plugins", [None, ["courses", "oer", "sample"], []],
                         ids=["all plugins", "some plugins and the sample", "core only"])
def test_migrated_schema_equals_the_models(tmp_path, new_database_url, plugins):
    overrides = {}
    if plugins is not None:
        overrides = {"LMS_PLUGIN_SOURCES": SOURCES, "LMS_PLUGINS": plugins}
    app = migrated_app(tmp_path, new_database_url(), **overrides)
    assert schema_differences(app) == []
    with app.app_context():
        tables = set(inspect(db.engine).get_table_names())
        db.engine.dispose()
    assert {"users", "organisations", "sessions", "audit_events"} <= tables
    assert ("sample_note" in tables) == (plugins is not None and "sample" in plugins)


def test_enabling_a_plugin_later_adds_only_its_tables(tmp_path, new_database_url):
    url = new_database_url()
    core_only = migrated_app(tmp_path, url, LMS_PLUGIN_SOURCES=SOURCES, LMS_PLUGINS=[])
    with core_only.app_context():
        assert "sample_note" not in inspect(db.engine).get_table_names()
        db.engine.dispose()
    with_sample = migrated_app(tmp_path, url, LMS_PLUGIN_SOURCES=SOURCES, LMS_PLUGINS=["sample"])
    with with_sample.app_context():
        assert "sample_note" in inspect(db.engine).get_table_names()
        db.engine.dispose()
    assert schema_differences(with_sample) == []
