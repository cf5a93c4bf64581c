"""Admin pages: the list of accounts, one account, and the audit log."""
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from lms.admin.forms import ROLE_LABELS, SiteRoleForm
from lms.extensions import db
from lms.forms import ConfirmForm
from lms.models import AuditEvent, User
from lms.paging import page_number, paginate
from lms.permissions import require
from lms.security import audit
from lms.sessions import end_sessions_of
from lms.signals import user_deactivated

PAGE_SIZE = 50


def load_user(user_id):
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


@require("core.manage_users")
def users():
    query = request.args.get("q", "").strip()
    statement = select(User).order_by(User.display_name)
    if query:
        statement = statement.where(or_(User.email.icontains(query, autoescape=True),
                                        User.display_name.icontains(query, autoescape=True)))
    return render_template("admin/users.html", users=paginate(statement, page_number(), PAGE_SIZE),
                           query=query, role_labels=ROLE_LABELS)


@require("core.manage_users")
def user(user_id):
    person = load_user(user_id)
    form = SiteRoleForm(obj=person)
    if form.validate_on_submit():
        if person.id == current_user.id and form.role.data != "admin":
            form.role.errors.append(_("You cannot take away your own admin role."))
        elif form.role.data != person.role:
            audit("role_changed", subject=person, scope="site", old=person.role,
                  new=form.role.data)
            person.role = form.role.data
            flash(_("The site role of %(name)s is now %(role)s.", name=person.display_name,
                    role=ROLE_LABELS[person.role]), "success")
            return redirect(url_for("admin.user", user_id=person.id))
    events = db.session.scalars(
        select(AuditEvent).options(selectinload(AuditEvent.actor))
        .where(or_(AuditEvent.subject_id == person.id, AuditEvent.actor_id == person.id))
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc()).limit(20)).all()
    return render_template("admin/user.html", person=person, form=form, confirm=ConfirmForm(),
                           events=events, role_labels=ROLE_LABELS)


@require("core.manage_users")
def deactivate(user_id):
    person = load_user(user_id)
    if ConfirmForm().validate_on_submit():
        if person.id == current_user.id:
            flash(_("You cannot deactivate your own account."), "error")
        elif person.active:
            person.active = False
            end_sessions_of(person.id)
            audit("account_deactivated", subject=person)
            user_deactivated.send(current_app._get_current_object(), user=person, by=current_user)
            flash(_("The account of %(name)s has been deactivated.", name=person.display_name),
                  "success")
    return redirect(url_for("admin.user", user_id=person.id))


@require("core.manage_users")
def reactivate(user_id):
    person = load_user(user_id)
    if ConfirmForm().validate_on_submit() and not person.active:
        person.active = True
        audit("account_reactivated", subject=person)
        flash(_("The account of %(name)s is active again.", name=person.display_name), "success")
    return redirect(url_for("admin.user", user_id=person.id))


@require("core.view_audit_log")
def audit_log():
    event = request.args.get("event", "")
    statement = select(AuditEvent).options(
        selectinload(AuditEvent.actor), selectinload(AuditEvent.subject)).order_by(
        AuditEvent.created_at.desc(), AuditEvent.id.desc())
    if event:
        statement = statement.where(AuditEvent.event == event)
    events = paginate(statement, page_number(), PAGE_SIZE)
    kinds = db.session.scalars(select(AuditEvent.event).distinct().order_by(AuditEvent.event)).all()
    return render_template("admin/audit.html", events=events, event=event, kinds=kinds)
