"""Learning: a lesson of the published version, and marking it done."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from courses.blueprint import bp
from courses.forms import ConfirmForm
from courses.services import access, catalogue, progress
from courses.services.outline import lesson_outline_html, neighbours
from courses.views import LARGEST_ID, checked_slug, user
from lms.permissions import require, require_object
from lms.timeutil import utcnow


def load_published_lesson(slug, lesson_id):
    found = catalogue.lesson_in_release(checked_slug(slug), lesson_id, current_user) \
        if lesson_id <= LARGEST_ID else None
    if found is None:
        abort(404)
    course, release, lesson, state = found
    require_object("courses.learn", course)
    return course, release, lesson, state


@bp.route("/<slug>/lessons/<int:lesson_id>")
@require("courses.learn")
def lesson(slug, lesson_id):
    course, release, lesson, translation_state = load_published_lesson(slug, lesson_id)
    enrolment = access.enrolment_of(current_user, course)
    if enrolment is not None and enrolment.last_lesson_id != lesson_id:
        enrolment.last_lesson_id = lesson_id
        enrolment.last_activity_at = utcnow()
    done = progress.done_lesson_ids(current_user, course)
    before, after = neighbours(release, lesson_id)
    outline = lesson_outline_html(release, lesson_id, done, _("done"),
                                  _("%(done)d of %(total)d done"))
    return render_template("courses/lesson.html", course=course, release=release, lesson=lesson,
                           done=done, before=before, after=after, outline=outline,
                           enrolled=enrolment is not None, translation_state=translation_state)


@bp.route("/<slug>/lessons/<int:lesson_id>/done", methods=["POST"])
@require("courses.learn")
def mark_done(slug, lesson_id):
    course, release, published, _state = load_published_lesson(slug, lesson_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if published.kind != "page":
        abort(400)
    if access.enrolment_of(current_user, course) is None:
        abort(403)
    completion = progress.record_done(user(), course, lesson_id)
    if completion is not None:
        flash(_("Congratulations: you have completed the course! Your certificate is ready."),
              "success")
        return redirect(url_for("courses.certificate", code=completion.code))
    _before, after = neighbours(release, lesson_id)
    if after is not None:
        return redirect(url_for("courses.lesson", slug=course.slug, lesson_id=after["id"]))
    return redirect(url_for("courses.show", slug=course.slug))
