"""The platform's core: create_app() builds the Flask application with its enabled plugins."""
import logging
import os
import sys
import time
from pathlib import Path

import click
import flask_migrate
from flask import Flask, abort, g, request
from flask.cli import with_appcontext
from flask_babel import get_locale, lazy_gettext as _l
from flask_login import current_user
from flask_migrate.cli import db as migrate_group
from werkzeug.middleware.proxy_fix import ProxyFix

from lms import converters, invitations, models, templating
from lms.account.blueprint import bp as account_bp
from lms.admin.blueprint import bp as admin_bp
from lms.auth.blueprint import bp as auth_bp
from lms.blueprint import bp as core_bp
from lms.cli import register_commands
from lms.config import load_config
from lms.core import INVITATION_KINDS, NAV_ITEMS, PERMISSIONS
from lms.database import check_database
from lms.errors import register_error_handlers
from lms.extensions import babel, csrf, db, login_manager, migrate
from lms.housekeeping import JOBS
from lms.i18n import (LANGUAGE_NAMES, install_template_gettext, language_choices, language_links,
                      select_locale)
from lms.jobs import install_jobs
from lms.layout import site_header
from lms.logs import configure_logging
from lms.models import User
from lms.nav import nav_items
from lms.organisations.blueprint import bp as organisations_bp
from lms.permissions import PermissionRegistry, can
from lms.plugins import MIGRATIONS_ROOT, StartupError, install_plugins, load_plugins
from lms.security import Request, set_security_headers
from lms.sessions import DatabaseSessionInterface
from lms.signals import app_ready
from lms.timeutil import select_timezone, zone_label


log = logging.getLogger("lms")


def create_app(config=None):
    """Build the app. On a start-up problem, print one clear line and exit non-zero.

    With TESTING set the StartupError is raised instead, so tests can look at it.
    """
    try:
        return _build(config or {})
    except StartupError as exc:
        if (config or {}).get("TESTING"):
            raise
        print(f"Error: {exc}", file=sys.stderr)
        raise SystemExit(1) from None


def _build(config):

    instance = config.get("INSTANCE_PATH") or os.environ.get("LMS_INSTANCE_PATH") or None
    app = Flask(__name__, instance_path=instance, instance_relative_config=True)
    app.request_class = Request
    load_config(app, config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    configure_logging(app)
    if app.config["PROXY_COUNT"]:
        count = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count,
                                x_port=count)
    db.init_app(app)
    app.extensions["lms_permissions"] = PermissionRegistry()
    app.extensions["lms_nav"] = []
    app.extensions["lms_home"] = []
    app.extensions["lms_organisation_sections"] = []
    app.extensions["lms_activity_kinds"] = {}
    app.extensions["lms_publishable"] = {}
    app.extensions["lms_plan_templates"] = {}
    # plugins' audit events, named in the admin's audit log (admin/_events.html)
    app.extensions["lms_audit_labels"] = app.jinja_env.globals["audit_labels"] = {}
    install_jobs(app, JOBS)
    converters.install(app)
    _install_core(app)
    plugins = load_plugins(app)
    install_plugins(app, plugins)
    _install_languages(app, plugins)
    _install_migrations(app, plugins)
    _install_login(app)
    csrf.init_app(app)
    templating.install(app)
    _install_request_hooks(app)
    _declare_static_public(app)
    with app.app_context():
        check_database(db)
    app_ready.send(app)
    return app


def _install_core(app):

    registry = app.extensions["lms_permissions"]
    for entry in PERMISSIONS:
        permission, policy = entry if isinstance(entry, tuple) else (entry, None)
        registry.add(permission, policy)
    for blueprint in (core_bp, auth_bp, account_bp, organisations_bp, admin_bp):
        app.register_blueprint(blueprint)
    app.extensions["lms_nav"].extend(NAV_ITEMS)
    invitations.install(app, INVITATION_KINDS, "core")
    register_error_handlers(app)
    register_commands(app)


