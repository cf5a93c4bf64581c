"""The URL table of courses.quizzes: each address, the view that answers it, its methods."""
from flask import Blueprint

from courses.quizzes.views import authoring, taking

bp = Blueprint("courses_quiz", __name__, url_prefix="/courses/<slug:slug>/quizzes/<id:lesson_id>",
               template_folder="../templates")

RULES = [
    ("/edit", authoring.edit, ["GET", "POST"]),
    ("/questions/new", authoring.add_question, ["GET", "POST"]),
    ("/questions/<id:question_id>", authoring.edit_question, ["GET", "POST"]),
    ("/questions/<id:question_id>/move/<any(up, down):direction>",
     authoring.move_question, ["POST"]),
    ("/questions/<id:question_id>/delete", authoring.delete_question, ["POST"]),
    ("/statistics", authoring.statistics, ["GET"]),
    ("/", taking.take, ["GET", "POST"]),
    ("/preview", taking.preview, ["GET", "POST"]),
    ("/attempts/<id:attempt_id>", taking.attempt, ["GET"]),
]

for rule, view, methods in RULES:
    bp.add_url_rule(rule, view_func=view, methods=methods)
