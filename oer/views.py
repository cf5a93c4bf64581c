"""Pages of the open educational resources plugin."""
from flask import Blueprint, render_template

from lms.permissions import require

bp = Blueprint("oer", __name__, url_prefix="/oer", template_folder="templates")


@bp.route("/")
@require("oer.view")
def index():
    return render_template("oer/index.html")
