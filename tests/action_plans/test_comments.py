"""Comments on a plan's sections, goals, actions and indicators: threads, replies, resolve and
reopen, who may do what, @mentions mailed once, sanitised text, the demo's comments."""
import re

import pytest
from sqlalchemy import func, select

from action_plans.models import Comment, CommentMention, Plan, Section
from action_plans.services import comments
from lms.extensions import db
from lms.models import User
from tests.action_plans.test_goals_actions import make
from tests.action_plans.test_indicators import add_indicator
from tests.helpers import text


def login(auth, user):
    """Sign in as `user` (signing out whoever was)."""
    auth.logout()
    auth.login(user)


def base(plan):
    return f"/action-plans/{plan.slug}"


def section_url(plan, key="context"):
    return f"{base(plan)}/sections/{plan.sections[key]}/"


def post(client, url, body, **extra):
    return client.post(url.rstrip("/") + "/comments", data=dict(body=body, **extra))


def stored(app):
    with app.app_context():
        return db.session.scalars(select(Comment).order_by(Comment.id)).all()


def mention(user):
    return f"@[{user.display_name}]({user.id})"


def thread_ids(app):
    return [c.id for c in stored(app) if c.parent_id is None]


# --- posting, replying, resolving ------------------------------------------------------------

def test_a_contributor_comments_on_a_section_and_an_editor_replies(app, client, auth, network,
                                                                  plan):
    login(auth, network.people["contributor"])
    response = post(client, section_url(plan), "The figures are **from 2023**.")
    assert response.status_code == 302 and "#comment-" in response.location
    page = client.get(section_url(plan))
    assert "Your comment has been added." in text(page)
    assert "<strong>from 2023</strong>" in page.get_data(as_text=True)
    assert "Contributor Person" in text(page) and "1 open" in text(page)
    (comment_id,) = thread_ids(app)
    login(auth, network.people["editor"])
    response = client.post(f"{base(plan)}/comments/{comment_id}/reply",
                           data={f"reply-{comment_id}-body": "Thanks, I will update them."},
                           follow_redirects=True)
    assert "Your reply has been added." in text(response)
    assert "Thanks, I will update them." in text(response)
    reply = stored(app)[-1]
    assert reply.parent_id == comment_id and reply.author_id == network.people["editor"].id


def test_comments_on_goals_actions_and_indicators_show_on_their_pages(app, client, auth, network,
                                                                     plan):
    goal_id, (action_id,) = make(app, plan, [("A1", 1, "planned", 0)])
    indicator_id = add_indicator(app, plan, network)
    login(auth, network.people["coordinator"])
    for url, said in ((f"{base(plan)}/goals/{goal_id}/", "On the goal"),
                      (f"{base(plan)}/actions/{action_id}/", "On the action"),
                      (f"{base(plan)}/indicators/{indicator_id}/", "On the indicator")):
        assert post(client, url, said).status_code == 302
        page = text(client.get(url))
        assert said in page and "Comments (1 open)" in page
    plan_page = text(client.get(f"{base(plan)}/"))
    assert "1 open comment on G1" in plan_page
    assert "0 open comments on Context" in plan_page


def test_a_reply_to_a_reply_joins_the_thread(app, client, auth, network, plan):
    login(auth, network.people["editor"])
    post(client, section_url(plan), "Top")
    (top,) = thread_ids(app)
    client.post(f"{base(plan)}/comments/{top}/reply", data={f"reply-{top}-body": "First reply"})
    first_reply = stored(app)[-1].id
    # refused (too long): shown again in the thread's own reply form, the text kept
    too_long = "x" * 10_001
    response = client.post(f"{base(plan)}/comments/{first_reply}/reply",
                           data={f"reply-{first_reply}-body": too_long})
    assert response.status_code == 400 and "at most 10000 characters" in text(response)
    page = response.get_data(as_text=True)
    assert re.search(rf'<textarea[^>]*name="reply-{top}-body"[^>]*>\s*{too_long}</textarea>',
                     page)
    response = client.post(f"{base(plan)}/comments/{first_reply}/reply",
                           data={f"reply-{first_reply}-body": "Reply to the reply"})
    assert response.status_code == 302
    assert [c.parent_id for c in stored(app)] == [None, top, top]


