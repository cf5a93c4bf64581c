"""The catalogue of published courses and a course's page."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from courses.forms import (LESSON_KINDS, LICENCES, STATUS_LABELS, TOPICS, TRANSLATION_STATES,
                           EnrolForm)
from courses.models import Course
from courses.services import access, catalogue, enrolment, progress, translations
from courses.services.outline import discussion_after
from courses.views import user
from lms.forms import ConfirmForm
from lms.i18n import LANGUAGE_NAMES
from lms.paging import page_number
from lms.permissions import can, require, require_object


def labels():
    """Labels every courses template reads."""
    return {"status_labels": STATUS_LABELS, "kind_labels": LESSON_KINDS, "topics": TOPICS,
            "licences": LICENCES, "language_names": LANGUAGE_NAMES,
            "where_to_continue": progress.where_to_continue,
            "translation_states": TRANSLATION_STATES, "discussion_after": discussion_after}


@require("courses.view")
def index():
    words = request.args.get("q", "").replace("\x00", "").strip()[:200]
    language = request.args.get("language", "")
    topic = request.args.get("topic", "")
    language = language if language in LANGUAGE_NAMES else ""
    topic = topic if topic in TOPICS else ""
    courses = catalogue.search(words, language, topic, page_number())
    return render_template("courses/index.html", courses=courses,
                           words=words, language=language, topic=topic,
                           may_create=can(current_user, "courses.create"))


@require("courses.view_course")
def show(slug):
    found = catalogue.with_release(Course.slug == slug)
    course, release = found if found else (None, None)
    require_object(course)
    enrolled = access.enrolment_of(current_user, course)
    versions = [each for each in translations.versions(course)
                if each.is_public and each.status == "published"]
    wanted = str(get_locale())
    may_edit = can(current_user, "courses.edit", course)
    if enrolled is None and not may_edit and "language" not in request.args \
            and course.language != wanted:
        # a learner gets the version in their language when there is one
        mine = next((each for each in versions if each.language == wanted), None)
        if mine is not None:
            return redirect(url_for("courses.show", slug=mine.slug))
    done = progress.done_lesson_ids(current_user, course) if enrolled else set()
    completion = progress.completion_of(current_user, course) if enrolled else None
    return render_template("courses/show.html", course=course, release=release,
                           enrolled=enrolled, done=done, completion=completion,
                           may_edit=may_edit,
                           may_enrol=enrolment.can_self_enrol(course), form=EnrolForm(),
                           versions=[each for each in versions if each.id != course.id])


@require("courses.enrol")
def enrol(slug):
    found = catalogue.with_release(Course.slug == slug)
    course = found[0] if found else None
    require_object(course, "courses.view_course")
    form = EnrolForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        enrolment.enrol(user(), course, form.key.data)
    except enrolment.EnrolmentRefused as refused:
        if str(refused) == "key":
            form.key.errors.append(_("This enrolment key is not right. Ask the course's "
                                     "trainers for it."))
        else:
            flash(_("This course does not take new learners at the moment."), "error")
            return redirect(url_for("courses.show", slug=course.slug))
        release = found[1]
        return render_template("courses/show.html", course=course, release=release,
                               enrolled=None, done=set(), completion=None, may_edit=False,
                               may_enrol=True, form=form, versions=[]), 400
    flash(_("You are enrolled. Welcome to the course!"), "success")
    return redirect(url_for("courses.show", slug=course.slug))


@require("courses.enrol")
def dashboard():
    return render_template("courses/dashboard.html", rows=catalogue.my_courses(user()),
                           confirm=ConfirmForm())
