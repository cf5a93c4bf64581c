"""Profile and password pages for the signed-in person."""
from flask import flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from lms.account.forms import ChangePasswordForm, ProfileForm
from lms.auth.passwords import check_password
from lms.auth.services import set_password
from lms.permissions import require
from lms.security import audit


@require("core.edit_own_profile")
def profile():
    form = ProfileForm(obj=current_user)
    if form.validate_on_submit():
        current_user.display_name = form.display_name.data
        current_user.locale = form.locale.data
        current_user.timezone = form.timezone.data
        flash(_("Your profile has been saved."), "success")
        return redirect(url_for("account.profile"))
    return render_template("account/profile.html", form=form)


@require("core.edit_own_profile")
def change_password():
    form = ChangePasswordForm()
    form.personal_words = (current_user.email, current_user.display_name)
    if form.validate_on_submit():
        if not check_password(current_user.password_hash, form.current_password.data):
            form.current_password.errors.append(_("This is not your current password."))
        else:
            set_password(current_user, form.password.data, keep_session=session.token)
            audit("password_changed", subject=current_user)
            flash(_("Your password has been changed. Your other sessions have been logged out."),
                  "success")
            return redirect(url_for("account.profile"))
    return render_template("account/password.html", form=form)
