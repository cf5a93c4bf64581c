"""Pages for writing, submitting and reviewing good-practice blueprints."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from lms.extensions import db
from lms.permissions import can, require, require_object
from oer.forms.practices import PracticeForm, ReviewForm, SubmitForm
from oer.models import Practice
from oer.services import practices as services
from oer.services.access import may_view
from oer.services.practice_kind import actor_labels, section_html, section_titles
from oer.services.publishing import PublishError
from oer.views.catalogue import release_url
from oer.vocabulary import INTEGRATION_AREAS, LEVELS, countries


def load(blueprint_id):
    blueprint = db.session.get(Practice, blueprint_id)
    if blueprint is None:
        abort(404)
    return blueprint


def page_context(blueprint):
    """What the working copy's page and the review page show."""
    return dict(
        blueprint=blueprint, sections=[(title, section_html(blueprint, name))
                                       for name, title in section_titles()],
        actor_labels=actor_labels(blueprint), missing=services.missing(blueprint),
        area=INTEGRATION_AREAS.get(blueprint.integration_area, ""),
        level=LEVELS.get(blueprint.level, ""),
        country=countries().get(blueprint.country, blueprint.country),
        released=services.current_release(blueprint), release_url=release_url)


@require("oer.draft_blueprint")
def my_blueprints():
    return render_template("oer/blueprints/mine.html",
                           blueprints=services.authored_by(current_user),
                           may_review=can(current_user, "oer.review_blueprint"))


@require("oer.draft_blueprint")
def blueprint_new():
    form = PracticeForm(organisations=services.user_organisations(current_user))
    if form.validate_on_submit():
        blueprint = services.create(current_user, form.values(), form.found_coauthors)
        flash(_("The blueprint has been saved as a draft."), "success")
        return redirect(url_for("oer.blueprint_show", blueprint_id=blueprint.id))
    return render_template("oer/blueprints/form.html", form=form, blueprint=None)


@require("oer.draft_blueprint")
def blueprint_edit(blueprint_id):
    blueprint = require_object(load(blueprint_id), "oer.edit_blueprint")
    if blueprint.status == "review":
        flash(_("The blueprint is being reviewed. Take it back to change it."), "error")
        return redirect(url_for("oer.blueprint_show", blueprint_id=blueprint.id))
    form = PracticeForm(obj=None if request.method == "POST" else _FormData(blueprint),
                         organisations=_organisations(blueprint))
    if form.validate_on_submit():
        try:
            version = int(form.version.data)
        except (TypeError, ValueError):
            abort(400)
        try:
            services.save(blueprint, form.values(), version, coauthors=form.found_coauthors,
                          by=current_user)
        except services.StaleVersion:
            form.form_errors.append(_(
                "Someone saved this blueprint after you opened it. Your text is still "
                "below: copy what you need, reload the page and add it again."))
        else:
            flash(_("The blueprint has been saved."), "success")
            return redirect(url_for("oer.blueprint_show", blueprint_id=blueprint.id))
    return render_template("oer/blueprints/form.html", form=form, blueprint=blueprint)


def _organisations(blueprint):
    organisations = services.user_organisations(current_user)
    if blueprint.organisation and blueprint.organisation not in organisations:
        organisations = [blueprint.organisation, *organisations]
    return organisations


class _FormData:
    """A blueprint's sources as the form's initial values."""

    def __init__(self, blueprint):
        self.__dict__.update({name: getattr(blueprint, name) for name in services.PLAIN_FIELDS})
        for name in ("context", "problem", "actors", "resources", "success_factors",
                     "challenges", "evidence", "transferability", "steps"):
            setattr(self, name, getattr(blueprint, name + "_source"))
        self.actor_types = list(blueprint.actor_types)
        self.organisation_id = str(blueprint.organisation_id or "")
        self.version = str(blueprint.version)
        self.coauthors = "\n".join(author.email for author in blueprint.authors
                                   if author.id != blueprint.created_by_id)


@require("oer.view")
def blueprint_show(blueprint_id):
    """The working copy for its authors and reviewers; everyone else is sent to the published
    release, or told there is none."""
    blueprint = load(blueprint_id)
    if not may_view(current_user, blueprint):
        released = services.current_release(blueprint)
        if released is None:
            abort(404)
        return redirect(release_url(released.slug))
    return render_template("oer/blueprints/show.html", submit_form=SubmitForm(),
                           may_edit=can(current_user, "oer.edit_blueprint", blueprint),
                           may_review=can(current_user, "oer.review_blueprint", blueprint),
                           **page_context(blueprint))


@require("oer.draft_blueprint")
def blueprint_submit(blueprint_id):
    blueprint = require_object(load(blueprint_id), "oer.edit_blueprint")
    form = SubmitForm()
    if blueprint.status != "draft" or not form.validate():
        abort(400)
    if services.missing(blueprint):
        flash(_("The blueprint is not complete yet: see the list of what is missing."), "error")
    else:
        services.submit(blueprint, current_user, form.note.data)
        flash(_("The blueprint has been sent for review."), "success")
    return redirect(url_for("oer.blueprint_show", blueprint_id=blueprint.id))


@require("oer.draft_blueprint")
def blueprint_retract(blueprint_id):
    blueprint = require_object(load(blueprint_id), "oer.edit_blueprint")
    if blueprint.status != "review":
        abort(400)
    services.retract(blueprint, current_user)
    flash(_("The blueprint is a draft again."), "success")
    return redirect(url_for("oer.blueprint_show", blueprint_id=blueprint.id))


@require("oer.review_blueprint")
def review_queue():
    return render_template("oer/blueprints/queue.html",
                           blueprints=services.review_queue(current_user))


@require("oer.review_blueprint")
def blueprint_review(blueprint_id):
    blueprint = require_object(load(blueprint_id))
    if blueprint.status != "review":
        abort(404)
    form = ReviewForm()
    if form.validate_on_submit():
        if form.decision.data == "return":
            services.return_to_draft(blueprint, current_user, form.comments.data)
            flash(_("The blueprint has been returned to its authors."), "success")
            return redirect(url_for("oer.review_queue"))
        if services.missing(blueprint):
            form.form_errors.append(_("The blueprint is not complete and cannot be published."))
        else:
            try:
                published = services.release(blueprint, current_user, form.comments.data)
            except PublishError as error:
                form.form_errors.extend(str(reason) for reason in error.reasons)
            else:
                flash(_("The blueprint has been published."), "success")
                return redirect(release_url(published.item.slug))
    return render_template("oer/blueprints/review.html", form=form, **page_context(blueprint))