def test_resolving_and_reopening_a_thread(app, client, auth, network, plan):
    login(auth, network.people["contributor"])
    post(client, section_url(plan), "Open question")
    post(client, section_url(plan), "Second question")
    first, _second = thread_ids(app)
    login(auth, network.people["editor"])
    response = client.post(f"{base(plan)}/comments/{first}/resolve", follow_redirects=True)
    page = text(response)
    assert "The comment has been resolved." in page and "1 open" in page
    assert "Resolved by Editor Person" in page
    # open threads first, the resolved one after them
    assert page.index("Second question") < page.index("Resolved comments") \
        < page.index("Open question")
    assert "2 open comments on Context" not in text(client.get(f"{base(plan)}/"))
    response = client.post(f"{base(plan)}/comments/{first}/reopen", follow_redirects=True)
    assert "The comment is open again." in text(response) and "2 open" in text(response)
    assert stored(app)[0].resolved_at is None


def test_the_author_resolves_their_own_comment_but_not_anothers(app, client, auth, network,
                                                               plan, make_user):
    login(auth, network.people["contributor"])
    post(client, section_url(plan), "Mine")
    (mine,) = thread_ids(app)
    assert client.post(f"{base(plan)}/comments/{mine}/resolve").status_code == 302
    assert stored(app)[0].resolved_at is not None
    login(auth, network.people["coordinator"])
    post(client, section_url(plan), "The coordinator's")
    theirs = thread_ids(app)[-1]
    login(auth, network.people["contributor"])
    assert client.post(f"{base(plan)}/comments/{theirs}/resolve").status_code == 403
    page = client.get(section_url(plan)).get_data(as_text=True)
    assert f"/comments/{mine}/reopen" in page and f"/comments/{theirs}/resolve" not in page


def test_the_author_edits_their_comment_and_only_new_mentions_are_mailed(app, client, auth,
                                                                        network, plan, outbox):
    viewer, editor = network.people["viewer"], network.people["editor"]
    login(auth, network.people["contributor"])
    post(client, section_url(plan), f"Ask {mention(viewer)}")
    (comment_id,) = thread_ids(app)
    edit_url = f"{base(plan)}/comments/{comment_id}/edit"
    page = client.get(section_url(plan)).get_data(as_text=True)
    assert f'href="{edit_url}"' in page
    form = client.get(edit_url)
    assert form.status_code == 200 and f"Ask {mention(viewer)}" in text(form)
    response = client.post(edit_url, data={"body": ""})
    assert response.status_code == 400 and "Please write your comment." in text(response)
    response = client.post(edit_url, data={"body": f"Ask {mention(viewer)} and {mention(editor)}"},
                           follow_redirects=True)
    assert "Your comment has been saved." in text(response) and "edited" in text(response)
    assert "@Editor Person" in text(response)
    assert len(outbox.messages(to=viewer.email)) == 1
    assert len(outbox.messages(to=editor.email)) == 1
    assert stored(app)[0].edited_at is not None
    # nobody else changes it, not even the plan's coordinator
    login(auth, network.people["coordinator"])
    assert client.post(edit_url, data={"body": "Mine now"}).status_code == 403
    assert f'href="{edit_url}"' not in client.get(section_url(plan)).get_data(as_text=True)
    assert stored(app)[0].body.startswith("Ask")


# --- who may -----------------------------------------------------------------------------------

def test_viewers_read_comments_but_do_not_write_them(app, client, auth, network, plan):
    login(auth, network.people["contributor"])
    post(client, section_url(plan), "Visible to the network")
    (comment_id,) = thread_ids(app)
    login(auth, network.people["viewer"])
    page = client.get(section_url(plan))
    assert "Visible to the network" in text(page) and "Write a comment" not in text(page)
    assert post(client, section_url(plan), "A viewer's").status_code == 403
    assert client.post(f"{base(plan)}/comments/{comment_id}/reply",
                       data={f"reply-{comment_id}-body": "No"}).status_code == 403
    assert client.post(f"{base(plan)}/comments/{comment_id}/resolve").status_code == 403
    assert len(stored(app)) == 1


