"""Trainers invite learners by a list of emails; the invited accept, with or without an account."""
from flask import current_app, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user

from courses.forms import AccountForm, InviteForm
from courses.services import invitations, report
from courses.views import load_course, user
from lms.auth import tokens
from lms.auth.views import TOKEN_MESSAGES
from lms.forms import ConfirmForm, options
from lms.permissions import require
from lms.signals import user_logged_in


@require("courses.edit")
def invite(slug):
    course = load_course(slug, "courses.edit")
    cohorts = report.cohorts(course)
    form = InviteForm()
    form.cohort.choices = options([(0, _("No cohort"))] + [(c.id, c.name) for c in cohorts])
    if form.validate_on_submit():
        emails, refused = invitations.split_addresses(form.emails.data)
        if refused:
            form.emails.errors.append(_("These are not email addresses: %(list)s",
                                        list=", ".join(refused[:10])))
        elif len(emails) > 200:
            form.emails.errors.append(_("Please invite at most 200 people at a time."))
        else:
            cohort = next((c for c in cohorts if c.id == form.cohort.data), None)
            invitations.invite(course, emails, cohort, user())
            flash(_("%(count)s invitations have been sent.", count=len(emails)), "success")
            return redirect(url_for("courses.report_page", slug=course.slug))
    return render_template("courses/invite.html", course=course, form=form)


def token_problem(reason):
    return render_template("auth/token_problem.html", message=TOKEN_MESSAGES[reason]()), 400


@require("courses.view")
def accept_invitation(token):
    try:
        _row, invitation = invitations.pending(token)
    except tokens.TokenError as exc:
        return token_problem(exc.reason)
    existing = invitations.user_by_email(invitation.email)
    if current_user.is_authenticated:
        if current_user.email.lower() != invitation.email.lower():
            return render_template("auth/token_problem.html", message=_(
                "This invitation was sent to another email address. Please log in with the "
                "account for that address.")), 403
        form = ConfirmForm()
    elif existing is not None:
        return render_template("courses/accept.html", invitation=invitation, form=None,
                               login_url=url_for("auth.login", next=url_for(
                                   "courses.accept_invitation", token=token)))
    else:
        form = AccountForm(data={"email": invitation.email} if not AccountForm().is_submitted()
                           else None)
        form.email.data = invitation.email
    if form.validate_on_submit():
        person = user() if current_user.is_authenticated else None
        if person is None:
            person = invitations.create_account(invitation.email, form.display_name.data,
                                                form.password.data, form.locale.data)
            session.regenerate()
            login_user(person, remember=False)
            user_logged_in.send(current_app._get_current_object(), user=person)
        try:
            course = invitations.accept(token, person)
        except tokens.TokenError as exc:
            return token_problem(exc.reason)
        flash(_("Welcome to the course %(title)s.", title=course.title), "success")
        return redirect(url_for("courses.show", slug=course.slug))
    return render_template("courses/accept.html", invitation=invitation, form=form,
                           login_url=None)
