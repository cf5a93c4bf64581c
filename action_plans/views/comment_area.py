"""The "Comments" area of a section's, goal's, action's and indicator's page: what it shows and
which forms it holds (the pages include `action_plans/_comments.html` with it)."""
from flask import url_for
from flask_login import current_user

from action_plans.forms.comments import CommentForm, ReplyForm
from action_plans.services import access
from action_plans.services import comments as comment_service
from lms.permissions import can


def reply_prefix(thread_id):
    return f"reply-{thread_id}"


def comment_area(plan, kind, record, form=None, reply=None):
    """The area for `record` (of `kind`), or None for a visitor who may not read comments
    (outsiders, even on a public plan). `form`: a refused new comment; `reply`: (thread id,
    refused reply form). A fixed number of queries whatever the number of comments."""
    if not access.may_read_comments(current_user, plan):
        return None
    threads = comment_service.threads(plan, kind, record.id)
    may_comment = can(current_user, "action_plans.comment", plan)
    may_edit_plan = can(current_user, "action_plans.edit_plan", plan)
    me = getattr(current_user, "id", None)
    area = {"kind": kind, "record": record, "threads": threads,
            "open": sum(1 for thread in threads if thread.resolved_at is None),
            "may_comment": may_comment,
            # the plan's editors, and the thread's author while they may comment
            "may_resolve": {thread.id for thread in threads
                            if may_edit_plan or (may_comment and thread.author_id == me)},
            # one's own comments and replies, while one may comment
            "me": me if may_comment else None,
            "post_url": url_for(f"action_plans.comment_on_{kind}", slug=plan.slug,
                                **{f"{kind}_id": record.id})}
    if may_comment:
        area["form"] = form or CommentForm(formdata=None)
        area["replies"] = {
            thread.id: reply[1] if reply and reply[0] == thread.id
            else ReplyForm(formdata=None, prefix=reply_prefix(thread.id))
            for thread in threads}
        area["members"] = mentions(plan)
    return area


def mentions(plan):
    """(mention to copy, name) of every member of the plan's network."""
    return [(comment_service.mention_of(user_id, name), name)
            for user_id, name in comment_service.members(plan.network).items()]
