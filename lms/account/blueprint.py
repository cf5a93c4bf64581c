"""The URL table of lms.account: each address, the view that answers it, its methods."""
from flask import Blueprint

from lms.account import views

bp = Blueprint("account", __name__, url_prefix="/account")

RULES = [
    ("/", views.profile, ["GET", "POST"]),
    ("/password", views.change_password, ["GET", "POST"]),
]

for rule, view, methods in RULES:
    bp.add_url_rule(rule, view_func=view, methods=methods)
