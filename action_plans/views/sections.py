"""Writing a plan's narrative sections together: edit (merged with others' saves, or the
resolution page), who else is editing, history with differences, restore, new sections."""
from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from action_plans.forms import NewSectionForm, SectionForm
from action_plans.models import Revision
from action_plans.services import coediting, plans
from action_plans.services.merging import diff_words
from action_plans.services.records import SECTION
from action_plans.views import load_plan, load_section
from lms.extensions import db
from lms.forms import ConfirmForm
from lms.permissions import can, require




def me():
    return current_user._get_current_object()


def _editing_page(plan, section, form, status=200, conflicts=(), edit=None):
    # opening the page says "I am here"; a refused or conflicting save changes nothing stored
    others = coediting.here(SECTION, section, me()) if request.method == "GET" else \
        coediting.others_here(SECTION, section, me())
    return render_template(
        "action_plans/section_form.html", plan=plan, section=section, form=form,
        conflicts=conflicts, edit=edit, others=others,
        open_edits=coediting.open_edits(SECTION, section, me()),
        presence_url=url_for("action_plans.section_presence", slug=plan.slug,
                             section_id=section.id)), status


@require("action_plans.edit_plan")
def edit_section(slug, section_id):
    plan = load_plan(slug, for_update=request.method == "POST")
    section = load_section(plan, section_id, for_update=request.method == "POST")
    form = SectionForm(obj=section if request.method == "GET" else None)
    if request.method == "GET":
        form.version.data = section.version
    if not form.validate_on_submit():
        return _editing_page(plan, section, form, 400 if form.is_submitted() else 200)
    submitted = {"title": form.title.data, "body": form.body.data or ""}
    if form.edit_id.data:
        outcome = coediting.resolve(plan.id, SECTION, section, submitted, form.edit_id.data,
                                    me())
    else:
        outcome = coediting.save(plan.id, SECTION, section, submitted, form.version.data, me())
    if outcome.status == "conflict":
        # the resolution page: their text, the current text, where they differ; the form now
        # saves against the current version and settles the kept edit
        form.version.data = section.version
        form.edit_id.data = outcome.edit.id
        return _editing_page(plan, section, form, 409, outcome.conflicts, outcome.edit)
    messages = {
        "saved": _("The section has been saved."),
        "merged": _("The section has been saved. Someone else saved it meanwhile; their "
                    "changes and yours have been merged."),
        "unchanged": _("Nothing was changed."),
    }
    flash(messages[outcome.status], "success")
    return redirect(url_for("action_plans.show", slug=plan.slug, _anchor=f"section-{section.id}"))


@require("action_plans.edit_plan")
def section_presence(slug, section_id):
    """Polled by the edit page: who else has this section open (and its current version)."""
    plan = load_plan(slug)
    section = load_section(plan, section_id)
    others = coediting.here(SECTION, section, me())
    response = jsonify({"version": section.version,
                        "others": [presence.user.display_name for presence in others]})
    response.headers["Cache-Control"] = "no-store"
    return response


@require("action_plans.view_plan")
def section_history(slug, section_id):
    plan = load_plan(slug)
    section = load_section(plan, section_id)
    revisions = coediting.history(SECTION, section)
    saved = [r for r in revisions if r.kind != "edit"]
    changes = {}
    for newer, older in zip(saved, saved[1:] + [None]):
        changes[newer.id] = {
            name: diff_words(str((older.fields if older else {}).get(name) or ""),
                             str(newer.fields.get(name) or ""))
            for name in SECTION.fields
            if older is None or older.fields.get(name) != newer.fields.get(name)}
    return render_template("action_plans/history.html", plan=plan, record=section,
                           title=section.title, revisions=revisions, changes=changes,
                           fields={"title": _("Title"), "body": _("Text")},
                           may_restore=can(current_user, "action_plans.edit_plan", plan),
                           restore_form=ConfirmForm(),
                           restore_endpoint="action_plans.restore_section")


@require("action_plans.edit_plan")
def restore_section(slug, section_id, revision_id):
    plan = load_plan(slug, for_update=True)
    section = load_section(plan, section_id, for_update=True)
    revision = db.session.get(Revision, revision_id)
    if revision is None or revision.record_type != SECTION.name \
            or revision.record_id != section.id:
        abort(404)
    if ConfirmForm().validate_on_submit():
        coediting.restore(plan.id, SECTION, section, revision, me())
        flash(_("Version %(number)s has been restored as version %(new)s.",
                number=revision.version, new=section.version), "success")
    return redirect(url_for("action_plans.section_history", slug=plan.slug,
                            section_id=section.id))


@require("action_plans.edit_plan")
def add_section(slug):
    plan = load_plan(slug)
    form = NewSectionForm()
    if form.validate_on_submit():
        section = plans.add_section(plan, me(), form.title.data)
        return redirect(url_for("action_plans.edit_section", slug=plan.slug,
                                section_id=section.id))
    return render_template("action_plans/new_section.html", plan=plan, form=form), \
        400 if form.is_submitted() else 200
