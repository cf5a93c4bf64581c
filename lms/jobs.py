"""Background jobs: work that does not belong in a request, run by a Huey queue.

The queue is Huey's: a SQLite file in the instance folder by default (no server to run, for
`make run`), Redis when `REDIS_URL` is set (several app processes and workers share it), and
in-process and immediate with `JOBS_IMMEDIATE` (tests). The core and each plugin declare their
jobs (`Plugin.jobs()`): a name prefixed with the owner's, the function, and optionally a
schedule. Code asks `enqueue(name, *args)`; the job is handed to the queue only once the
database transaction that asked for it has committed, so a worker never looks for a row that
is not there yet, and nothing is queued for a change that was rolled back.

A job runs in its own application context with a request context on SITE_URL (links it builds
point at the public site), commits once at its end and rolls back on failure. Jobs must be
safe to run twice: state that matters lives in the database, and a periodic sweep picks up
what a lost queue message, a killed worker or Redis being away left behind.
"""
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from flask import current_app
from huey import MemoryHuey, RedisHuey, SqliteHuey, crontab
from sqlalchemy import event
from sqlalchemy.orm import Session

from lms.extensions import db
from lms.urls import site_request_context


log = logging.getLogger("lms.jobs")
PENDING = "lms_pending_jobs"


@dataclass(frozen=True)
class Job:
    """A kind of background work. `schedule` (a huey.crontab) makes it periodic; `retries`
    and `retry_delay` (seconds) let the queue run it again after an exception."""
    name: str
    run: Callable
    schedule: Callable | None = None
    retries: int = 0
    retry_delay: int = 0


class JobQueue:
    """The app's queue and its jobs by name."""

    def __init__(self, app, huey):
        self.app = app
        self.huey = huey
        self.tasks = {}

    def add(self, job):
        if job.name in self.tasks:
            raise ValueError(f"job {job.name!r} is declared twice")
        runner = _runner(self.app, job)
        runner.__name__ = job.name.replace(".", "__")
        if job.schedule is not None:
            task = self.huey.periodic_task(job.schedule, name=job.name)(runner)
        else:
            task = self.huey.task(name=job.name, retries=job.retries,
                                  retry_delay=job.retry_delay)(runner)
        self.tasks[job.name] = task

    def dispatch(self, name, args, delay=None):
        """Hand the job to the queue now; False (and a log line) when the queue is away, so
        the caller's page still answers and a sweep picks the work up later."""
        try:
            if delay:
                self.tasks[name].schedule(args, delay=delay)
            else:
                self.tasks[name](*args)
        except Exception:
            log.exception("could not queue job %s%r", name, tuple(args))
            return False
        return True

    def pending_count(self):
        return self.huey.pending_count()


def make_huey(app):
    config = app.config
    name = config.get("JOBS_QUEUE_NAME") or "lms"
    if config.get("JOBS_IMMEDIATE"):
        return MemoryHuey(name, immediate=True, results=False)
    if config.get("REDIS_URL"):
        return RedisHuey(name, url=config["REDIS_URL"], results=False)
    path = config.get("JOBS_SQLITE_PATH") or str(Path(app.instance_path) / "jobs.sqlite3")
    return SqliteHuey(name, filename=path, results=False)


def install_jobs(app, jobs):
    queue = JobQueue(app, make_huey(app))
    for job in jobs:
        queue.add(job)
    app.extensions["lms_jobs"] = queue
    return queue


def queue_of(app=None):
    return (app or current_app).extensions["lms_jobs"]


def enqueue(name, *args, delay=None):
    """Run job `name` with `args` in the background once the current transaction commits (at
    once when nothing is pending in the session). `args` must be plain data (ids, strings)."""
    app = current_app._get_current_object()
    if name not in queue_of(app).tasks:
        raise KeyError(f"unknown job {name!r}")
    session = db.session()
    if session.in_transaction():
        session.info.setdefault(PENDING, []).append((app, name, args, delay))
    else:
        queue_of(app).dispatch(name, args, delay)


@event.listens_for(Session, "after_commit")
def _dispatch_after_commit(session):
    pending = session.info.pop(PENDING, None)
    for app, name, args, delay in pending or ():
        queue_of(app).dispatch(name, args, delay)


@event.listens_for(Session, "after_rollback")
def _forget_after_rollback(session):
    session.info.pop(PENDING, None)


def _runner(app, job):
    def run(*args):
        with app.app_context(), site_request_context(app):
            try:
                job.run(*args)
                db.session.commit()
            except Exception:
                db.session.rollback()
                log.exception("job %s%r failed", job.name, args)
                raise
            finally:
                db.session.remove()
    return run


def run_worker(app, workers=2, periodic=True):
    """Run Huey's consumer for `app`'s queue until interrupted (flask --app lms worker)."""
    queue = queue_of(app)
    if isinstance(queue.huey, MemoryHuey):
        raise RuntimeError("JOBS_IMMEDIATE is set: jobs run in the process that asks for them")
    consumer = queue.huey.create_consumer(workers=workers, worker_type="thread",
                                          periodic=periodic, check_worker_health=True)
    consumer.run()
