"""Learning: a lesson of the published version, and marking it done."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from courses.models import Course
from courses.services import lesson_page, progress
from courses.services.outline import lesson_outline, neighbours
from courses.views import user
from lms.extensions import db
from lms.forms import ConfirmForm
from lms.permissions import require, require_object


def load_lesson_page(slug, lesson_id):
    """The LessonPage of a published lesson the current user may read, or 404."""
    page = lesson_page.read(slug, lesson_id, current_user)
    if page is None:
        abort(404)
    require_object(page.course)
    return page


@require("courses.learn")
def lesson(slug, lesson_id):
    page = load_lesson_page(slug, lesson_id)
    lesson_page.note_position(page)
    before, after = neighbours(page.release, lesson_id)
    outline = lesson_outline(page.release, lesson_id, page.done)
    # worked out once, not for each module and lesson of the outline
    done_label, progress = _("done"), _("%(done)d of %(total)d done")
    return render_template("courses/lesson.html", course=page.course, release=page.release,
                           lesson=page.lesson, done=page.done, before=before, after=after,
                           outline=outline, done_label=done_label, progress=progress,
                           enrolled=page.enrolled,
                           translation_state=page.translation_state)


@require("courses.learn")
def mark_done(slug, lesson_id):
    page = load_lesson_page(slug, lesson_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if page.lesson.kind != "page":
        abort(400)
    if not page.enrolled:
        abort(403)
    course = db.session.get(Course, page.course.id)
    completion = progress.record_done(user(), course, lesson_id)
    if completion is not None:
        flash(_("Congratulations: you have completed the course! Your certificate is ready."),
              "success")
        return redirect(url_for("courses.certificate", code=completion.code))
    _before, after = neighbours(page.release, lesson_id)
    if after is not None:
        return redirect(url_for("courses.lesson", slug=course.slug, lesson_id=after["id"]))
    return redirect(url_for("courses.show", slug=course.slug))
