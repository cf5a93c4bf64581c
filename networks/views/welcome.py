"""Following an invitation link: accepting it, with a new account when there is none yet."""
from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user

from lms.auth import tokens
from lms.auth.views import TOKEN_MESSAGES
from lms.extensions import db
from lms.forms import ConfirmForm
from lms.permissions import require
from lms.signals import user_logged_in
from networks import ROLE_LABELS
from networks.forms import AcceptWithAccountForm
from networks.services import invitations
from networks.services.membership import RuleError


def problem(message, status=400):
    return render_template("auth/token_problem.html", message=message), status


def joined(person):
    flash(_("Welcome to %(name)s.", name=person.member.network.name), "success")
    return redirect(url_for("networks.home", slug=person.member.network.slug))


@require("networks.accept_invitation")
def accept_invitation(token):
    try:
        _row, invitation = invitations.pending_invitation(token)
    except tokens.TokenError as exc:
        return problem(TOKEN_MESSAGES[exc.reason]())
    account = invitations.user_by_email(invitation.email)
    if current_user.is_authenticated:
        if current_user.email.lower() != invitation.email.lower():
            return problem(_("This invitation was sent to another email address. Please log in "
                             "with the account for that address."), 403)
        form = ConfirmForm()
    elif account is not None:
        return render_template("networks/accept.html", invitation=invitation, form=None,
                               roles=ROLE_LABELS,
                               login=url_for("auth.login", next=request.path))
    else:
        form = AcceptWithAccountForm(email=invitation.email)
        if request.method == "GET":
            form.locale.data = invitation.locale
    if form.validate_on_submit():
        try:
            user = current_user
            if not current_user.is_authenticated:
                user = invitations.create_account(invitation.email, form.display_name.data,
                                                  form.password.data, form.locale.data)
            person = invitations.accept(token, user)
        except (tokens.TokenError, RuleError) as exc:
            db.session.rollback()   # no account without the membership it was made for
            if isinstance(exc, RuleError):
                return problem(str(exc.message), 409)
            return problem(TOKEN_MESSAGES[exc.reason]())
        if not current_user.is_authenticated:
            session.regenerate()
            login_user(user)
            user_logged_in.send(current_app._get_current_object(), user=user)
        return joined(person)
    return render_template("networks/accept.html", invitation=invitation, form=form,
                           roles=ROLE_LABELS, login=None)
