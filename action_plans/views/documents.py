"""The whole plan as a PDF for printing and as a DOCX for word processors."""
from flask import Response

from action_plans.services import exports
from action_plans.services.document import plan_document, version_document
from action_plans.views import load_plan, load_version
from lms.permissions import require

TYPES = {"pdf": "application/pdf",
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def _download(plan, data, suffix, version=""):
    return Response(data, mimetype=TYPES[suffix], headers={
        "Content-Disposition": f'attachment; filename="{plan.slug}{version}.{suffix}"'})


@require("action_plans.view_plan")
def plan_pdf(slug):
    plan = load_plan(slug)
    return _download(plan, exports.pdf_bytes(plan_document(plan), plan.updated_at), "pdf")


@require("action_plans.view_plan")
def plan_docx(slug):
    plan = load_plan(slug)
    return _download(plan, exports.docx_bytes(plan_document(plan), plan.updated_at), "docx")


@require("action_plans.view_plan")
def version_pdf(slug, number):
    plan = load_plan(slug)
    version = load_version(plan, number)
    data = exports.pdf_bytes(version_document(plan, version),
                             version.adopted_at or version.created_at)
    return _download(plan, data, "pdf", f"-v{version.number}")


@require("action_plans.view_plan")
def version_docx(slug, number):
    plan = load_plan(slug)
    version = load_version(plan, number)
    data = exports.docx_bytes(version_document(plan, version),
                              version.adopted_at or version.created_at)
    return _download(plan, data, "docx", f"-v{version.number}")
