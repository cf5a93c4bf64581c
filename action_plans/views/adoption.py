"""Adopting a plan: its phase, starting adoption, signing a version for a partner organisation,
naming an organisation's signatory, and the versions (each read from its snapshot, and two
compared)."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from action_plans import AREA_LABELS, PHASE_LABELS, SIGN_OFF_LABELS, VERSION_STATUS_LABELS
from action_plans.forms.adoption import PhaseForm, SignatoryForm, SignOffForm, VisibilityForm
from action_plans.services import access, adoption, plans
from action_plans.views import load_plan, load_version
from action_plans.views.records import me
from lms.forms import ConfirmForm
from lms.permissions import can, require
from lms.publishing import publish_link

LABELS = {"phases": PHASE_LABELS, "decisions": SIGN_OFF_LABELS, "statuses": VERSION_STATUS_LABELS,
          "areas": AREA_LABELS}


def _signatory_form(plan, **blank):
    """The form naming a signatory; `formdata=None` for a blank one beside another form."""
    organisations = adoption.administered_organisations(current_user, plan)
    return SignatoryForm(organisations=organisations,
                         people=adoption.people_of(plan, organisations), **blank)


def _adoption_page(plan, status=200, phase_form=None, signatory_form=None,
                   visibility_form=None):
    version = adoption.latest(plan)
    signable = adoption.signable_organisations(current_user, plan)
    return render_template(
        "action_plans/adoption.html", plan=plan, version=version,
        sign_offs=adoption.sign_offs(version) if version else [],
        may_edit=can(current_user, "action_plans.edit_plan", plan), may_sign=bool(signable),
        phase_form=phase_form or PhaseForm(formdata=None, phase=plan.phase),
        start_form=ConfirmForm(formdata=None),
        signatory_form=signatory_form or _signatory_form(plan, formdata=None),
        visibility_form=visibility_form or VisibilityForm(formdata=None,
                                                          visibility=plan.visibility),
        is_public=access.is_public(plan),
        open_publish_link=publish_link("action_plans.plan", plan.id),
        signatories=adoption.signatories(plan), **LABELS), status


@require("action_plans.view_plan")
def adoption_page(slug):
    return _adoption_page(load_plan(slug))


@require("action_plans.edit_plan")
def set_phase(slug):
    plan = load_plan(slug, for_update=True)
    form = PhaseForm()
    if not form.validate_on_submit():
        return _adoption_page(plan, 400, phase_form=form)
    if not adoption.set_phase(plan, form.phase.data, me()):
        form.phase.errors.append(_("The phase can be changed here only while the plan is in "
                                   "drafting or consultation."))
        return _adoption_page(plan, 400, phase_form=form)
    flash(_("The plan is now in %(phase)s.", phase=PHASE_LABELS[plan.phase]), "success")
    return redirect(url_for("action_plans.adoption_page", slug=plan.slug))


@require("action_plans.edit_plan")
def set_visibility(slug):
    plan = load_plan(slug, for_update=True)
    form = VisibilityForm()
    if not form.validate_on_submit():
        return _adoption_page(plan, 400, visibility_form=form)
    plans.set_visibility(plan, form.visibility.data, me())
    flash(_("Who can read the plan has been changed."), "success")
    return redirect(url_for("action_plans.adoption_page", slug=plan.slug))


@require("action_plans.edit_plan")
def start_adoption(slug):
    plan = load_plan(slug, for_update=True)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    version = adoption.start(plan, me())
    if version is None:
        flash(_("Adoption can start only from drafting or consultation."), "error")
        return redirect(url_for("action_plans.adoption_page", slug=plan.slug))
    flash(_("Version %(number)s has been frozen; every partner organisation can now sign it.",
            number=version.number), "success")
    return redirect(url_for("action_plans.sign", slug=plan.slug, number=version.number))


@require("action_plans.sign")
def name_signatory(slug):
    plan = load_plan(slug)
    form = _signatory_form(plan)
    if not form.validate_on_submit():
        return _adoption_page(plan, 400, signatory_form=form)
    organisation = next(o for o in adoption.administered_organisations(current_user, plan)
                        if o.id == form.organisation.data)
    person = next(user for org_id, user in adoption.people_of(plan, [organisation])
                  if user.id == form.person.data)
    adoption.name_signatory(plan, organisation, person, me())
    flash(_("%(person)s may now sign this plan for %(organisation)s.",
            person=person.display_name, organisation=organisation.name), "success")
    return redirect(url_for("action_plans.adoption_page", slug=plan.slug))


@require("action_plans.sign")
def sign(slug, number):
    saving = request.method == "POST"
    plan = load_plan(slug, for_update=saving)
    version = load_version(plan, number, for_update=saving)
    signable = adoption.signable_organisations(current_user, plan)
    form = SignOffForm(organisations=signable)
    status = 200
    if form.is_submitted():
        status = 400
        if version.status != "signing":
            form.form_errors.append(_("This version is no longer being signed."))
        elif form.validate():
            organisation = next(o for o in signable if o.id == form.organisation.data)
            outcome = adoption.decide(plan, version, organisation, me(), form.decision.data,
                                      form.comment.data or "")
            if outcome == "already":
                form.organisation.errors.append(_(
                    "%(organisation)s has already decided on this version; a decision cannot "
                    "be changed.", organisation=organisation.name))
            else:
                flash({"decided": _("Your organisation's decision has been recorded."),
                       "adopted": _("Every partner has approved: the plan is adopted."),
                       "rejected": _("The plan has been rejected and is back in drafting."),
                       "closed": _("This version is no longer being signed.")}[outcome],
                      "success")
                return redirect(url_for("action_plans.sign", slug=plan.slug,
                                        number=version.number))
    return render_template("action_plans/sign.html", plan=plan, version=version,
                           sign_offs=adoption.sign_offs(version), form=form, **LABELS), status


@require("action_plans.view_plan")
def versions(slug):
    plan = load_plan(slug)
    return render_template("action_plans/versions.html", plan=plan, versions=adoption.versions(
        plan, adopted_only=not access.is_insider(current_user, plan)), **LABELS)


@require("action_plans.view_plan")
def show_version(slug, number):
    plan = load_plan(slug)
    version = load_version(plan, number)
    return render_template("action_plans/version.html", plan=plan, version=version,
                           sign_offs=adoption.sign_offs(version), **LABELS)


@require("action_plans.view_plan")
def compare_versions(slug):
    plan = load_plan(slug)
    shown = adoption.versions(plan, adopted_only=not access.is_insider(current_user, plan))
    numbers = {version.number: version for version in shown}
    chosen = [request.args.get(name, type=int) for name in ("a", "b")]
    status, error, changes = 200, None, None
    if any(name in request.args for name in ("a", "b")):
        if all(number in numbers for number in chosen):
            changes = adoption.compare(numbers[chosen[0]], numbers[chosen[1]])
        else:
            status, error = 400, _("Please choose two versions of this plan.")
    return render_template("action_plans/compare.html", plan=plan, versions=shown,
                           chosen=chosen, changes=changes, error=error,
                           older=numbers.get(chosen[0]), newer=numbers.get(chosen[1]),
                           **LABELS), status


