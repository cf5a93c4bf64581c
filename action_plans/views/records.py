"""What editing any plan record together looks like, for every kind (sections, goals, actions,
indicators): the edit page with who else is editing, the merged or conflicting save and its
resolution page, the history with word diffs, restore, and the presence poll."""
from flask import abort, flash, jsonify, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from action_plans.models import Revision
from action_plans.services import coediting
from action_plans.services.merging import diff_words
from lms.extensions import db
from lms.forms import ConfirmForm
from lms.permissions import can


def me():
    return current_user._get_current_object()


def edit_page(plan, kind, record, form, *, title, urls, saved_message, done_url,
              values=None):
    """GET: the form at the record's version. POST: save (or settle a conflict); a conflict
    answers 409 with the resolution page. `urls` holds "presence" and "history" for the page;
    `values(form)` gives the submitted fields (default: the form's data for `kind.fields`)."""
    if request.method == "GET":
        form.version.data = record.version
    if not form.validate_on_submit():
        return _page(plan, kind, record, form, title, urls,
                     400 if form.is_submitted() else 200)
    submitted = values(form) if values else {name: form[name].data for name in kind.fields}
    if form.edit_id.data:
        outcome = coediting.resolve(plan.id, kind, record, submitted, form.edit_id.data, me())
    else:
        outcome = coediting.save(plan.id, kind, record, submitted, form.version.data, me())
    if outcome.status == "conflict":
        # the resolution page: the form now saves against the current version and settles
        # the kept edit (the hidden fields show their data only without the posted raw values,
        # else the page would send the old version again and meet the same conflict forever)
        form.version.data, form.version.raw_data = record.version, None
        form.edit_id.data, form.edit_id.raw_data = outcome.edit.id, None
        return _page(plan, kind, record, form, title, urls, 409, outcome.conflicts,
                     outcome.edit)
    messages = {
        "saved": saved_message,
        "merged": _("Saved. Someone else saved it meanwhile; their changes and yours have been "
                    "merged."),
        "unchanged": _("Nothing was changed."),
    }
    flash(messages[outcome.status], "success")
    return redirect(done_url)


def _page(plan, kind, record, form, title, urls, status=200, conflicts=(), edit=None):
    # opening the page says "I am here"; a refused or conflicting save changes nothing stored
    others = coediting.here(kind, record, me()) if request.method == "GET" else \
        coediting.others_here(kind, record, me())
    return render_template(
        "action_plans/record_form.html", plan=plan, record=record, form=form, title=title,
        conflicts=conflicts, edit=edit, others=others, urls=urls,
        open_edits=coediting.open_edits(kind, record, me())), status


def presence(kind, record):
    """Polled by the edit page: who else has the record open, and its current version."""
    others = coediting.here(kind, record, me())
    response = jsonify({"version": record.version,
                        "others": [found.user.display_name for found in others]})
    response.headers["Cache-Control"] = "no-store"
    return response


def history_page(plan, kind, record, *, title, labels, restore_url, may_restore=None,
                 shown=None):
    """Every version with what changed, word by word; edits kept while being merged or
    resolved; restore buttons for editors (`restore_url(revision)`; `may_restore` when others
    than the plan's editors may). `shown[field](value)` says a stored value in words (an
    organisation's name for its id, say)."""
    revisions = coediting.history(kind, record)
    saved = [r for r in revisions if r.kind != "edit"]
    shown = shown or {}
    changes = {}
    for newer, older in zip(saved, saved[1:] + [None]):
        changes[newer.id] = {
            name: diff_words(_text((older.fields if older else {}).get(name), shown.get(name)),
                             _text(newer.fields.get(name), shown.get(name)))
            for name in kind.fields
            if (older.fields.get(name) != newer.fields.get(name) if older is not None
                else newer.fields.get(name) not in (None, ""))}       # the first: what it has
    bases = {r.version: r for r in saved}
    submitted = {r.id: _submitted(kind, r, bases.get(r.base_version), labels, shown)
                 for r in revisions if r.kind == "edit"}
    return render_template("action_plans/history.html", plan=plan, record=record, title=title,
                           revisions=revisions, changes=changes, submitted=submitted,
                           fields=labels,
                           may_restore=can(current_user, "action_plans.edit_plan", plan)
                           if may_restore is None else may_restore,
                           restore_form=ConfirmForm(), restore_url=restore_url)


def _submitted(kind, edit, base, labels, shown):
    """What a kept edit changed from the version its author started from (`base`, when
    known), each field in words (an organisation's name, a status's label), not every field's
    stored value."""
    def changed(name):
        if name not in labels or name not in edit.fields:
            return False
        return base.fields.get(name) != edit.fields[name] if base is not None \
            else bool(edit.fields[name])
    return {name: _text(edit.fields[name], shown.get(name))
            for name in kind.fields if changed(name)}


def _text(value, say=None):
    if value is None:
        return ""
    return str(say(value) if say else value)


def restore(plan, kind, record, revision_id, back_url):
    revision = db.session.get(Revision, revision_id)
    if revision is None or revision.record_type != kind.name or revision.record_id != record.id \
            or revision.kind == "edit":
        abort(404)
    if ConfirmForm().validate_on_submit():
        coediting.restore(plan.id, kind, record, revision, me())
        flash(_("Version %(number)s has been restored as version %(new)s.",
                number=revision.version, new=record.version), "success")
    return redirect(back_url)
