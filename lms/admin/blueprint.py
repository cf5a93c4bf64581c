"""The URL table of lms.admin: each address, the view that answers it, its methods."""
from flask import Blueprint

from lms.admin import views

bp = Blueprint("admin", __name__, url_prefix="/admin")

RULES = [
    ("/users", views.users, ["GET"]),
    ("/users/<id:user_id>", views.user, ["GET", "POST"]),
    ("/users/<id:user_id>/deactivate", views.deactivate, ["POST"]),
    ("/users/<id:user_id>/reactivate", views.reactivate, ["POST"]),
    ("/audit", views.audit_log, ["GET"]),
]

for rule, view, methods in RULES:
    bp.add_url_rule(rule, view_func=view, methods=methods)
