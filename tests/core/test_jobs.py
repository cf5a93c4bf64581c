"""Background jobs: mail is stored with the change that sends it, delivered after the commit,
retried with back-off when the server refuses, never sent twice, never lost when the queue is
away; the daily clean-up runs as a scheduled job."""
import socket
import socketserver
import threading
from datetime import timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from lms import jobs
from lms.extensions import db
from lms.models import OutgoingMail, ServerSession
from lms.jobs import Job
from lms.plugins import Plugin, PluginError
from lms.timeutil import utcnow

NOBODY = SimpleNamespace(display_name="Someone")


class Stray(Plugin):
    """A plugin that declares a job in another plugin's name."""
    name = "stray"

    def jobs(self):
        return [Job("courses.steal", lambda: None)]


def mails(app):
    with app.app_context():
        return [(m.recipient, m.status, m.attempts) for m in
                db.session.scalars(select(OutgoingMail).order_by(OutgoingMail.id))]


def run_job(app, name, *args):
    """Run one job as the worker would (its own context, committed at its end)."""
    with app.app_context():
        jobs.queue_of(app).tasks[name].call_local(*args)


class Refusing(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.sendall(b"554 5.3.2 Service not available\r\n")


@pytest.fixture
def refusing_smtp():
    server = socketserver.TCPServer(("127.0.0.1", 0), Refusing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_reset_mail_is_stored_then_delivered_once(app, client, make_user, outbox):
    make_user(email="forgetful@example.org")
    assert client.post("/password/forgot", data={"email": "forgetful@example.org"}) \
        .status_code == 302
    assert len(outbox.messages(to="forgetful@example.org")) == 1
    assert mails(app) == [("forgetful@example.org", "sent", 1)]
    with app.app_context():
        mail_id = db.session.scalar(select(OutgoingMail.id))
    run_job(app, "core.send_mail", mail_id)         # the queue hands the job out again
    run_job(app, "core.send_due_mail")
    assert len(outbox.messages(to="forgetful@example.org")) == 1


def test_a_refused_mail_waits_longer_each_time_and_is_then_delivered_once(
        app, client, make_user, outbox, refusing_smtp, time_machine):
    time_machine.move_to("2026-12-01 09:00", tick=False)
    make_user(email="patient@example.org")
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=refusing_smtp, MAIL_USE_TLS=False)
    response = client.post("/password/forgot", data={"email": "patient@example.org"})
    assert response.status_code == 302                    # the page does not wait or fail
    assert mails(app) == [("patient@example.org", "pending", 1)]
    with app.app_context():
        row = db.session.scalar(select(OutgoingMail))
        assert "554" in row.last_error
        assert row.next_attempt_at == utcnow() + timedelta(minutes=5)

    run_job(app, "core.send_due_mail")                    # not due yet
    assert mails(app) == [("patient@example.org", "pending", 1)]
    time_machine.shift(timedelta(minutes=5))
    run_job(app, "core.send_due_mail")
    with app.app_context():
        row = db.session.scalar(select(OutgoingMail))
        assert (row.status, row.attempts) == ("pending", 2)
        assert row.next_attempt_at == utcnow() + timedelta(minutes=10)

    app.config["MAIL_SERVER"] = None                      # the server is back (the outbox)
    time_machine.shift(timedelta(minutes=10))
    run_job(app, "core.send_due_mail")
    run_job(app, "core.send_due_mail")
    assert mails(app) == [("patient@example.org", "sent", 3)]
    assert len(outbox.messages(to="patient@example.org")) == 1


def test_a_mail_is_given_up_after_the_last_attempt_but_kept(app, make_user, refusing_smtp,
                                                            time_machine):
    time_machine.move_to("2026-12-01 09:00", tick=False)
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=refusing_smtp, MAIL_USE_TLS=False,
                      MAIL_MAX_ATTEMPTS=3)
    from lms import mail
    with app.test_request_context():
        mail.send(mail.compose("lost@example.org", "Hello", "verify_email", link="x",
                               user=NOBODY, hours=1))
        db.session.commit()
    for _ in range(3):
        time_machine.shift(timedelta(days=1))
        run_job(app, "core.send_due_mail")
    assert mails(app) == [("lost@example.org", "failed", 3)]


def test_a_rolled_back_change_sends_nothing(app, outbox):
    from lms import mail
    with app.test_request_context():
        mail.send(mail.compose("nobody@example.org", "Hello", "verify_email", link="x",
                               user=NOBODY, hours=1))
        db.session.rollback()
        db.session.commit()
    assert outbox.messages() == [] and mails(app) == []


def test_pages_answer_while_the_queue_is_away_and_nothing_is_lost(app_factory, make_user,
                                                                   outbox):
    away = app_factory(JOBS_IMMEDIATE=False, REDIS_URL=f"redis://127.0.0.1:{free_port()}/0")
    with away.app_context():
        from tests.helpers import PASSWORD
        from lms.auth.passwords import hash_password
        from lms.models import User
        db.session.add(User(email="waiting@example.org", display_name="W", locale="en",
                            role="learner", password_hash=hash_password(PASSWORD),
                            email_verified_at=utcnow()))
        db.session.commit()
    response = away.test_client().post("/password/forgot",
                                       data={"email": "waiting@example.org"})
    assert response.status_code == 302
    assert mails(away) == [("waiting@example.org", "pending", 0)]
    assert outbox.messages() == []
    worker = app_factory()                                  # the queue is back
    run_job(worker, "core.send_due_mail")
    assert len(outbox.messages(to="waiting@example.org")) == 1


def test_a_mail_claimed_by_a_worker_that_died_is_sent_later(app, outbox, time_machine):
    time_machine.move_to("2026-12-01 09:00", tick=False)
    from lms import mail
    with app.app_context():
        row = OutgoingMail(recipient="late@example.org", subject="Hello",
                           message=b"To: late@example.org\r\nSubject: Hello\r\n\r\nHi\r\n",
                           status="sending", claimed_at=utcnow(), attempts=1)
        db.session.add(row)
        db.session.commit()
        mail_id = row.id
    run_job(app, "core.send_mail", mail_id)
    assert outbox.messages() == []                         # someone holds it
    time_machine.shift(timedelta(minutes=16))
    run_job(app, "core.send_due_mail")
    assert len(outbox.messages(to="late@example.org")) == 1
    assert mails(app) == [("late@example.org", "sent", 2)]


def test_cleanup_is_a_daily_job_and_a_command(app, make_user, time_machine):
    queue = jobs.queue_of(app)
    daily = queue.tasks["core.cleanup"].task_class()
    at = utcnow().replace(hour=3, minute=17, second=0, microsecond=0)
    assert daily.validate_datetime(at)
    assert not daily.validate_datetime(at + timedelta(minutes=1))
    assert not daily.validate_datetime(at + timedelta(hours=1))
    user = make_user()
    with app.app_context():
        db.session.add(ServerSession(id="x" * 64, user_id=user.id,
                                     expires_at=utcnow() - timedelta(hours=1)))
        db.session.commit()
    run_job(app, "core.cleanup")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ServerSession)) == 0
    result = app.test_cli_runner().invoke(args=["cleanup"])
    assert "Deleted 0 sessions" in result.output


def test_a_plugin_job_outside_its_prefix_stops_the_start(app_factory):
    with pytest.raises(PluginError, match="outside its prefix"):
        app_factory(LMS_PLUGINS=["stray"],
                    LMS_PLUGIN_SOURCES={"stray": f"{__name__}:Stray"})
