"""Pages for the people of a network: members, roles, invitations, join requests, leaving."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from lms.auth.tokens import TokenError
from lms.csvfiles import csv_response
from lms.extensions import db
from lms.forms import ConfirmForm
from lms.organisations import KIND_LABELS
from lms.permissions import require, require_object
from networks import ROLE_LABELS, THEME_LABELS
from networks.forms import (NEW_ORGANISATION, ContactForm, DecisionForm, InviteForm,
                            JoinRequestForm, RoleForm, ThemesForm)
from networks.models import JoinRequest, Member, Person
from networks.services import export, invitations, membership
from networks.services import network as network_service
from networks.services.membership import RuleError
from networks.views.network import load


def load_row(model, network, row_id):
    found = db.session.get(model, row_id)
    if found is None or found.network_id != network.id:
        abort(404)
    return found


def back(network):
    return redirect(url_for("networks.people", slug=network.slug))


@require("networks.manage_members")
def people(slug):
    network = load(slug)
    everyone = network_service.all_organisations()
    form = InviteForm(organisations=everyone)
    if request.method == "GET":
        form.locale.data = current_user.locale
    if form.validate_on_submit():
        organisation = None
        if form.organisation.data != NEW_ORGANISATION:
            organisation = next(o for o in everyone if o.id == form.organisation.data)
        try:
            invitations.invite(network, current_user, form.email.data, form.role.data,
                               organisation, form.organisation_name.data or "",
                               form.organisation_kind.data, form.locale.data)
        except RuleError as exc:
            form.email.errors.append(exc.message)
        else:
            flash(_("We have sent an invitation to %(email)s.", email=form.email.data),
                  "success")
            return back(network)
    return render_template(
        "networks/people.html", network=network, form=form,
        people=membership.people(network), members=membership.members(network),
        open_invitations=invitations.open_invitations(network),
        requests=invitations.pending_requests(network), roles=ROLE_LABELS, kinds=KIND_LABELS,
        themes=THEME_LABELS, confirm=ConfirmForm(), decision=DecisionForm())


@require("networks.manage_members")
def change_role(slug, person_id):
    network = load(slug)
    person = load_row(Person, network, person_id)
    form = RoleForm()
    if form.validate_on_submit():
        try:
            membership.set_role(person, form.role.data, current_user)
        except RuleError as exc:
            flash(str(exc.message), "error")
        else:
            flash(_("The role of %(name)s is now: %(role)s.", name=person.user.display_name,
                    role=ROLE_LABELS[form.role.data]), "success")
    return back(network)


@require("networks.manage_members")
def change_contact(slug, person_id):
    network = load(slug)
    person = load_row(Person, network, person_id)
    form = ContactForm()
    if form.validate_on_submit():
        membership.set_contact(person, form.is_contact.data)
        flash(_("Saved: contact persons of the network."), "success")
    return back(network)


@require("networks.manage_members")
def remove_person(slug, person_id):
    network = load(slug)
    person = load_row(Person, network, person_id)
    if ConfirmForm().validate_on_submit():
        name = person.user.display_name
        try:
            membership.remove_person(person, current_user)
        except RuleError as exc:
            flash(str(exc.message), "error")
        else:
            flash(_("%(name)s is no longer a member of the network.", name=name), "success")
    return back(network)


@require("networks.manage_members")
def remove_organisation(slug, member_id):
    network = load(slug)
    member = load_row(Member, network, member_id)
    if ConfirmForm().validate_on_submit():
        name = member.organisation.name
        try:
            membership.remove_organisation(member, current_user)
        except RuleError as exc:
            flash(str(exc.message), "error")
        else:
            flash(_("%(name)s is no longer a member of the network.", name=name), "success")
    return back(network)


@require("networks.edit_member_themes")
def member_themes(slug, member_id):
    network = load(slug, "networks.view")
    member = require_object(load_row(Member, network, member_id))
    form = ThemesForm(data={"themes": member.themes})
    if form.validate_on_submit():
        membership.set_member_themes(member, form.themes.data)
        flash(_("The themes of %(name)s have been saved.", name=member.organisation.name),
              "success")
        return redirect(url_for("networks.home", slug=network.slug))
    return render_template("networks/member_themes.html", network=network, member=member,
                           form=form)


@require("networks.manage_members")
def withdraw_invitation(slug, invitation_id):
    network = load(slug)
    invitation = invitations.find(network, invitation_id)
    if invitation is None:
        abort(404)
    if ConfirmForm().validate_on_submit():
        try:
            invitations.withdraw(network, invitation, current_user)
        except TokenError:
            flash(_("This invitation has already been used or withdrawn."), "error")
        else:
            flash(_("The invitation to %(email)s has been withdrawn.", email=invitation.email),
                  "success")
    return back(network)


@require("networks.manage_members")
def decide(slug, request_id):
    network = load(slug)
    join_request = load_row(JoinRequest, network, request_id)
    if join_request.status != "pending":
        flash(_("This request has already been answered."), "info")
        return back(network)
    form = DecisionForm()
    if form.validate_on_submit():
        name = join_request.organisation.name
        if form.decision.data == "approve":
            invitations.approve(join_request, current_user, form.role.data, form.reply.data or "")
            flash(_("%(name)s is now a member of the network.", name=name), "success")
        else:
            invitations.decline(join_request, current_user, form.reply.data or "")
            flash(_("You have declined the request of %(name)s.", name=name), "success")
        return back(network)
    for errors in form.errors.values():
        for error in errors:
            flash(str(error), "error")
    return back(network)


@require("networks.request_join")
def request_join(slug):
    network = load(slug)
    mine = network_service.my_organisations(current_user)
    form = JoinRequestForm(organisations=mine)
    if mine and form.validate_on_submit():
        organisation = next(o for o in mine if o.id == form.organisation.data)
        try:
            invitations.request_to_join(network, organisation, current_user,
                                        form.message.data or "")
        except RuleError as exc:
            form.organisation.errors.append(exc.message)
        else:
            flash(_("Your request has been sent. The coordinators will answer by email."),
                  "success")
            return redirect(url_for("networks.home", slug=network.slug))
    return render_template("networks/join.html", network=network, form=form, organisations=mine)


@require("networks.leave")
def leave(slug):
    network = load(slug, "networks.view")
    person = membership.person_of(network, current_user)
    if person is None:
        abort(404)
    if ConfirmForm().validate_on_submit():
        try:
            membership.leave(person)
        except RuleError as exc:
            flash(str(exc.message), "error")
        else:
            flash(_("You have left %(name)s.", name=network.name), "success")
    return redirect(url_for("networks.home", slug=network.slug))


@require("networks.manage_members")
def export_members(slug):
    network = load(slug)
    return csv_response(f"{network.slug}-members.csv", *export.member_list(network))
