"""Comments on a plan's sections, goals, actions and indicators: threads with one level of
replies, resolve and reopen, @mentions of the network's members, and the mail they get.

A mention is written `@[Full Name](user id)`: the comment form lists each member's mention
to copy, so it needs no JavaScript and stays right when two members share a name. Only the
network's members can be mentioned; any other mention (an unknown id, someone who is not a
member) is shown as the plain text `@Full Name`, never refused. Mentions are stored (comment,
user), and the job `action_plans.mail_mentions` mails each person once per comment, in their
own language, with a link to the comment.

Bodies are Markdown, sanitised once at save by the core's sanitiser (`lms.markup`); a mention
becomes `<strong class="mention">@Name</strong>` after sanitising, its name escaped.
"""
import re
import secrets

from flask import url_for
from flask_babel import lazy_gettext as _l
from markupsafe import escape
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import joinedload

from action_plans.models import Action, Comment, CommentMention, Goal, Indicator, Plan, Section
from lms import jobs, mail
from lms.extensions import db
from lms.markup import BASIC_TAGS, Markup
from lms.models import User
from lms.timeutil import utcnow
from networks.models import Person

COMMENT_TEXT = Markup(BASIC_TAGS)
MAX_BODY = 10_000
MENTION = re.compile(r"@\[([^\[\]\n]{1,120})\]\((\d{1,10})\)")
MODELS = {"section": Section, "goal": Goal, "action": Action, "indicator": Indicator}
JOB = "action_plans.mail_mentions"


# --- reading -------------------------------------------------------------------------------------

def record_of(plan, kind, record_id):
    """The plan's record of `kind` ("section", "goal", "action", "indicator"), or None."""
    model = MODELS[kind]
    return db.session.scalar(select(model).where(model.id == record_id,
                                                 model.plan_id == plan.id))


def comment_of(plan, comment_id):
    """The plan's comment, or None (a comment of another plan is not found)."""
    return db.session.scalar(select(Comment).where(Comment.id == comment_id,
                                                   Comment.plan_id == plan.id))


def threads(plan, kind, record_id):
    """The record's threads, open ones first (oldest first within each), each with its
    `replies` (oldest first): one query, whatever the number of comments."""
    found = db.session.scalars(
        select(Comment).where(Comment.plan_id == plan.id, Comment.record_type == kind,
                              Comment.record_id == record_id)
        .options(joinedload(Comment.author), joinedload(Comment.resolved_by))
        .order_by(Comment.created_at, Comment.id)).all()
    tops = [c for c in found if c.parent_id is None]
    replies = {c.id: [] for c in tops}
    for comment in found:
        if comment.parent_id in replies:
            replies[comment.parent_id].append(comment)
    for top in tops:
        top.replies = replies[top.id]
    return sorted(tops, key=lambda c: c.resolved_at is not None)


def open_count(kind, model):
    """A column of a query of `model` records (of `kind`): how many open threads each has."""
    return (select(func.count(Comment.id))
            .where(Comment.record_type == kind, Comment.record_id == model.id,
                   Comment.parent_id.is_(None), Comment.resolved_at.is_(None))
            .correlate(model).scalar_subquery().label("open_comments"))


def members(network):
    """{user id: display name} of the network's people (active accounts), by name."""
    return dict(db.session.execute(
        select(User.id, User.display_name).join(Person, Person.user_id == User.id)
        .where(Person.network_id == network.id, User.active.is_(True))
        .order_by(User.display_name, User.id)).all())


# --- mentions and text -----------------------------------------------------------------------

def render(body, known):
    """(sanitised HTML, [mentioned user ids]) of a comment's Markdown; `known` maps the user
    ids that may be mentioned to their names."""
    nonce = secrets.token_hex(8)
    swapped, mentioned = {}, []

    def swap(match):
        name, user_id = match.group(1).strip(), int(match.group(2))
        key = f"mention{nonce}n{len(swapped)}x"
        if user_id in known:
            swapped[key] = f'<strong class="mention">@{escape(known[user_id])}</strong>'
            if user_id not in mentioned:
                mentioned.append(user_id)
        else:
            swapped[key] = str(escape(f"@{name}"))
        return key

    html = COMMENT_TEXT.render(MENTION.sub(swap, body))
    for key, shown in swapped.items():
        html = html.replace(key, shown)
    return html, mentioned


def plain(body):
    """The Markdown with mentions as `@Name` (for mail)."""
    return MENTION.sub(lambda match: f"@{match.group(1).strip()}", body)


def mention_of(user_id, name):
    """What to write to mention someone."""
    return f"@[{name}]({user_id})"


# --- changing ------------------------------------------------------------------------------------

