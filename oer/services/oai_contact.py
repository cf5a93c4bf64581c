"""Identify's adminEmail: whom harvesters write to, and the start-up check that there is someone.

OAI-PMH.xsd wants an address with a dotted domain (`no-reply@localhost` is refused), and every
Identify must carry one. The address is OAI_ADMIN_EMAIL, else the first active site admin's;
when neither is an address the schema accepts, the answer carries UNCONFIGURED and the log says
so when the app starts.
"""
import re

from sqlalchemy import func, inspect, select

from lms.extensions import db
from lms.models import User

# OAI-PMH.xsd's emailType (an XSD pattern matches the whole value)
EMAIL = re.compile(r"\S+@(\S+\.)+\S+")
# On the reserved top-level domain .invalid (RFC 2606): the answer stays valid and tells a
# harvester plainly that nobody was named, and mail to it reaches no one by mistake.
UNCONFIGURED = "admin@unconfigured.invalid"


def is_valid(address):
    return bool(address) and EMAIL.fullmatch(address) is not None


def first_admin_address():
    """The address of the first active site admin (the oldest account) that the schema
    accepts, or None."""
    addresses = db.session.scalars(select(User.email).where(
        User.role == "admin", User.active.is_(True)).order_by(User.id))
    return next((address for address in addresses if is_valid(address)), None)


def admin_email(config):
    """The address Identify sends: always one the schema accepts."""
    configured = config["OAI_ADMIN_EMAIL"]
    if is_valid(configured):
        return configured
    return first_admin_address() or UNCONFIGURED


def check_admin_email(app, **extra):
    """Connected to `app_ready`: warn when harvesters would get UNCONFIGURED (or another address
    than the one configured). Quiet while the database has no accounts at all (not migrated
    yet, or before seed-demo or create-admin): there is nobody to name yet."""
    configured = app.config["OAI_ADMIN_EMAIL"]
    if is_valid(configured):
        return
    with app.app_context():
        if not configured:
            if not inspect(db.engine).has_table(User.__tablename__) or \
                    not db.session.scalar(select(func.count(User.id))):
                return
            if first_admin_address() is not None:
                return
        sent = admin_email(app.config)
    if configured:
        app.logger.warning(
            "OAI_ADMIN_EMAIL %r is not an address OAI-PMH accepts (it needs a dotted domain, "
            "such as oer@example.org); harvesters are given %s instead.", configured, sent)
    else:
        app.logger.warning(
            "OAI-PMH has no admin address: OAI_ADMIN_EMAIL is not set and no active site admin "
            "has an address with a dotted domain, so harvesters are given %s. Set "
            "OAI_ADMIN_EMAIL in instance/config.py.", sent)
