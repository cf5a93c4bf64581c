"""Default settings; instance/config.py and LMS_* / DATABASE_URL environment variables override them."""
import json
import os
import secrets
from pathlib import Path

DEFAULTS = {
    # Plugins named here are loaded (comma-separated in the environment); None means all installed.
    "LMS_PLUGINS": None,
    "SQLALCHEMY_DATABASE_URI": None,
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    "LANGUAGES": ("en", "de", "it", "tr"),
    "BABEL_DEFAULT_LOCALE": "en",
    # shown to people who have not chosen their own time zone (stored times are UTC)
    "DEFAULT_TIMEZONE": "UTC",
    "BABEL_DEFAULT_TIMEZONE": "UTC",
    "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,
    "SESSION_COOKIE_NAME": "lms_session",
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    # Idle lifetime of a browser session, and of one started with "remember me".
    "SESSION_IDLE_HOURS": 12,
    "SESSION_REMEMBER_DAYS": 30,
    "WTF_CSRF_TIME_LIMIT": None,
    "PASSWORD_MIN_LENGTH": 10,
    "PASSWORD_HASH_METHOD": "scrypt",
    "EMAIL_TOKEN_HOURS": 48,
    "RESET_TOKEN_MINUTES": 60,
    "INVITATION_DAYS": 14,
    # Failed log-ins: after SLOW_AFTER failures each attempt waits longer; after LOCK_AFTER the
    # account (or the address, with the IP figures) is refused for LOCK_MINUTES.
    "LOGIN_WINDOW_MINUTES": 15,
    "LOGIN_SLOW_AFTER": 3,
    "LOGIN_LOCK_AFTER": 10,
    "LOGIN_IP_LOCK_AFTER": 30,
    "LOGIN_LOCK_MINUTES": 15,
    "MAIL_SERVER": None,
    "MAIL_PORT": 587,
    "MAIL_USE_TLS": True,
    "MAIL_USERNAME": None,
    "MAIL_PASSWORD": None,
    "MAIL_DEFAULT_SENDER": "Inclusion LMS <no-reply@localhost>",
    "SITE_NAME": "Inclusion LMS",
    # The site's public address (scheme, host, optional path, no trailing slash). Links that
    # leave a request behind (packages, mail sent by background jobs, harvested metadata) are
    # built on it, never on the host a request happened to arrive at.
    "SITE_URL": "http://127.0.0.1:5000",
    # Number of reverse proxies in front of the app whose X-Forwarded-* headers are trusted.
    "PROXY_COUNT": 0,
    "LOG_LEVEL": "INFO",
    # Background jobs: Redis when set (production, several processes), else a SQLite file in
    # the instance folder; JOBS_IMMEDIATE runs each job in the process that asks for it.
    "REDIS_URL": None,
    "JOBS_IMMEDIATE": False,
    # installations sharing one Redis keep their queues apart by name
    "JOBS_QUEUE_NAME": "lms",
    # A failed mail is tried again after 5 minutes, then 10, 20 ... up to 12 attempts.
    "MAIL_RETRY_MINUTES": 5,
    "MAIL_MAX_ATTEMPTS": 12,
}

# Environment variables read as settings, with the type to convert them to.
ENVIRONMENT = {
    "DATABASE_URL": ("SQLALCHEMY_DATABASE_URI", str),
    "SECRET_KEY": ("SECRET_KEY", str),
    "LMS_PLUGINS": ("LMS_PLUGINS", str),
    "MAIL_SERVER": ("MAIL_SERVER", str),
    "MAIL_PORT": ("MAIL_PORT", int),
    "MAIL_USE_TLS": ("MAIL_USE_TLS", lambda v: v.lower() in ("1", "true", "yes")),
    "MAIL_USERNAME": ("MAIL_USERNAME", str),
    "MAIL_PASSWORD": ("MAIL_PASSWORD", str),
    "MAIL_DEFAULT_SENDER": ("MAIL_DEFAULT_SENDER", str),
    "PROXY_COUNT": ("PROXY_COUNT", int),
    "MAX_CONTENT_LENGTH": ("MAX_CONTENT_LENGTH", int),
    "LOG_LEVEL": ("LOG_LEVEL", str),
    "SITE_NAME": ("SITE_NAME", str),
    "SITE_URL": ("SITE_URL", lambda v: v.rstrip("/")),
    "REDIS_URL": ("REDIS_URL", str),
    "JOBS_QUEUE_NAME": ("JOBS_QUEUE_NAME", str),
    "DEFAULT_TIMEZONE": ("DEFAULT_TIMEZONE", str),
}


def load_config(app, overrides=None):
    """Fill app.config from defaults, instance/config.py, the environment, then overrides."""
    app.config.update(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    for env_name, (key, convert) in ENVIRONMENT.items():
        value = os.environ.get(env_name)
        if value:
            app.config[key] = convert(value)
    if overrides:
        app.config.update(overrides)
    # a plugin's own settings are read from the environment once its defaults are known
    app.extensions["lms_config_overrides"] = frozenset(overrides or ())
    plugins = app.config["LMS_PLUGINS"]
    if isinstance(plugins, str):
        app.config["LMS_PLUGINS"] = [p.strip() for p in plugins.split(",") if p.strip()]
    if not app.config["SQLALCHEMY_DATABASE_URI"]:
        app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///" + str(
            Path(app.instance_path) / "lms.sqlite3")
    app.config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(
        app.config["SQLALCHEMY_DATABASE_URI"])
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret_key(Path(app.instance_path))


def normalise_database_url(url):
    """Point plain postgres:// URLs at the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def instance_secret_key(instance):
    """Read the secret key kept in the instance folder, creating it on first run."""
    path = instance / "secret_key"
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process created it first
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_hex(32))
    return path.read_text().strip()


def plugin_setting(app, key, default):
    """Set a plugin's setting `key`: an explicit override, else the environment variable of the
    same name (read as the type of `default`), else instance/config.py, else `default`.

    Raises ValueError with a readable message when the environment holds a value of the wrong type.
    """
    text = os.environ.get(key)
    if key in app.extensions.get("lms_config_overrides", ()) or not text:
        app.config.setdefault(key, default)
        return
    app.config[key] = _from_environment(key, text, default)


def _from_environment(key, text, default):
    try:
        if isinstance(default, bool):
            if text.lower() not in ("1", "true", "yes", "0", "false", "no"):
                raise ValueError
            return text.lower() in ("1", "true", "yes")
        if isinstance(default, int):
            return int(text)
        if isinstance(default, float):
            return float(text)
        if isinstance(default, (dict, list, tuple)):
            value = json.loads(text)
            if not isinstance(value, dict if isinstance(default, dict) else list):
                raise ValueError
            return value
    except ValueError:
        kind = {bool: "true or false", int: "a whole number", float: "a number",
                dict: "a JSON object", list: "a JSON list", tuple: "a JSON list"}[type(default)]
        raise ValueError(f"the environment variable {key}={text!r} should be {kind}") from None
    return text
