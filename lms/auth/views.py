"""Sign-up, email confirmation, log-in, log-out and password reset pages."""
from flask import (current_app, flash, redirect, render_template, request,
                   session, url_for)
from flask_babel import gettext as _
from flask_babel import get_locale, ngettext
from flask_login import current_user, login_user, logout_user
from sqlalchemy import select

from lms.auth import services, tokens
from lms.auth.forms import EmailForm, LoginForm, ResetPasswordForm, SignupForm
from lms.extensions import db
from lms.forms import options
from lms.models import Organisation
from lms.permissions import require
from lms.security import audit, safe_next
from lms.signals import user_logged_in


TOKEN_MESSAGES = {
    "invalid": lambda: _("This link is not valid. Please check that you copied the whole link."),
    "expired": lambda: _("This link has expired. Please ask for a new one."),
    "used": lambda: _("This link has already been used. Please ask for a new one if you need it."),
}


def organisation_choices():
    rows = db.session.execute(select(Organisation.id, Organisation.name)
                              .order_by(Organisation.name)).all()
    return options([(0, _("None, or not listed"))] + [(row.id, row.name) for row in rows])


def wait_message(seconds):
    if seconds < 90:
        return ngettext("Too many failed log-ins. Please try again in %(num)d second.",
                        "Too many failed log-ins. Please try again in %(num)d seconds.", seconds)
    minutes = (seconds + 59) // 60
    return ngettext("Too many failed log-ins. Please try again in %(num)d minute.",
                    "Too many failed log-ins. Please try again in %(num)d minutes.", minutes)


@require("core.sign_up")
def signup():
    form = SignupForm()
    form.organisation.choices = organisation_choices()
    if request.method == "GET":
        form.locale.data = str(get_locale())
    if form.validate_on_submit():
        services.register(form.email.data, form.display_name.data, form.password.data,
                          form.locale.data, form.organisation.data)
        return redirect(url_for("auth.check_email", email=form.email.data))
    return render_template("auth/signup.html", form=form)


@require("core.sign_up")
def check_email():
    return render_template("auth/check_email.html", email=request.args.get("email", ""))


@require("core.sign_up")
def verify_email(token):
    try:
        services.verify_email(token)
    except tokens.TokenError as exc:
        return render_template("auth/token_problem.html", message=TOKEN_MESSAGES[exc.reason](),
                               resend=True), 400
    flash(_("Thank you, your email address is confirmed. You can log in now."), "success")
    return redirect(url_for("auth.login"))


@require("core.sign_up")
def resend_verification():
    form = EmailForm()
    if form.validate_on_submit():
        user = services.user_by_email(form.email.data)
        if user is not None and user.active and not user.is_verified:
            services.send_verification(user)
        return redirect(url_for("auth.check_email", email=form.email.data))
    return render_template("auth/resend.html", form=form)


@require("core.log_in")
def login():
    if current_user.is_authenticated:
        return redirect(safe_next(request.args.get("next"), url_for("core.home")))
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        result = services.attempt_login(form.email.data, form.password.data)
        if result.problem == "throttled":
            form.form_errors.append(wait_message(result.wait_seconds))
            status = 429
        elif result.problem == "unverified":
            form.form_errors.append(_("Please confirm your email address first: follow the link "
                                      "we sent you. You can ask for a new link below."))
        elif result.problem:
            # the same words whether the address is unknown, the password wrong or the account off
            form.form_errors.append(_("The email address or password is not correct."))
        else:
            session.regenerate()
            session.permanent = bool(form.remember.data)
            login_user(result.user, remember=False)
            user_logged_in.send(current_app._get_current_object(), user=result.user)
            flash(_("Welcome back, %(name)s.", name=result.user.display_name), "success")
            return redirect(safe_next(request.args.get("next"), url_for("core.home")))
    return render_template("auth/login.html", form=form), status


@require("core.log_out")
def logout():
    if current_user.is_authenticated:
        audit("logout", subject=current_user)
    logout_user()
    session.clear()
    flash(_("You have logged out."), "success")
    return redirect(url_for("core.home"))


@require("core.log_in")
def forgot_password():
    form = EmailForm()
    if form.validate_on_submit():
        services.request_password_reset(form.email.data)
        flash(_("If an account exists for %(email)s, we have sent it a link to choose a new "
                "password. The link works once, for %(minutes)d minutes.",
                email=form.email.data, minutes=current_app.config["RESET_TOKEN_MINUTES"]), "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/forgot.html", form=form)


@require("core.log_in")
def reset_password(token):
    try:
        _row, user = services.reset_token_user(token)
    except tokens.TokenError as exc:
        return render_template("auth/token_problem.html", message=TOKEN_MESSAGES[exc.reason](),
                               reset=True), 400
    form = ResetPasswordForm()
    form.personal_words = (user.email, user.display_name)
    if form.validate_on_submit():
        try:
            services.reset_password(token, form.password.data)
        except tokens.TokenError as exc:
            return render_template("auth/token_problem.html",
                                   message=TOKEN_MESSAGES[exc.reason](), reset=True), 400
        if current_user.is_authenticated:
            logout_user()
        session.clear()
        flash(_("Your password has been changed. Please log in with the new one."), "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset.html", form=form, user=user)
