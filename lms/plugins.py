"""The plugin contract: the Plugin base class and load_plugins() (entry points + LMS_PLUGINS)."""
import importlib
import inspect
from importlib.metadata import entry_points
from pathlib import Path

from lms import invitations
from lms.config import plugin_setting

ENTRY_POINT_GROUP = "lms.plugins"
MIGRATIONS_ROOT = Path(__file__).resolve().parent.parent / "migrations"

# Every Plugin subclass ever imported, by name: lets the core tell a disabled plugin's tables
# from its own when it builds a schema.
KNOWN_PLUGINS: dict[str, type] = {}


class StartupError(Exception):
    """The platform cannot start; the message says why in words an operator can act on."""


class PluginError(StartupError):
    pass


class Plugin:
    """Subclass this in `<plugin>/plugin.py` and name it in setup.cfg's `lms.plugins` group.

    The entry-point name equals `name` and is the plugin's identifier everywhere: blueprint,
    table prefix, permission prefix, Alembic branch and template folder.
    """
    name: str = ""
    requires: tuple[str, ...] = ()
    default_config: dict = {}
    # Tables the plugin makes by hand, outside SQLAlchemy's metadata (a full-text index, say),
    # in its migrations and in `after_create` hooks. Alembic's comparison leaves them and any
    # table whose name starts with one of them plus "_" (SQLite's FTS5 shadow tables) alone.
    unmanaged_tables: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.name:
            KNOWN_PLUGINS[cls.name] = cls

    @property
    def root(self) -> Path:
        return Path(inspect.getfile(type(self))).resolve().parent

    @property
    def translations_folder(self) -> Path:
        return self.root / "translations"

    @property
    def migrations_folder(self) -> Path:
        """This plugin's Alembic branch: its revisions carry branch_labels=(name,)."""
        return MIGRATIONS_ROOT / "versions" / self.name

    def import_models(self):
        """Import the modules that define this plugin's tables."""

    def blueprints(self):
        return []

    def permissions(self):
        """Permission objects, or (Permission, policy) pairs when a policy decides."""
        return []

    def scoped_roles(self):
        return []

    def nav_items(self):
        return []

    def home_sections(self):
        return []

    def organisation_sections(self):
        """`lms.nav.OrganisationSection`s this plugin adds to organisations' profile pages."""
        return []

    def cli_commands(self):
        return []

    def activity_kinds(self):
        """`lms.activity.ActivityKind`s this plugin records for feeds."""
        return []

    def audit_events(self):
        """Audit-log event name -> lazy_gettext label, for the events this plugin writes."""
        return {}

    def publishable_kinds(self):
        """`lms.publishing.PublishableKind`s: content of this plugin that can be published as
        open educational resources by a publishing plugin."""
        return []

    def plan_templates(self):
        """`lms.plan_templates.TemplateSource`s: published good practices a plan can start
        from, offered to planning plugins without importing this one."""
        return []

    def invitation_kinds(self):
        """`lms.invitations.InvitationKind`s: what this plugin invites people into by email."""
        return []

    def sitemap_urls(self):
        """(absolute URL, last change as naive UTC datetime or None) pairs of public pages for
        the core's /sitemap.xml; called in the request that asks for it."""
        return []

    def jobs(self):
        """`lms.jobs.Job`s: this plugin's background work, named `<plugin>.<verb>`."""
        return []

    def init_app(self, app):
        """Connect signal handlers and anything else the plugin needs at start-up."""


def available_plugins(app):
    """name -> "module:attribute" for every installed plugin, plus LMS_PLUGIN_SOURCES extras."""
    sources = {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}
    sources.update(app.config.get("LMS_PLUGIN_SOURCES") or {})
    return sources


def _instantiate(name, source):
    module_name, _, attribute = source.partition(":")
    try:
        cls = getattr(importlib.import_module(module_name), attribute)
        plugin = cls()
    except Exception as exc:
        raise PluginError(f"plugin {name!r} failed to load: {type(exc).__name__}: {exc}") from exc
    if plugin.name != name:
        raise PluginError(f"plugin {name!r} names itself {plugin.name!r}; the two must agree")
    return plugin


def load_plugins(app):
    """Instantiate the enabled plugins, requirements first; stop with a message on any failure."""
    sources = available_plugins(app)
    wanted = app.config.get("LMS_PLUGINS")
    names = list(sources) if wanted is None else list(wanted)
    for name in names:
        if name not in sources:
            raise PluginError(f"plugin {name!r} is named in LMS_PLUGINS but is not installed")
    plugins = {name: _instantiate(name, sources[name]) for name in names}
    for plugin in plugins.values():
        for required in plugin.requires:
            if required not in plugins:
                raise PluginError(
                    f"plugin {plugin.name!r} requires plugin {required!r}, which is not enabled")
    return _in_dependency_order(plugins)