def test_outsiders_never_see_comments_on_a_public_adopted_plan(app, client, auth, network,
                                                               make_plan, outsider):
    public = make_plan(title="Public Plan", visibility="public", phase="implementation")
    goal_id, (action_id,) = make(app, public, [("A1", 1, "planned", 0)])
    login(auth, network.people["coordinator"])
    post(client, section_url(public), "Internal remark on the section")
    post(client, f"{base(public)}/actions/{action_id}/", "Internal remark on the action")
    (first, _second) = thread_ids(app)
    for who in (outsider.user, None):
        if who is None:
            auth.logout()
        else:
            login(auth, who)
        for url in (section_url(public), f"{base(public)}/actions/{action_id}/",
                    f"{base(public)}/"):
            page = client.get(url)
            assert page.status_code == 200
            assert "Internal remark" not in text(page) and "open comment" not in text(page)
            assert 'id="comments"' not in page.get_data(as_text=True)
        response = post(client, section_url(public), "From outside")
        assert response.status_code in (302, 403)
        assert client.post(f"{base(public)}/comments/{first}/reply",
                           data={f"reply-{first}-body": "x"}).status_code in (302, 403)
    assert len(stored(app)) == 2


def test_a_member_of_another_network_may_not_comment(app, client, auth, plan, outsider):
    login(auth, outsider.user)
    assert post(client, section_url(plan), "Hello").status_code == 404   # the plan is hidden
    assert stored(app) == []


# --- bad input -----------------------------------------------------------------------------------

def test_an_empty_comment_is_refused_next_to_the_field(app, client, auth, network, plan):
    login(auth, network.people["editor"])
    response = post(client, section_url(plan), "   ")
    assert response.status_code == 400 and "Please write your comment." in text(response)
    assert stored(app) == []


def test_a_refused_reply_or_comment_says_why_and_keeps_the_text(app, client, auth, network, plan):
    goal_id, (action_id,) = make(app, plan, [("A1", 1, "planned", 0)])
    login(auth, network.people["editor"])
    url = f"{base(plan)}/actions/{action_id}/"
    post(client, url, "Top")
    (top,) = thread_ids(app)
    response = client.post(f"{base(plan)}/comments/{top}/reply",
                           data={f"reply-{top}-body": ""})
    assert response.status_code == 400 and "Please write your reply." in text(response)
    # a comment that is too long keeps its text
    long_text = "word " * 2001
    response = post(client, url, long_text)
    assert response.status_code == 400 and "at most 10000 characters" in text(response)
    assert long_text.strip() in response.get_data(as_text=True)
    assert len(stored(app)) == 1


def test_a_record_of_another_plan_or_a_deleted_one_is_not_found(app, client, auth, network,
                                                                plan, make_plan):
    other = make_plan(title="Other Plan")
    login(auth, network.people["coordinator"])
    # the other plan's section under this plan's address
    assert post(client, f"{base(plan)}/sections/{other.sections['context']}/",
                "x").status_code == 404
    goal_id, (action_id,) = make(app, plan, [("A1", 1, "planned", 0)])
    post(client, f"{base(plan)}/actions/{action_id}/", "On the action")
    (comment_id,) = thread_ids(app)
    # a comment of this plan under the other plan's address
    assert client.post(f"{base(other)}/comments/{comment_id}/resolve").status_code == 404
    client.post(f"{base(plan)}/actions/{action_id}/delete")
    assert post(client, f"{base(plan)}/actions/{action_id}/", "Too late").status_code == 404
    assert client.post(f"{base(plan)}/comments/{comment_id}/reply",
                       data={f"reply-{comment_id}-body": "Too late"}).status_code == 404
    assert client.post(f"{base(plan)}/comments/{comment_id}/resolve").status_code == 404
    assert client.post(f"{base(plan)}/comments/999/reply",
                       data={"reply-999-body": "x"}).status_code == 404
    assert stored(app) == []    # the deleted action's comments went with it


