"""Trainers invite learners by a list of emails; the invited accept, with or without an account."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from courses.forms import InviteForm
from courses.services import invitations, report
from courses.views import load_course, user
from lms.forms import options
from lms.invitations.views import accept_page
from lms.permissions import require


@require("courses.edit")
def invite(slug):
    course = load_course(slug)
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


@require("courses.view")
def accept_invitation(token):
    return accept_page("courses.course", token)
