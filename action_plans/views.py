"""Pages of the action plans plugin."""
from flask import Blueprint, render_template

from lms.permissions import require

bp = Blueprint("action_plans", __name__, url_prefix="/action-plans", template_folder="templates")


@bp.route("/")
@require("action_plans.view")
def index():
    return render_template("action_plans/index.html")
