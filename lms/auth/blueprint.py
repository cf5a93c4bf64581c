"""The URL table of lms.auth: each address, the view that answers it, its methods."""
from flask import Blueprint

from lms.auth import views

bp = Blueprint("auth", __name__)

RULES = [
    ("/signup", views.signup, ["GET", "POST"]),
    ("/signup/check-email", views.check_email, ["GET"]),
    ("/verify/<token>", views.verify_email, ["GET"]),
    ("/verify/resend", views.resend_verification, ["GET", "POST"]),
    ("/login", views.login, ["GET", "POST"]),
    ("/logout", views.logout, ["POST"]),
    ("/password/forgot", views.forgot_password, ["GET", "POST"]),
    ("/password/reset/<token>", views.reset_password, ["GET", "POST"]),
]

for rule, view, methods in RULES:
    bp.add_url_rule(rule, view_func=view, methods=methods)
