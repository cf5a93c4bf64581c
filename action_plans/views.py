"""Pages of the action plans plugin."""
from flask import render_template

from lms.permissions import require


@require("action_plans.view")
def index():
    return render_template("action_plans/index.html")
