"""The oer blueprint; its pages live in oer/views/ (one module per area)."""
from flask import Blueprint

bp = Blueprint("oer", __name__, url_prefix="/oer", template_folder="templates",
               static_folder="static")


def load_views():
    from oer import feeds  # noqa: F401
    from oer.blueprints import views as blueprints  # noqa: F401
    from oer.views import catalogue, publish, releases  # noqa: F401
    return bp
