"""The toolkit's blueprint; views.py, authoring.py and resource_views.py add its routes."""
from flask import Blueprint

bp = Blueprint("courses_toolkit", __name__, url_prefix="/toolkit",
               template_folder="../templates", static_folder="static",
               static_url_path="/static")


def load_blueprint():
    from courses.toolkit import authoring, resource_views, views  # noqa: F401  (routes on bp)
    return bp
