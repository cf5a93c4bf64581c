"""Pages of the networks plugin."""
from flask import Blueprint, render_template

from lms.permissions import require

bp = Blueprint("networks", __name__, url_prefix="/networks", template_folder="templates")


@bp.route("/")
@require("networks.view")
def index():
    return render_template("networks/index.html")
