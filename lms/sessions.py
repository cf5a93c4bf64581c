"""Server-side sessions kept in the database, so every app instance sees the same ones.

The cookie carries only a random token; the table holds its sha256, the session's data, the
signed-in user and an expiry. Rows are written only when the data changed or the expiry needs
sliding forward, so most page views cost one read.
"""
import hashlib
import json
import secrets
from datetime import timedelta

from flask import request
from flask.sessions import SessionInterface, SessionMixin
from sqlalchemy import bindparam, delete, select, update
from werkzeug.datastructures import CallbackDict

from lms.extensions import db
from lms.models import ServerSession, User
from lms.timeutil import utcnow


TOUCH_AFTER = timedelta(minutes=15)

# Built once: every signed-in request runs it, and building the expression costs more than
# looking up its compiled form.
_SESSION_WITH_PERSON = (
    select(ServerSession.data, ServerSession.expires_at, User)
    .outerjoin(User, User.id == ServerSession.user_id)
    .where(ServerSession.id == bindparam("token_hash")))


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


class DatabaseSession(CallbackDict, SessionMixin):
    def __init__(self, initial=None, token=None, expires_at=None):
        def on_update(session):
            session.modified = True
        super().__init__(initial, on_update)
        self.token = token
        self.expires_at = expires_at
        self.modified = False
        self.regenerate_requested = False
        self.person = None

    def regenerate(self):
        """Issue a new token for this session (on log-in and log-out, against fixation)."""
        self.regenerate_requested = True
        self.modified = True


class DatabaseSessionInterface(SessionInterface):
    def lifetime(self, app, session):
        if session.permanent:
            return timedelta(days=app.config["SESSION_REMEMBER_DAYS"])
        return timedelta(hours=app.config["SESSION_IDLE_HOURS"])

    def open_session(self, app, request):
        token = request.cookies.get(self.get_cookie_name(app))
        if not token or len(token) > 128:
            return DatabaseSession()
        # The signed-in person comes in the same query: the user loader then finds them in
        # the session's identity map, so a signed-in page costs one round trip, not two.
        row = db.session.execute(_SESSION_WITH_PERSON,
                                 {"token_hash": _hash(token)}).first()
        if row is None or row.expires_at <= utcnow():
            return DatabaseSession()
        try:
            data = json.loads(row.data)
        except ValueError:
            data = {}
        session = DatabaseSession(data, token=token, expires_at=row.expires_at)
        session.person = row.User   # holds it: the identity map only keeps weak references
        return session

    def save_session(self, app, session, response):
        name = self.get_cookie_name(app)
        domain = self.get_cookie_domain(app)
        path = self.get_cookie_path(app)
        if not session:
            if session.token:
                self._write(delete(ServerSession).where(ServerSession.id == _hash(session.token)))
                response.delete_cookie(name, domain=domain, path=path)
            return
        now = utcnow()
        expires_at = now + self.lifetime(app, session)
        # slide the expiry forward at most every TOUCH_AFTER, not on every request
        stale = session.expires_at is None or expires_at - session.expires_at > TOUCH_AFTER
        if session.token and not session.modified and not stale:
            return
        user_id = session.get("_user_id")
        values = {"data": json.dumps(dict(session)), "expires_at": expires_at,
                  "updated_at": now, "user_id": int(user_id) if user_id else None}
        if session.token and not session.regenerate_requested:
            self._write(update(ServerSession).where(ServerSession.id == _hash(session.token))
                        .values(**values))
        else:
            if session.token:
                self._write(delete(ServerSession).where(ServerSession.id == _hash(session.token)))
            session.token = secrets.token_urlsafe(32)
            self._write(ServerSession.__table__.insert().values(id=_hash(session.token), **values))
        response.set_cookie(
            name, session.token,
            expires=expires_at if session.permanent else None,
            httponly=self.get_cookie_httponly(app),
            secure=app.config.get("SESSION_COOKIE_SECURE") or _request_is_secure(),
            samesite=self.get_cookie_samesite(app), domain=domain, path=path)
        response.vary.add("Cookie")

    @staticmethod
    def _write(statement):
        # The request's own transaction has been committed (or rolled back) by now; the session
        # row is written in a short transaction of its own.
        with db.engine.begin() as connection:
            connection.execute(statement)


def _request_is_secure():
    return request.is_secure


def end_sessions_of(user_id, keep_token=None):
    """Sign a person out everywhere (password change, deactivation), optionally but here."""
    statement = delete(ServerSession).where(ServerSession.user_id == user_id)
    if keep_token:
        statement = statement.where(ServerSession.id != _hash(keep_token))
    db.session.execute(statement)
