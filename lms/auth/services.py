"""The work behind the account pages: creating accounts, checking log-ins, resetting passwords."""
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from lms import mail
from lms.auth import throttle, tokens
from lms.auth.passwords import check_password, hash_password
from lms.extensions import db
from lms.models import Membership, Organisation, User
from lms.security import audit, client_ip
from lms.sessions import end_sessions_of
from lms.signals import user_registered
from lms.timeutil import utcnow

VERIFY = "verify_email"
RESET = "reset_password"


def user_by_email(email):
    return db.session.scalar(select(User).where(func.lower(User.email) == email.lower()))


def verify_lifetime():
    return timedelta(hours=current_app.config["EMAIL_TOKEN_HOURS"])


def reset_lifetime():
    return timedelta(minutes=current_app.config["RESET_TOKEN_MINUTES"])


def register(email, display_name, password, locale, organisation_id=0):
    """Create an account and mail a confirmation link; if the address is taken, tell its owner.

    Either way the caller shows the same message, so sign-up does not reveal who has an account.
    """
    existing = user_by_email(email)
    if existing is not None:
        mail.send(mail.compose(existing.email, _l("Someone tried to sign up with your address"),
                               "signup_existing", existing.locale, user=existing,
                               login_url=url_for("auth.login", _external=True),
                               reset_url=url_for("auth.forgot_password", _external=True)))
        audit("signup_existing_email", subject=existing)
        return None
    user = User(email=email, display_name=display_name, password_hash=hash_password(password),
                locale=locale, role="learner")
    db.session.add(user)
    db.session.flush()
    organisation = db.session.get(Organisation, organisation_id) if organisation_id else None
    if organisation is not None:
        db.session.add(Membership(user=user, organisation=organisation, status="pending"))
    send_verification(user)
    audit("signup", subject=user, actor=user)
    user_registered.send(current_app._get_current_object(), user=user)
    return user


def send_verification(user):
    _, signed = tokens.issue(VERIFY, user.email, verify_lifetime(), user=user)
    mail.send(mail.compose(user.email, _l("Please confirm your email address"), "verify_email",
                           user.locale, user=user,
                           link=url_for("auth.verify_email", token=signed, _external=True),
                           hours=current_app.config["EMAIL_TOKEN_HOURS"]))


def verify_email(signed):
    """Confirm the address behind the link; returns the user or raises a TokenError."""
    row = tokens.check(VERIFY, signed, verify_lifetime())
    user = db.session.get(User, row.user_id)
    if user is None or user.email != row.email:
        raise tokens.TokenInvalid()
    tokens.consume(row)
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
        audit("email_verified", subject=user, actor=user)
    return user


@dataclass
class LoginResult:
    user: User | None = None
    wait_seconds: int = 0
    problem: str = ""   # "wrong", "unverified", "inactive", "throttled"


def attempt_login(email, password):
    ip = client_ip()
    wait = throttle.seconds_to_wait(email, ip)
    if wait:
        audit("login_throttled", email=email, wait_seconds=wait)
        return LoginResult(wait_seconds=wait, problem="throttled")
    user = user_by_email(email)
    # hash anyway when there is no such account, so timing does not tell who exists
    valid = check_password(user.password_hash if user else _dummy_hash(), password) and user
    throttle.record(email, ip, success=bool(valid))
    if not valid:
        audit("login_failed", subject=user, email=email)
        return LoginResult(problem="wrong")
    if not user.active:
        audit("login_refused_inactive", subject=user)
        return LoginResult(problem="inactive")
    if not user.is_verified:
        return LoginResult(user=user, problem="unverified")
    user.last_login_at = utcnow()
    audit("login", subject=user, actor=user)
    return LoginResult(user=user)


def _dummy_hash():
    config = current_app.config
    cached = config.get("_DUMMY_PASSWORD_HASH")
    if cached is None:
        cached = config["_DUMMY_PASSWORD_HASH"] = hash_password("not a real password")
    return cached


def request_password_reset(email):
    user = user_by_email(email)
    audit("password_reset_requested", subject=user, email=email)
    if user is None or not user.active:
        return
    _, signed = tokens.issue(RESET, user.email, reset_lifetime(), user=user)
    mail.send(mail.compose(user.email, _l("Reset your password"), "reset_password", user.locale,
                           user=user,
                           link=url_for("auth.reset_password", token=signed, _external=True),
                           minutes=current_app.config["RESET_TOKEN_MINUTES"]))


def reset_token_user(signed):
    row = tokens.check(RESET, signed, reset_lifetime())
    user = db.session.get(User, row.user_id)
    if user is None or not user.active or user.email != row.email:
        raise tokens.TokenInvalid()
    return row, user


def reset_password(signed, password):
    row, user = reset_token_user(signed)
    tokens.consume(row)
    set_password(user, password)
    # following the emailed link proves the address
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
    audit("password_reset", subject=user, actor=user)
    return user


def set_password(user, password, keep_session=None):
    """Change the password and sign the person out of every other session."""
    user.password_hash = hash_password(password)
    end_sessions_of(user.id, keep_token=keep_session)
