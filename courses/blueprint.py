"""The courses blueprint; its pages live in courses/views/."""
from flask import Blueprint

bp = Blueprint("courses", __name__, url_prefix="/courses", template_folder="templates",
               static_folder="static", static_url_path="/static")


def load_views():
    from courses.views import authoring, catalogue, certificates, invitations, learning, \
        media, report  # noqa: F401
    return bp
