"""Organisation directory, profiles and member management."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import or_, select

from lms.extensions import db
from lms.forms import ConfirmForm
from lms.invitations.views import accept_page
from lms.models import Membership, Organisation
from lms.nav import organisation_sections
from lms.organisations import KIND_LABELS, ROLE_LABELS, services
from lms.organisations.forms import InviteForm, MemberRoleForm, OrganisationForm
from lms.paging import page_number, paginate
from lms.permissions import can, require, require_object

PAGE_SIZE = 30


def load(slug):
    organisation = db.session.scalar(select(Organisation).where(Organisation.slug == slug))
    if organisation is None:
        abort(404)
    return organisation


def back_to_members(organisation):
    """The member list, or the organisation's page for someone who no longer manages it."""
    if can(current_user, "core.manage_organisation", organisation):
        return redirect(url_for("organisations.members", slug=organisation.slug))
    return redirect(url_for("organisations.show", slug=organisation.slug))


def load_membership(organisation, membership_id):
    found = db.session.get(Membership, membership_id)
    if found is None or found.organisation_id != organisation.id:
        abort(404)
    return found


@require("core.view_organisations")
def index():
    query = request.args.get("q", "").strip()
    kind = request.args.get("kind", "")
    statement = select(Organisation).order_by(Organisation.name)
    if query:
        statement = statement.where(or_(Organisation.name.icontains(query, autoescape=True),
                                        Organisation.region.icontains(query, autoescape=True)))
    if kind in KIND_LABELS:
        statement = statement.where(Organisation.kind == kind)
    return render_template("organisations/index.html",
                           organisations=paginate(statement, page_number(), PAGE_SIZE),
                           query=query, kind=kind, kinds=KIND_LABELS)


@require("core.create_organisation")
def create():
    form = OrganisationForm()
    if form.validate_on_submit():
        organisation = services.create(current_user, name=form.name.data, kind=form.kind.data,
                                       country=form.country.data, region=form.region.data or "",
                                       website=form.website.data or "",
                                       description=form.description.data or "")
        flash(_("The organisation has been created. You are its admin."), "success")
        return redirect(url_for("organisations.show", slug=organisation.slug))
    return render_template("organisations/form.html", form=form, organisation=None)


@require("core.view_organisations")
def show(slug):
    organisation = load(slug)
    see_members = can(current_user, "core.view_organisation_members", organisation)
    return render_template(
        "organisations/show.html", organisation=organisation, kinds=KIND_LABELS,
        members=services.members(organisation) if see_members else None,
        manage=can(current_user, "core.manage_organisation", organisation),
        membership=services.membership(current_user, organisation), leave_form=ConfirmForm(),
        sections=organisation_sections(organisation))


@require("core.manage_organisation")
def edit(slug):
    organisation = require_object(load(slug))
    form = OrganisationForm(obj=organisation)
    if form.validate_on_submit():
        form.populate_obj(organisation)
        flash(_("The organisation has been saved."), "success")
        return redirect(url_for("organisations.show", slug=organisation.slug))
    return render_template("organisations/form.html", form=form, organisation=organisation)


@require("core.manage_organisation")
def members(slug):
    organisation = require_object(load(slug))
    form = InviteForm()
    if form.validate_on_submit():
        services.invite(organisation, form.email.data, form.role.data, current_user)
        flash(_("We have sent an invitation to %(email)s.", email=form.email.data), "success")
        return redirect(url_for("organisations.members", slug=slug))
    return render_template(
        "organisations/members.html", organisation=organisation, form=form,
        members=services.members(organisation), pending=services.members(organisation, "pending"),
        role_labels=ROLE_LABELS, confirm=ConfirmForm(), role_form=MemberRoleForm())


@require("core.manage_organisation")
def approve(slug, membership_id):
    organisation = require_object(load(slug))
    found = load_membership(organisation, membership_id)
    if ConfirmForm().validate_on_submit() and found.status == "pending":
        services.approve(found)
        flash(_("%(name)s is now a member.", name=found.user.display_name), "success")
    return redirect(url_for("organisations.members", slug=slug))


@require("core.manage_organisation")
def change_role(slug, membership_id):
    organisation = require_object(load(slug))
    found = load_membership(organisation, membership_id)
    form = MemberRoleForm()
    if form.validate_on_submit() and form.role.data != found.role:
        if found.role == "admin" and services.admin_count(organisation) <= 1:
            flash(_("An organisation needs at least one admin. Make someone else admin first."),
                  "error")
        else:
            services.set_role(found, form.role.data)
            flash(_("The role of %(name)s has been changed.", name=found.user.display_name),
                  "success")
    return back_to_members(organisation)


@require("core.manage_organisation")
def remove(slug, membership_id):
    organisation = require_object(load(slug))
    found = load_membership(organisation, membership_id)
    if ConfirmForm().validate_on_submit():
        if found.role == "admin" and found.status == "active" and \
                services.admin_count(organisation) <= 1:
            flash(_("An organisation needs at least one admin. Make someone else admin first."),
                  "error")
        else:
            name, declined = found.user.display_name, found.status == "pending"
            services.remove(found)
            if declined:
                flash(_("You have declined the request of %(name)s to join.", name=name),
                      "success")
            else:
                flash(_("%(name)s is no longer a member.", name=name), "success")
    return back_to_members(organisation)


@require("core.join_organisation")
def leave(slug):
    organisation = load(slug)
    found = services.membership(current_user, organisation)
    if found is None:
        abort(404)
    if ConfirmForm().validate_on_submit():
        if found.role == "admin" and services.admin_count(organisation) <= 1:
            flash(_("An organisation needs at least one admin. Make someone else admin first."),
                  "error")
        else:
            services.remove(found)
            flash(_("You have left %(name)s.", name=organisation.name), "success")
    return redirect(url_for("organisations.show", slug=slug))


@require("core.join_organisation")
def accept_invitation(token):
    return accept_page("core.organisation", token)
