"""Publishing an item as an open educational resource (the build's progress while a job makes
its packages), and withdrawing a release."""
from flask import abort, flash, jsonify, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from lms.extensions import db
from lms.forms import ConfirmForm
from lms.permissions import require, require_object
from oer.models import OerBuild
from oer.forms import WithdrawForm
from oer.services.access import Publishable
from oer.services import publishing
from oer.views.releases import load_release, render_release


def load_publishable(kind_name, key):
    """(kind, object) for whoever may publish it (the route's permission), else 404."""
    kind, obj = publishing.load(kind_name, key)
    require_object(Publishable(kind, obj) if obj is not None else None)
    return kind, obj


@require("oer.publish")
def publish(kind_name, key):
    kind, obj = load_publishable(kind_name, key)
    item = publishing.item_for(kind_name, key)
    form = ConfirmForm()
    reasons, status = kind.missing(obj), 200
    building = publishing.pending_build(kind_name, key)
    if form.validate_on_submit() and not reasons:
        try:
            build = publishing.request_build(kind, obj, current_user._get_current_object())
        except publishing.PublishError as error:
            reasons, status = error.reasons, 422
        else:
            return redirect(url_for("oer.build", build_id=build.id))
    elif form.is_submitted():
        status = 422 if reasons else 400
    current = item.current_release if item is not None else None
    return render_template("oer/publish.html", kind=kind, obj=obj, title=kind.title(obj),
                           item=item, current=current, reasons=reasons, form=form,
                           building=building,
                           next_number=publishing.next_number(item),
                           formats=[publishing.format_label(name)
                                    for name in publishing.format_names(kind)]), status


def load_build(build_id):
    """The build, for whoever may publish its item (404 for everyone else)."""
    build = db.session.get(OerBuild, build_id)
    if build is None:
        abort(404)
    kind, _obj = load_publishable(build.kind, build.key)
    return kind, build


def build_state(kind, build):
    """What the build page and its JSON say: the status, how far it is, what it does now."""
    if build.status == "queued":
        message = _("Waiting for the builder to start…")
    elif build.status == "building":
        message = _("Building %(done)s of %(total)s: %(format)s…",
                    format=publishing.format_label(build.current_format),
                    done=build.formats_done + 1, total=build.formats_total)
    elif build.status == "failed":
        message = _("Nothing was published.")
    else:
        message = _("Release %(number)s has been published.", number=build.release.number)
    release_url = url_for("oer.release", slug=build.release.item.slug,
                          number=build.release.number) if build.release else None
    return {"status": build.status, "done": build.formats_done, "total": build.formats_total,
            "message": message, "reasons": list(build.reasons or ()), "release_url": release_url}


@require("oer.publish")
def build(build_id):
    kind, build = load_build(build_id)
    state = build_state(kind, build)
    if build.status == "done":
        flash(state["message"], "success")
        return redirect(state["release_url"])
    return render_template("oer/build.html", kind=kind, build=build, state=state,
                           title=build.snapshot.get("title", ""),
                           publish_url=url_for("oer.publish", kind_name=build.kind,
                                               key=build.key)), \
        422 if build.status == "failed" else 200


@require("oer.publish")
def build_status(build_id):
    kind, build = load_build(build_id)
    response = jsonify(build_state(kind, build))
    response.headers["Cache-Control"] = "no-store"
    return response


@require("oer.publish")
def withdraw(slug, number):
    release = load_release(slug, number)
    require_object(release.item)
    if release.withdrawn:
        abort(410)
    form = WithdrawForm()
    if form.validate_on_submit():
        publishing.withdraw(release, form.reason.data.strip(),
                            current_user._get_current_object())
        flash(_("Release %(number)s has been withdrawn.", number=release.number), "success")
        return redirect(url_for("oer.release", slug=slug, number=number))
    return render_release(release, withdraw_form=form, status=400)
