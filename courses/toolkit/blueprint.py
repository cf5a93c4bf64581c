"""The URL table of courses.toolkit: each address, the view that answers it, its methods."""
from flask import Blueprint

from courses.toolkit import RESOURCE_KIND_LABELS
from courses.toolkit.views import assessments, authoring, resources

bp = Blueprint("courses_toolkit", __name__, url_prefix="/toolkit",
               template_folder="../templates", static_folder="static",
               static_url_path="/static")

RULES = [
    ("/assessments/new", authoring.create, ["GET", "POST"]),
    ("/assessments/<slug:slug>/edit", authoring.edit, ["GET", "POST"]),
    ("/assessments/<slug:slug>/status", authoring.change_status, ["POST"]),
    ("/assessments/<slug:slug>/dimensions/new", authoring.add_dimension, ["GET", "POST"]),
    ("/assessments/<slug:slug>/dimensions/<id:dimension_id>",
     authoring.edit_dimension, ["GET", "POST"]),
    ("/assessments/<slug:slug>/dimensions/<id:dimension_id>/move/<any(up, down):direction>",
     authoring.move_dimension, ["POST"]),
    ("/assessments/<slug:slug>/dimensions/<id:dimension_id>/delete",
     authoring.delete_dimension, ["POST"]),
    ("/courses/<slug:slug>/resources", resources.course_resources, ["GET", "POST"]),
    ("/courses/<slug:slug>/resources/<id:resource_id>/delete",
     resources.delete_resource, ["POST"]),
    ("/courses/<slug:slug>/resources/<id:resource_id>/<filename>",
     resources.download, ["GET"]),
    ("/", assessments.index, ["GET"]),
    ("/assessments/<slug:slug>", assessments.show, ["GET"]),
    ("/assessments/<slug:slug>/answer", assessments.answer, ["GET", "POST"]),
    ("/assessments/<slug:slug>/results/<id:attempt_id>", assessments.result, ["GET"]),
    ("/assessments/<slug:slug>/organisations/<slug:organisation_slug>", assessments.summary, ["GET"]),
]

for rule, view, methods in RULES:
    bp.add_url_rule(rule, view_func=view, methods=methods)
# the course page lists the toolkit's tools and files of a course
bp.add_app_template_global(assessments.course_toolkit, "course_toolkit")
bp.add_app_template_global(RESOURCE_KIND_LABELS, "resource_kind_labels")
