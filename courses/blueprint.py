"""The URL table of courses: each address, the view that answers it, its methods."""
from flask import Blueprint

from courses.views import authoring, catalogue, certificates, invitations, learning, lessons, \
    media, modules, report, translations

bp = Blueprint("courses", __name__, url_prefix="/courses", template_folder="templates",
               static_folder="static", static_url_path="/static")

RULES = [
    ("/new", authoring.create, ["GET", "POST"]),
    ("/<slug:slug>/edit", authoring.edit, ["GET", "POST"]),
    ("/<slug:slug>/outline", authoring.outline, ["GET"]),
    ("/<slug:slug>/modules", modules.add_module, ["POST"]),
    ("/<slug:slug>/modules/<id:module_id>/edit", modules.edit_module, ["GET", "POST"]),
    ("/<slug:slug>/modules/<id:module_id>/move/<direction>", modules.move_module, ["POST"]),
    ("/<slug:slug>/modules/<id:module_id>/delete", modules.delete_module, ["POST"]),
    ("/<slug:slug>/modules/<id:module_id>/lessons/new", lessons.add_lesson, ["GET", "POST"]),
    ("/<slug:slug>/lessons/<id:lesson_id>/edit", lessons.edit_lesson, ["GET", "POST"]),
    ("/<slug:slug>/lessons/<id:lesson_id>/move/<direction>", lessons.move_lesson, ["POST"]),
    ("/<slug:slug>/lessons/<id:lesson_id>/delete", lessons.delete_lesson, ["POST"]),
    ("/preview", lessons.preview, ["POST"]),
    ("/<slug:slug>/publish", authoring.publish, ["POST"]),
    ("/<slug:slug>/status/<status>", authoring.set_status, ["POST"]),
    ("/<slug:slug>/trainers", authoring.trainers, ["GET", "POST"]),
    ("/<slug:slug>/trainers/<id:user_id>/remove", authoring.remove_trainer, ["POST"]),
    ("/<slug:slug>/translations", translations.add_translation, ["POST"]),
    ("/", catalogue.index, ["GET"]),
    ("/<slug:slug>", catalogue.show, ["GET"]),
    ("/<slug:slug>/enrol", catalogue.enrol, ["POST"]),
    ("/my", catalogue.dashboard, ["GET"]),
    ("/certificates/<code>", certificates.certificate, ["GET"]),
    ("/certificates/<code>.pdf", certificates.certificate_pdf, ["GET"]),
    ("/verify/", certificates.verify_form, ["GET"]),
    ("/verify/<code>", certificates.verify, ["GET"]),
    ("/badges/issuer", certificates.badge_issuer, ["GET"]),
    ("/badges/<slug:slug>/badge", certificates.badge_class, ["GET"]),
    ("/badges/<slug:slug>/image.svg", certificates.badge_image, ["GET"]),
    ("/badges/assertions/<code>", certificates.badge_assertion, ["GET"]),
    ("/<slug:slug>/invite", invitations.invite, ["GET", "POST"]),
    ("/invitations/<token>", invitations.accept_invitation, ["GET", "POST"]),
    ("/<slug:slug>/lessons/<id:lesson_id>", learning.lesson, ["GET"]),
    ("/<slug:slug>/lessons/<id:lesson_id>/done", learning.mark_done, ["POST"]),
    ("/media/", media.media_library, ["GET", "POST"]),
    ("/media/<sha256>", media.media_file, ["GET"]),
    ("/<slug:slug>/report", report.report_page, ["GET"]),
    ("/<slug:slug>/report.csv", report.report_csv, ["GET"]),
    ("/<slug:slug>/cohorts", report.add_cohort, ["POST"]),
    ("/<slug:slug>/learners/<id:enrolment_id>/cohort", report.move_to_cohort, ["POST"]),
    ("/<slug:slug>/certificates/<code>/revoke", report.revoke_certificate, ["POST"]),
]

for rule, view, methods in RULES:
    bp.add_url_rule(rule, view_func=view, methods=methods)
bp.context_processor(catalogue.labels)
