"""The core's own pages (home, health, language switch), permissions and navigation."""
from xml.sax.saxutils import escape

from flask import current_app, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import text

from lms.extensions import db
from lms.i18n import LANGUAGE_COOKIE
from lms.invitations import InvitationKind
from lms.nav import NavItem, home_sections
from lms.organisations import ROLE_LABELS, services as organisation_services
from lms.permissions import ADMIN, EVERYONE, SIGNED_IN, Permission, require, site_role
from lms.security import safe_next


def organisation_members_policy(user, organisation, permission):
    if organisation is None or site_role(user) == "admin":
        return site_role(user) in permission.roles
    return organisation_services.is_member(user, organisation)


def manage_organisation_policy(user, organisation, permission):
    if organisation is None or site_role(user) == "admin":
        return site_role(user) in permission.roles
    return organisation_services.is_admin(user, organisation)


def _join_title(organisation):
    return _("Join %(name)s", name=organisation.name)


INVITATION_KINDS = [
    InvitationKind("core.organisation", purpose="org_invitation", days_setting="INVITATION_DAYS",
                   endpoint="organisations.accept_invitation",
                   target=organisation_services.invited_to, title=_join_title,
                   accept=organisation_services.accept_invitation,
                   lead="organisations/_invitation.html", new_accounts=False,
                   roles=ROLE_LABELS),
]


PERMISSIONS = [
    Permission("core.view_public", _l("See public pages"), EVERYONE),
    Permission("core.sign_up", _l("Sign up and confirm an email address"), EVERYONE),
    Permission("core.log_in", _l("Log in and reset a forgotten password"), EVERYONE),
    Permission("core.log_out", _l("Log out"), SIGNED_IN),
    Permission("core.edit_own_profile", _l("Edit one's own profile and password"), SIGNED_IN),
    Permission("core.view_organisations", _l("See the directory of organisations"), EVERYONE),
    Permission("core.create_organisation", _l("Create an organisation"), SIGNED_IN),
    Permission("core.join_organisation", _l("Accept invitations and leave organisations"),
               SIGNED_IN),
    (Permission("core.view_organisation_members", _l("See who belongs to an organisation"),
                SIGNED_IN), organisation_members_policy),
    (Permission("core.manage_organisation", _l("Edit an organisation and manage its members"),
                SIGNED_IN), manage_organisation_policy),
    Permission("core.manage_users", _l("Manage accounts and site roles"), ADMIN),
    Permission("core.view_audit_log", _l("Read the audit log"), ADMIN),
]

NAV_ITEMS = [
    NavItem(_l("Organisations"), "organisations.index", "core.view_organisations", order=800),
    NavItem(_l("People"), "admin.users", "core.manage_users", order=900),
    NavItem(_l("Audit log"), "admin.audit_log", "core.view_audit_log", order=910),
]


@require("core.view_public")
def home():
    return render_template("home.html", sections=home_sections())


@require("core.view_public")
def sitemap():
    """The public pages search engines may index: the home page and what plugins add."""
    entries = [(url_for("core.home", _external=True), None)]
    for plugin in current_app.extensions["lms_plugins"].values():
        entries.extend(plugin.sitemap_urls())
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for location, changed in entries:
        lastmod = f"<lastmod>{changed.strftime('%Y-%m-%dT%H:%M:%SZ')}</lastmod>" if changed \
            else ""
        lines.append(f"<url><loc>{escape(location)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return current_app.response_class("\n".join(lines) + "\n",
                                      mimetype="application/xml")


@require("core.view_public")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception as exc:  # any driver error means the database does not answer
        current_app.logger.error("health check failed: %s", exc)
        return jsonify(status="error", database="unreachable"), 503
    return jsonify(status="ok", database="ok")


@require("core.view_public")
def set_language(code):
    """Switch language with a plain link, so it works without JavaScript."""
    target = safe_next(request.args.get("next"), url_for("core.home"))
    response = redirect(target)
    if code in current_app.config["LANGUAGES"]:
        response.set_cookie(LANGUAGE_COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax",
                            httponly=True, secure=request.is_secure)
        if current_user.is_authenticated:
            current_user.locale = code
    return response
