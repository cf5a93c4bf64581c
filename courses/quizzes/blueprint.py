"""The quizzes' blueprint: pages under a course's quiz lesson."""
from flask import Blueprint

bp = Blueprint("courses_quiz", __name__, url_prefix="/courses/<slug:slug>/quizzes/<id:lesson_id>",
               template_folder="../templates")


def load_blueprint():
    from courses.quizzes import authoring, views  # noqa: F401  (they add their routes to bp)
    return bp
