"""A plan's actions and indicators as CSV downloads, and their import."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from action_plans.forms.exchange import ImportForm
from action_plans.services import exchange
from action_plans.views import load_plan
from lms.csvfiles import MAX_IMPORT_BYTES, csv_response
from lms.permissions import require


@require("action_plans.view_plan")
def export_actions(slug):
    plan = load_plan(slug)
    header, rows = exchange.actions_table(plan)
    return csv_response(f"{plan.slug}-actions.csv", header, rows)


@require("action_plans.view_plan")
def export_indicators(slug):
    plan = load_plan(slug)
    header, rows = exchange.indicators_table(plan)
    return csv_response(f"{plan.slug}-indicators.csv", header, rows)


@require("action_plans.edit_plan")
def import_table(slug):
    plan = load_plan(slug)
    form = ImportForm()
    errors = []
    if form.validate_on_submit():
        data = form.file.data.read(MAX_IMPORT_BYTES + 1)   # read_csv refuses what is larger
        user = current_user._get_current_object()
        if form.table.data == "actions":
            created, updated, errors = exchange.import_actions(plan, data, user)
            message = _("%(created)s actions added, %(updated)s updated.", created=created,
                        updated=updated)
        else:
            created, updated, added, errors = exchange.import_indicators(plan, data, user)
            message = _("%(created)s indicators added, %(updated)s updated, %(added)s "
                        "measurements submitted for approval.", created=created,
                        updated=updated, added=added)
        if not errors:
            flash(message, "success")
            return redirect(url_for("action_plans.show", slug=plan.slug))
    status = 400 if form.is_submitted() else 200
    return render_template("action_plans/import.html", plan=plan, form=form, errors=errors), \
        status