def _in_dependency_order(plugins):
    ordered, seen = [], set()

    def visit(plugin, path):
        if plugin.name in seen:
            return
        if plugin.name in path:
            raise PluginError(f"plugin {plugin.name!r} has circular requirements: "
                              + " -> ".join(path + (plugin.name,)))
        for required in plugin.requires:
            visit(plugins[required], path + (plugin.name,))
        seen.add(plugin.name)
        ordered.append(plugin)

    for plugin in plugins.values():
        visit(plugin, ())
    return ordered


def install_plugins(app, plugins):
    """Wire each plugin's parts into the app."""
    reg = app.extensions["lms_permissions"]
    for plugin in plugins:
        for key, value in plugin.default_config.items():
            try:
                plugin_setting(app, key, value)
            except ValueError as exc:
                raise PluginError(f"plugin {plugin.name!r}: {exc}") from None
        plugin.import_models()
        for entry in plugin.permissions():
            permission, policy = entry if isinstance(entry, tuple) else (entry, None)
            if not permission.name.startswith(plugin.name + "."):
                raise PluginError(f"plugin {plugin.name!r} registers permission "
                                  f"{permission.name!r} outside its prefix")
            reg.add(permission, policy)
        for role in plugin.scoped_roles():
            reg.add_scoped_role(role)
        for blueprint in plugin.blueprints():
            app.register_blueprint(blueprint)
        app.extensions["lms_nav"].extend(plugin.nav_items())
        app.extensions["lms_home"].extend(plugin.home_sections())
        app.extensions["lms_organisation_sections"].extend(plugin.organisation_sections())
        for command in plugin.cli_commands():
            app.cli.add_command(command)
        for kind in plugin.activity_kinds():
            if not kind.verb.startswith(plugin.name + "."):
                raise PluginError(f"plugin {plugin.name!r} declares activity {kind.verb!r} "
                                  "outside its prefix")
            app.extensions["lms_activity_kinds"][kind.verb] = kind
        app.extensions["lms_audit_labels"].update(plugin.audit_events())
        for kind in plugin.publishable_kinds():
            if not kind.name.startswith(plugin.name + "."):
                raise PluginError(f"plugin {plugin.name!r} declares publishable kind "
                                  f"{kind.name!r} outside its prefix")
            app.extensions["lms_publishable"][kind.name] = kind
        for source in plugin.plan_templates():
            if not source.name.startswith(plugin.name + "."):
                raise PluginError(f"plugin {plugin.name!r} declares plan templates "
                                  f"{source.name!r} outside its prefix")
            app.extensions["lms_plan_templates"][source.name] = source
        try:
            invitations.install(app, plugin.invitation_kinds(), plugin.name)
        except ValueError as exc:
            raise PluginError(f"plugin {plugin.name!r}: {exc}") from None
        for job in plugin.jobs():
            if not job.name.startswith(plugin.name + "."):
                raise PluginError(f"plugin {plugin.name!r} declares job {job.name!r} outside "
                                  "its prefix")
            app.extensions["lms_jobs"].add(job)
        plugin.init_app(app)
    app.extensions["lms_plugins"] = {plugin.name: plugin for plugin in plugins}


def table_owner(table_name):
    """The plugin a table belongs to (by its `<plugin>_` prefix), or None for the core."""
    for name in KNOWN_PLUGINS:
        if table_name.startswith(name + "_"):
            return name
    return None


def include_object_for(enabled):
    """An Alembic include_object filter: the core's tables and those of `enabled` plugins."""
    def include_object(obj, name, type_, reflected, compare_to):
        if type_ == "table":
            owner = table_owner(name)
            if owner is not None and reflected and compare_to is None and \
                    _unmanaged(KNOWN_PLUGINS[owner], name):
                return False
            return owner is None or owner in enabled
        return True
    return include_object


def _unmanaged(plugin, table_name):
    return any(table_name == name or table_name.startswith(name + "_")
               for name in plugin.unmanaged_tables)


def tables_for(app, metadata):
    """The tables of the core and of the plugins enabled in `app`, in dependency order."""
    enabled = set(app.extensions["lms_plugins"])
    return [t for t in metadata.sorted_tables
            if table_owner(t.name) is None or table_owner(t.name) in enabled]
