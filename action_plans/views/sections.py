"""A plan's narrative sections: their page (with comments), edit together, who else is
editing, history, restore, add."""
from flask import redirect, render_template, request, url_for
from flask_login import current_user
from flask_babel import gettext as _

from action_plans.forms.sections import NewSectionForm, SectionForm
from action_plans.services import plans
from action_plans.services.records import SECTION
from action_plans.views import load_plan, load_section, records
from action_plans.views.comment_area import comment_area
from lms.permissions import can, require


def _urls(plan, section):
    args = {"slug": plan.slug, "section_id": section.id}
    return {"presence": url_for("action_plans.section_presence", **args),
            "history": url_for("action_plans.section_history", **args)}


@require("action_plans.view_plan")
def show_section(slug, section_id):
    plan = load_plan(slug)
    return section_page(plan, load_section(plan, section_id))


def section_page(plan, section, status=200, comments=None):
    """The section on a page of its own, with its comments (`comments`: the area with a
    refused comment)."""
    return render_template(
        "action_plans/section.html", plan=plan, section=section,
        may_edit=can(current_user, "action_plans.edit_plan", plan),
        comments=comments or comment_area(plan, "section", section)), status


@require("action_plans.edit_plan")
def edit_section(slug, section_id):
    saving = request.method == "POST"
    plan = load_plan(slug, for_update=saving)
    section = load_section(plan, section_id, for_update=saving)
    form = SectionForm(obj=section if not saving else None)
    return records.edit_page(
        plan, SECTION, section, form, title=section.title, urls=_urls(plan, section),
        saved_message=_("The section has been saved."),
        done_url=url_for("action_plans.show", slug=plan.slug, _anchor=f"section-{section.id}"),
        values=lambda f: {"title": f.title.data, "body": f.body.data or ""})


@require("action_plans.edit_plan")
def section_presence(slug, section_id):
    plan = load_plan(slug)
    return records.presence(SECTION, load_section(plan, section_id))


@require("action_plans.view_plan")
def section_history(slug, section_id):
    plan = load_plan(slug)
    section = load_section(plan, section_id)
    return records.history_page(
        plan, SECTION, section, title=section.title,
        labels={"title": _("Title"), "body": _("Text")},
        restore_url=lambda revision: url_for("action_plans.restore_section", slug=plan.slug,
                                             section_id=section.id, revision_id=revision.id))


@require("action_plans.edit_plan")
def restore_section(slug, section_id, revision_id):
    plan = load_plan(slug, for_update=True)
    section = load_section(plan, section_id, for_update=True)
    return records.restore(plan, SECTION, section, revision_id, url_for(
        "action_plans.section_history", slug=plan.slug, section_id=section.id))


@require("action_plans.edit_plan")
def add_section(slug):
    plan = load_plan(slug)
    form = NewSectionForm()
    if form.validate_on_submit():
        section = plans.add_section(plan, records.me(), form.title.data)
        return redirect(url_for("action_plans.edit_section", slug=plan.slug,
                                section_id=section.id))
    return render_template("action_plans/new_section.html", plan=plan, form=form), \
        400 if form.is_submitted() else 200
