"""Certificates (page, PDF, public verification) and Open Badges 2.0 documents."""
import json

from flask import (Response, abort, current_app, make_response, redirect, render_template,
                   request, url_for)
from flask_login import current_user
from sqlalchemy import select

from courses.models import Course
from courses.services import badges
from courses.services.certificate_pdf import draw_certificate
from lms.extensions import db
from lms.permissions import can, require

JSON_LD = "application/ld+json"


def own_certificate(code):
    completion = badges.find(code)
    if completion is None or (completion.user_id != current_user.id
                              and not can(current_user, "courses.edit", completion.course)):
        abort(404)
    return completion


@require("courses.enrol")
def certificate(code):
    completion = own_certificate(code)
    return render_template("courses/certificate.html", completion=completion,
                           verify_url=url_for("courses.verify", code=completion.code,
                                              _external=True))


@require("courses.enrol")
def certificate_pdf(code):
    completion = own_certificate(code)
    pdf = draw_certificate(completion, url_for("courses.verify", code=completion.code,
                                               _external=True),
                           current_app.config["SITE_NAME"])
    response = make_response(pdf)
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = \
        f'attachment; filename="certificate-{completion.code}.pdf"'
    return response


@require("courses.verify")
def verify_form():
    code = request.args.get("code", "").strip()
    if code:
        return redirect(url_for("courses.verify", code=code[:40]))
    return render_template("courses/verify.html", completion=None, code=None)


@require("courses.verify")
def verify(code):
    completion = badges.find(code[:40])
    return render_template("courses/verify.html", completion=completion, code=code[:40]), \
        200 if completion else 404


def json_ld(document, status=200):
    return Response(json.dumps(document, ensure_ascii=False, indent=2), status=status,
                    mimetype=JSON_LD)


def published_course(slug):
    course = db.session.scalar(select(Course).where(Course.slug == slug))
    if course is None or not course.published_version:
        abort(404)
    return course


@require("courses.verify")
def badge_issuer():
    return json_ld(badges.issuer())


@require("courses.verify")
def badge_class(slug):
    return json_ld(badges.badge_class(published_course(slug)))


@require("courses.verify")
def badge_image(slug):
    course = published_course(slug)
    response = Response(render_template("courses/badge.svg", **badges.badge_image(course)),
                        mimetype="image/svg+xml")
    if request.args.get("download"):
        response.headers["Content-Disposition"] = f'attachment; filename="badge-{course.slug}.svg"'
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


@require("courses.verify")
def badge_assertion(code):
    completion = badges.find(code[:40])
    if completion is None:
        abort(404)
    # Open Badges 2.0: a revoked hosted assertion answers 410 Gone with revoked: true
    return json_ld(badges.assertion(completion), 410 if completion.revoked_at else 200)
