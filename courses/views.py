"""Pages of the courses plugin."""
from flask import Blueprint, render_template

from lms.permissions import require

bp = Blueprint("courses", __name__, url_prefix="/courses", template_folder="templates")


@bp.route("/")
@require("courses.view")
def index():
    return render_template("courses/index.html")


@bp.route("/<slug>")
@require("courses.view_course")
def show(slug):
    return render_template("courses/index.html")


@bp.route("/my")
@require("courses.enrol")
def dashboard():
    return render_template("courses/index.html")
