"""Publishing an item as an open educational resource, and withdrawing a release."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from lms import publishing as registry
from lms.permissions import require, require_object
from oer.access import Publishable
from oer.blueprint import bp
from oer.services import publishing
from oer.views.releases import load_release


class PublishForm(FlaskForm):
    """The confirmation: the form carries only the CSRF token."""


class WithdrawForm(FlaskForm):
    reason = TextAreaField(_l("Why is this release withdrawn?"), validators=[
        DataRequired(message=_l("Please say why: the release's page will show it.")),
        Length(max=2000)])


def load_publishable(kind_name, key):
    kind = registry.kind(kind_name)
    obj = kind.load(key) if kind is not None else None
    require_object("oer.publish", Publishable(kind, obj) if obj is not None else None)
    return kind, obj


@bp.route("/publish/<kind_name>/<key>", methods=["GET", "POST"])
@require("oer.publish")
def publish(kind_name, key):
    kind, obj = load_publishable(kind_name, key)
    item = publishing.item_for(kind_name, key)
    form = PublishForm()
    reasons, status = kind.missing(obj), 200
    if form.validate_on_submit() and not reasons:
        try:
            release = publishing.publish(kind_name, key, current_user._get_current_object())
        except publishing.NotAllowed:
            abort(404)
        except publishing.PublishError as error:
            reasons, status = error.reasons, 422
        else:
            flash(_("Release %(number)s has been published.", number=release.number),
                  "success")
            return redirect(url_for("oer.release", slug=release.item.slug,
                                    number=release.number))
    elif form.is_submitted():
        status = 422 if reasons else 400
    current = item.current_release if item is not None else None
    return render_template("oer/publish.html", kind=kind, obj=obj, title=kind.title(obj),
                           item=item, current=current, reasons=reasons, form=form,
                           next_number=publishing.next_number(item),
                           formats=[publishing.format_label(name)
                                    for name in publishing.formats_for(kind)]), status


@bp.route("/<slug>/v<int:number>/withdraw", methods=["POST"])
@require("oer.publish")
def withdraw(slug, number):
    release = load_release(slug, number)
    require_object("oer.publish", release.item)
    if release.withdrawn:
        abort(410)
    form = WithdrawForm()
    if form.validate_on_submit():
        publishing.withdraw(release, form.reason.data.strip(),
                            current_user._get_current_object())
        flash(_("Release %(number)s has been withdrawn.", number=release.number), "success")
        return redirect(url_for("oer.release", slug=slug, number=number))
    from oer.views.releases import render_release
    return render_release(release, withdraw_form=form, status=400)