def _install_languages(app, plugins):

    folders = [Path(__file__).parent / "translations"] + [
        p.translations_folder for p in plugins if p.translations_folder.is_dir()]
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone,
                   default_translation_directories=";".join(str(f) for f in folders))
    # One Babel object, and the catalogue cache of its domain, serve every app of the process;
    # an app with other plugins (tests build many) must not read another's merged catalogues.
    with app.app_context():
        babel.domain_instance.cache.clear()
    install_template_gettext(app)
    app.jinja_env.globals["zone_label"] = zone_label
    app.jinja_env.globals.update(language_choices=language_choices,
                                 language_links=language_links, get_locale=get_locale)
    app.jinja_env.add_extension("jinja2.ext.do")


def _install_migrations(app, plugins):
    """One Alembic environment; the core's branch plus one branch per enabled plugin."""

    locations = [MIGRATIONS_ROOT / "versions" / "core"] + [
        p.migrations_folder for p in plugins if p.migrations_folder.is_dir()]
    migrate.init_app(app, db, directory=str(MIGRATIONS_ROOT))

    @migrate.configure
    def use_enabled_branches(alembic_config):
        alembic_config.set_main_option("path_separator", "os")
        alembic_config.set_main_option("version_locations",
                                       os.pathsep.join(str(p) for p in locations))
        return alembic_config

    # `flask db upgrade` brings up every branch ("heads"), not just one "head".
    group = click.Group("db", help=migrate_group.help, params=migrate_group.params,
                        callback=migrate_group.callback)
    for name, command in migrate_group.commands.items():
        if name != "upgrade":
            group.add_command(command)

    @group.command("upgrade")
    @click.argument("revision", default="heads")
    @with_appcontext
    def upgrade(revision):
        """Bring the database up to the newest revision of the core and every enabled plugin."""
        flask_migrate.upgrade(directory=g.directory, revision=revision, x_arg=g.x_arg)
        click.echo("Database is up to date.")

    app.cli.add_command(group)


def _install_login(app):

    app.session_interface = DatabaseSessionInterface()
    login_manager.init_app(app)
    login_manager.session_protection = None   # sessions are server-side and renewed on log-in
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.login_message_category = "info"

    @login_manager.user_loader
    def load_user(user_id):
        user = db.session.get(User, int(user_id))
        return user if user is not None and user.active else None


def _install_request_hooks(app):

    @app.before_request
    def start_timer():
        g.started = time.perf_counter()

    @app.before_request
    def refuse_nul_characters():
        # No one types a NUL and PostgreSQL cannot store or compare one (it answered 500): an
        # address with one is no page, a form with one is refused before a view reads it (the
        # query's values come without them, see lms.security.Request).
        if any("\x00" in value for value in (request.view_args or {}).values()
               if isinstance(value, str)):
            abort(404)
        if request.method == "POST" and any(
                "\x00" in value for _name, value in request.form.items(multi=True)):
            abort(400)

    @app.after_request
    def finish(response):
        # read before the commit expires the loaded person
        user_id = current_user.get_id() if current_user and log.isEnabledFor(logging.INFO) \
            else None
        # One commit per request, at its end; a failed request leaves nothing half-written.
        # Jobs the request asked for (mail among them) are queued once the commit is done.
        if response.status_code < 500:
            db.session.commit()
        else:
            db.session.rollback()
        set_security_headers(response)
        if log.isEnabledFor(logging.INFO):
            log.info("%s %s %s", request.method, request.path, response.status_code, extra={
                "method": request.method, "path": request.path,
                "status": response.status_code, "user_id": user_id,
                "duration_ms": round((time.perf_counter() - g.get("started", time.perf_counter()))
                                     * 1000, 1)})
        return response

    @app.context_processor
    def template_helpers():
        return {"can": lambda name, obj=None: can(current_user, name, obj),
                "nav_items": nav_items, "language_names": LANGUAGE_NAMES,
                "site_header": site_header}


def _declare_static_public(app):
    """Static files (the core's and plugins') are public; say so like every other route."""
    for endpoint, view in list(app.view_functions.items()):
        if endpoint == "static" or endpoint.endswith(".static"):
            def public(*args, _view=view, **kwargs):
                return _view(*args, **kwargs)
            public.required_permission = "core.view_public"
            app.view_functions[endpoint] = public