def test_deleting_a_record_removes_its_comments_and_no_other(app, client, auth, network, plan):
    goal_id, (action_id,) = make(app, plan, [("A1", 1, "planned", 0)])
    indicator_id = add_indicator(app, plan, network)
    empty_goal, _none = make(app, plan, [], goal_code="G2")
    login(auth, network.people["coordinator"])
    for url in (f"{base(plan)}/goals/{empty_goal}/", f"{base(plan)}/indicators/{indicator_id}/",
                f"{base(plan)}/goals/{goal_id}/", section_url(plan)):
        post(client, url, f"On {url}")
    client.post(f"{base(plan)}/goals/{empty_goal}/delete")
    client.post(f"{base(plan)}/indicators/{indicator_id}/delete")
    kept = [(c.record_type, c.record_id) for c in stored(app)]
    assert kept == [("goal", goal_id), ("section", plan.sections["context"])]


def test_a_script_does_not_survive(app, client, auth, network, plan):
    login(auth, network.people["editor"])
    post(client, section_url(plan),
         "Look <script>alert(1)</script> <img src=x onerror=alert(2)> [link](javascript:alert(3))")
    (comment,) = stored(app)
    assert "<script" not in comment.body_html and "onerror" not in comment.body_html
    assert "javascript:" not in comment.body_html
    page = client.get(section_url(plan)).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "onerror=alert" not in page


# --- mentions ----------------------------------------------------------------------------------

def test_a_mention_mails_the_member_once_in_their_language(app, client, auth, network, plan,
                                                           outbox):
    viewer = network.people["viewer"]
    with app.app_context():
        db.session.get(User, viewer.id).locale = "de"
        db.session.commit()
    login(auth, network.people["editor"])
    post(client, section_url(plan), f"{mention(viewer)}, please check. Again: {mention(viewer)}")
    (comment,) = stored(app)
    assert '<strong class="mention">@Viewer Person</strong>' in comment.body_html
    assert "](" not in comment.body_html
    messages = outbox.messages(to=viewer.email)
    assert len(messages) == 1
    message = messages[0]
    assert message["Content-Language"] == "de"
    assert "Editor Person" in message["Subject"]
    body = message.get_content()
    assert "@Viewer Person, please check." in body and "Context" in body
    assert outbox.link(to=viewer.email) == f"{section_url(plan)}#comment-{comment.id}"
    # the job again (a retried or duplicated queue message): nothing new
    with app.test_request_context():
        assert comments.mail_mentions(comment.id) == 0
    with app.app_context():
        assert db.session.scalar(select(CommentMention.mailed_at)) is not None
    assert len(outbox.messages(to=viewer.email)) == 1


def test_the_job_run_twice_more_mails_nothing_more(app, network, plan, outbox):
    """The job queued when the comment was committed mailed; two more runs of it (a queue
    message delivered twice, a retry) mail nothing."""
    viewer = network.people["viewer"]
    with app.test_request_context():
        stored_plan = db.session.get(Plan, plan.id)
        editor = db.session.get(User, network.people["editor"].id)
        comment = comments.add(stored_plan, "section", plan.sections["context"], editor,
                               f"See {mention(viewer)}")
        comment_id = comment.id
        db.session.commit()    # the queue (immediate in the tests) runs the job now
    before = len(outbox.messages(to=viewer.email))
    with app.test_request_context():
        comments.mail_mentions(comment_id)
        db.session.commit()
        comments.mail_mentions(comment_id)
        db.session.commit()
    assert len(outbox.messages(to=viewer.email)) == before == 1


def test_unknown_mentions_are_plain_text_and_mail_nobody(app, client, auth, network, plan,
                                                         outbox, outsider):
    login(auth, network.people["editor"])
    response = post(client, section_url(plan),
                    f"Ask {mention(outsider.user)} and @[Nobody](99999) and @[Broken](x)")
    assert response.status_code == 302
    (comment,) = stored(app)
    assert "@Olga Outsider" in comment.body_html and "@Nobody" in comment.body_html
    assert 'class="mention"' not in comment.body_html
    assert outbox.messages(to=outsider.user.email) == []
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(CommentMention)) == 0


