"""The page behind every invitation link. Each owner's route (with its own address and
permission) returns `accept_page(kind_name, token)`."""
from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user

from lms.auth import tokens
from lms.auth.views import TOKEN_MESSAGES
from lms.extensions import db
from lms.forms import ConfirmForm
from lms.invitations import Refused, kind as kind_named, services
from lms.invitations.forms import AccountForm
from lms.signals import user_logged_in


def problem(message, status=400):
    return render_template("auth/token_problem.html", message=message), status


def accept_page(kind_name, token):
    """Accept (signed in with the invited address), log in first (the address has an account),
    or create the account and accept (it has none)."""
    kind = kind_named(kind_name)
    try:
        invitation, target = services.pending(kind, token)
    except tokens.TokenError as exc:
        return problem(TOKEN_MESSAGES[exc.reason]())
    page = {"kind": kind, "invitation": invitation, "target": target, "login": None}
    if current_user.is_authenticated:
        if current_user.email.lower() != invitation.email.lower():
            return problem(_("This invitation was sent to another email address. Please log "
                             "in with the account for that address."), 403)
        form = ConfirmForm()
    elif not kind.new_accounts or services.user_by_email(invitation.email) is not None:
        return render_template("invitations/accept.html", form=None, **dict(
            page, login=url_for("auth.login", next=request.path)))
    else:
        form = AccountForm(email=invitation.email)
        if request.method == "GET":
            form.locale.data = invitation.locale
    if form.validate_on_submit():
        user = current_user._get_current_object() if current_user.is_authenticated else None
        new = user is None
        try:
            if new:
                user = services.create_account(kind, invitation, form.display_name.data,
                                               form.password.data, form.locale.data)
            welcome = services.accept(kind, token, user)
        except (tokens.TokenError, Refused) as exc:
            db.session.rollback()   # no account without what it was made for; the link unused
            if isinstance(exc, Refused):
                return problem(str(exc.message), 409)
            return problem(TOKEN_MESSAGES[exc.reason]())
        if new:
            session.regenerate()
            login_user(user)
            user_logged_in.send(current_app._get_current_object(), user=user)
        flash(str(welcome.message), "success")
        return redirect(welcome.url)
    return render_template("invitations/accept.html", form=form, **page)
