"""The public catalogue of open educational resources."""
from flask import render_template

from lms.permissions import require
from oer.blueprint import bp


@bp.route("/")
@require("oer.view")
def index():
    return render_template("oer/index.html")
