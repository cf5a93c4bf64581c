"""Comments on a plan's records: a new thread on a section, goal, action or indicator, a reply,
editing one's own, resolve and reopen. A refused comment shows the record's page again with the
message next to the field and the text kept."""
from flask import abort, flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from action_plans.forms.comments import CommentForm, ReplyForm
from action_plans.services import actions as action_service
from action_plans.services import comments as comment_service
from action_plans.views import goals, indicators, load_plan, records, sections
from action_plans.views import actions as action_views
from action_plans.views.comment_area import comment_area, mentions, reply_prefix
from lms.forms import ConfirmForm
from lms.permissions import can, require


def _page(plan, kind, record, **area):
    """The record's page again (400) with the refused form of its comments area."""
    comments = comment_area(plan, kind, record, **area)
    if kind == "section":
        return sections.section_page(plan, record, 400, comments=comments)
    if kind == "goal":
        return goals.goal_page(plan, record, 400, comments=comments)
    if kind == "action":
        return action_views.action_page(plan, action_service.for_page(plan, record.id), 400,
                                        comments=comments)
    return indicators.indicator_page(plan, record, status=400, comments=comments)


def _load(slug, kind, record_id):
    """The plan (readable, and the visitor may comment on it) and its record, else 404/403."""
    plan = load_plan(slug, "action_plans.view_plan")
    if not can(current_user, "action_plans.comment", plan):
        abort(403)
    record = comment_service.record_of(plan, kind, record_id)
    if record is None:
        abort(404)
    return plan, record


def _post(slug, kind, record_id):
    plan, record = _load(slug, kind, record_id)
    form = CommentForm()
    if not form.validate_on_submit():
        return _page(plan, kind, record, form=form)
    comment = comment_service.add(plan, kind, record.id, records.me(), form.body.data)
    flash(_("Your comment has been added."), "success")
    return redirect(comment_service.record_url(plan, kind, record.id,
                                               _anchor=f"comment-{comment.id}"))


@require("action_plans.comment")
def comment_on_section(slug, section_id):
    return _post(slug, "section", section_id)


@require("action_plans.comment")
def comment_on_goal(slug, goal_id):
    return _post(slug, "goal", goal_id)


@require("action_plans.comment")
def comment_on_action(slug, action_id):
    return _post(slug, "action", action_id)


@require("action_plans.comment")
def comment_on_indicator(slug, indicator_id):
    return _post(slug, "indicator", indicator_id)


def _comment(slug, comment_id):
    """The plan and its comment whose record still exists, else 404."""
    plan = load_plan(slug, "action_plans.view_plan")
    comment = comment_service.comment_of(plan, comment_id)
    if comment is None:
        abort(404)
    record = comment_service.record_of(plan, comment.record_type, comment.record_id)
    if record is None:
        abort(404)
    return plan, comment, record


@require("action_plans.comment")
def reply(slug, comment_id):
    plan, comment, record = _comment(slug, comment_id)
    if not can(current_user, "action_plans.comment", plan):
        abort(403)
    thread = comment_service.thread_of(comment)
    # the page draws one reply form per thread; a form posted to a reply (its own prefix)
    # joins the reply's thread too
    own = reply_prefix(comment.id)
    form = ReplyForm(prefix=own if f"{own}-body" in request.form else reply_prefix(thread.id))
    if not form.validate_on_submit():
        # shown again as the thread's form (its prefix), with the text and the messages
        shown = ReplyForm(formdata=None, prefix=reply_prefix(thread.id),
                          data={"body": form.body.data})
        for name in form._fields:
            shown[name].errors = list(form[name].errors)
        return _page(plan, comment.record_type, record, reply=(thread.id, shown))
    added = comment_service.add(plan, comment.record_type, record.id, records.me(),
                                form.body.data, parent=thread)
    flash(_("Your reply has been added."), "success")
    return redirect(comment_service.record_url(plan, comment.record_type, record.id,
                                               _anchor=f"comment-{added.id}"))


@require("action_plans.edit_comment")
def edit(slug, comment_id):
    """The author changes their comment's text on a page of its own."""
    plan, comment, record = _comment(slug, comment_id)
    if not can(current_user, "action_plans.edit_comment", comment):
        abort(403)
    back = comment_service.record_url(plan, comment.record_type, record.id,
                                      _anchor=f"comment-{comment.id}")
    form = CommentForm(data={"body": comment.body} if request.method == "GET" else None)
    if form.validate_on_submit():
        if comment_service.edit(plan, comment, form.body.data):
            flash(_("Your comment has been saved."), "success")
        else:
            flash(_("Nothing was changed."), "success")
        return redirect(back)
    return render_template(
        "action_plans/comment_form.html", plan=plan, comment=comment, form=form, back=back,
        record=comment_service.title_of(comment.record_type, record),
        members=mentions(plan)), 400 if form.is_submitted() else 200


def _settle(slug, comment_id, change, message):
    plan, comment, record = _comment(slug, comment_id)
    thread = comment_service.thread_of(comment)
    if not can(current_user, "action_plans.resolve_comment", thread):
        abort(403)
    if ConfirmForm().validate_on_submit() and change(thread):
        flash(message, "success")
    return redirect(comment_service.record_url(plan, comment.record_type, record.id,
                                               _anchor=f"comment-{thread.id}"))


@require("action_plans.resolve_comment")
def resolve(slug, comment_id):
    return _settle(slug, comment_id,
                   lambda thread: comment_service.resolve(thread, records.me()),
                   _("The comment has been resolved."))


@require("action_plans.resolve_comment")
def reopen(slug, comment_id):
    return _settle(slug, comment_id, comment_service.reopen, _("The comment is open again."))
