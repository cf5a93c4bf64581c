"""The URL table of action_plans: each address, the view that answers it, its methods."""
from flask import Blueprint

from action_plans import views

bp = Blueprint("action_plans", __name__, url_prefix="/action-plans", template_folder="templates")

RULES = [
    ("/", views.index, ["GET"]),
]

for rule, view, methods in RULES:
    bp.add_url_rule(rule, view_func=view, methods=methods)
