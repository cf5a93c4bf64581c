"""Alembic environment: the core's tables and those of the enabled plugins."""
import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app

from lms.extensions import db
from lms.plugins import include_object_for

config = context.config
if config.config_file_name is not None and not logging.getLogger("lms").handlers:
    fileConfig(config.config_file_name, disable_existing_loggers=False)

# Autogenerate sees only the core's tables and those of the enabled plugins.
include_object = include_object_for(set(current_app.extensions["lms_plugins"]))


def run_migrations_offline():
    context.configure(url=str(db.engine.url), target_metadata=db.metadata, literal_binds=True,
                      include_object=include_object, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    with db.engine.connect() as connection:
        context.configure(connection=connection, target_metadata=db.metadata,
                          include_object=include_object, compare_type=True,
                          # SQLite cannot ALTER most things; batch mode rebuilds the table
                          render_as_batch=connection.dialect.name == "sqlite")
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
