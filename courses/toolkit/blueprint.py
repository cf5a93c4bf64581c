"""The toolkit's blueprint; its routes live in views.py (learners) and authoring.py (trainers)."""
from flask import Blueprint

bp = Blueprint("courses_toolkit", __name__, url_prefix="/toolkit",
               template_folder="../templates", static_folder="static",
               static_url_path="/static")


def load_blueprint():
    from courses.toolkit import authoring, views  # noqa: F401  (they add their routes to bp)
    return bp