def test_mentioning_oneself_sends_nothing(app, client, auth, network, plan, outbox):
    editor = network.people["editor"]
    login(auth, editor)
    post(client, section_url(plan), f"Note to {mention(editor)}")
    assert outbox.messages(to=editor.email) == []


def test_the_comment_form_lists_the_members_to_mention(app, client, auth, network, plan):
    login(auth, network.people["contributor"])
    page = text(client.get(section_url(plan)))
    assert "Members you can mention" in page
    assert mention(network.people["viewer"]) in page


# --- query counts, demo ------------------------------------------------------------------------

def add_comments(app, network, plan, action_id, size):
    """`size` threads on the action, each with a reply; every second one resolved."""
    with app.app_context():
        people = [network.people[role] for role in ("coordinator", "editor", "contributor")]
        for n in range(size):
            top = Comment(plan_id=plan.id, record_type="action", record_id=action_id,
                          author_id=people[n % 3].id, body=f"Comment {n}",
                          body_html=f"<p>Comment {n}</p>")
            db.session.add(top)
            db.session.flush()
            db.session.add(Comment(plan_id=plan.id, record_type="action", record_id=action_id,
                                   parent_id=top.id, author_id=people[(n + 1) % 3].id,
                                   body=f"Reply {n}", body_html=f"<p>Reply {n}</p>"))
            if n % 2:
                top.resolved_at, top.resolved_by_id = top.created_at, people[0].id
        db.session.commit()


def test_the_action_page_costs_the_same_queries_with_0_and_20_comments(
        app, client, auth, network, plan, count_queries):
    _goal, (action_id,) = make(app, plan, [("A1", 1, "planned", 0)])
    login(auth, network.people["coordinator"])
    url = f"{base(plan)}/actions/{action_id}/"
    client.get(url)   # the first request of a session writes it: not the page's cost
    counts = []
    for size in (0, 20):
        add_comments(app, network, plan, action_id, size)
        with count_queries() as counter:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(counter.statements)
    assert "Reply 19" in text(response) and "10 open comments" in text(response)
    assert len(counts[0]) == len(counts[1]), counts[1]
    # the action page's 10 and the comments area's two (threads with authors, members)
    assert len(counts[1]) <= 12, "\n\n".join(s[:150] for s in counts[1])


def test_the_plan_page_counts_open_comments_within_its_queries(app, client, auth, network, plan,
                                                               count_queries):
    make(app, plan, [(f"A{n}", 1, "planned", 0) for n in range(5)])
    login(auth, network.people["coordinator"])
    for n in range(3):
        post(client, section_url(plan, "vision"), f"Vision {n}")
    login(auth, network.people["viewer"])
    with count_queries() as counter:
        page = text(client.get(f"{base(plan)}/"))
    assert "3 open comments on Vision" in page
    assert counter.count <= 10, counter.statements


def test_seed_demo_adds_an_open_and_a_resolved_comment_to_the_drafting_plan(app, outbox):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    with app.app_context():
        plan = db.session.scalar(select(Plan).where(Plan.phase == "drafting"))
        found = db.session.scalars(select(Comment).where(Comment.plan_id == plan.id)
                                   .order_by(Comment.id)).all()
        tops = [c for c in found if c.parent_id is None]
        assert {c.resolved_at is None for c in tops} == {True, False}
        open_thread = next(c for c in tops if c.resolved_at is None)
        assert any(c.parent_id == open_thread.id for c in found)
        assert 'class="mention"' in open_thread.body_html
        mentioned = db.session.scalar(select(CommentMention.user_id).where(
            CommentMention.comment_id == open_thread.id))
        email = db.session.get(User, mentioned).email
        section = db.session.get(Section, open_thread.record_id)
    assert len(outbox.messages(to=email)) == 1
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Comment)) == len(found)
    assert section.key == "vision"
    assert re.search(r"@\w", open_thread.body_html)