def add(plan, kind, record_id, author, body, parent=None):
    """A new thread on the record, or a reply: to a reply, it joins the reply's thread (one
    level of replies). Mentions of the network's members are stored and mailed after commit."""
    if parent is not None and parent.parent_id is not None:
        parent = db.session.get(Comment, parent.parent_id)
    html, mentioned = render(body, members(plan.network))
    comment = Comment(plan_id=plan.id, record_type=kind, record_id=record_id,
                      parent_id=parent.id if parent else None, author_id=author.id, body=body,
                      body_html=html)
    db.session.add(comment)
    db.session.flush()
    _mention(comment, mentioned)
    return comment


def edit(plan, comment, body):
    """Change a comment's text (its author's); people it now mentions for the first time are
    mailed, nobody twice. False when the text is the same."""
    if body == comment.body:
        return False
    comment.body = body
    comment.body_html, mentioned = render(body, members(plan.network))
    comment.edited_at = utcnow()
    _mention(comment, mentioned)
    return True


def _mention(comment, mentioned):
    """Store the comment's new mentions (never its author) and queue their mail."""
    known = set(db.session.scalars(select(CommentMention.user_id).where(
        CommentMention.comment_id == comment.id))) if comment.edited_at else set()
    new = [user_id for user_id in mentioned
           if user_id != comment.author_id and user_id not in known]
    for user_id in new:
        db.session.add(CommentMention(comment_id=comment.id, user_id=user_id))
    if new:
        jobs.enqueue(JOB, comment.id)    # handed to the queue once the request commits


def forget(kind, record_ids):
    """Remove the comments (and replies, and mentions) of deleted records (deleting the record
    makes its plan's generation grow in the same transaction)."""
    record_ids = list(record_ids)
    if record_ids:
        db.session.execute(delete(Comment).where(Comment.record_type == kind,
                                                 Comment.record_id.in_(record_ids)))


def resolve(comment, user):
    """Resolve the comment's thread; False when it already was."""
    top = thread_of(comment)
    if top.resolved_at is not None:
        return False
    top.resolved_at, top.resolved_by_id = utcnow(), user.id
    return True


def reopen(comment):
    """Open the comment's thread again; False when it was open."""
    top = thread_of(comment)
    if top.resolved_at is None:
        return False
    top.resolved_at = top.resolved_by_id = None
    return True


def thread_of(comment):
    return comment if comment.parent_id is None else db.session.get(Comment, comment.parent_id)


# --- mail --------------------------------------------------------------------------------------

def title_of(kind, record):
    if kind == "section":
        return record.title
    if kind == "indicator":
        return f"{record.code} {record.name}"
    return f"{record.code} {record.title}"


def record_url(plan, kind, record_id, **values):
    endpoint, argument = {"section": ("show_section", "section_id"),
                          "goal": ("show_goal", "goal_id"),
                          "action": ("show_action", "action_id"),
                          "indicator": ("show_indicator", "indicator_id")}[kind]
    return url_for(f"action_plans.{endpoint}", slug=plan.slug, **{argument: record_id},
                   **values)


def _claim(comment_id, user_id):
    """Mark one mention as mailed, unless another run did: True when this run may mail."""
    result = db.session.execute(
        update(CommentMention).where(CommentMention.comment_id == comment_id,
                                     CommentMention.user_id == user_id,
                                     CommentMention.mailed_at.is_(None))
        .values(mailed_at=utcnow()))
    return result.rowcount == 1


def mail_mentions(comment_id):
    """The job `action_plans.mail_mentions`: one mail to each person the comment mentions who
    has not had it yet (and is still a member of the plan's network). Returns how many."""
    comment = db.session.get(Comment, comment_id)
    if comment is None:
        return 0
    plan = db.session.get(Plan, comment.plan_id)
    record = record_of(plan, comment.record_type, comment.record_id)
    waiting = db.session.scalars(
        select(CommentMention).where(CommentMention.comment_id == comment.id,
                                     CommentMention.mailed_at.is_(None))
        .options(joinedload(CommentMention.user))).all()
    if record is None or not waiting:
        return 0
    still_members = members(plan.network)
    author = comment.author.display_name if comment.author else ""
    link = record_url(plan, comment.record_type, record.id, _anchor=f"comment-{comment.id}",
                      _external=True)
    sent = 0
    for mention in waiting:
        user = mention.user
        if user.id not in still_members or not _claim(comment.id, user.id):
            continue
        mail.send(mail.compose(
            user.email, _l("%(name)s mentioned you in a comment", name=author),
            "action_plans_mention", user.locale, name=user.display_name, author=author,
            plan=plan, record=title_of(comment.record_type, record), body=plain(comment.body),
            link=link))
        sent += 1
    return sent
