"""The URL table of lms.organisations: each address, the view that answers it, its methods."""
from flask import Blueprint

from lms.organisations import views

bp = Blueprint("organisations", __name__, url_prefix="/organisations")

RULES = [
    ("/", views.index, ["GET"]),
    ("/new", views.create, ["GET", "POST"]),
    ("/<slug:slug>", views.show, ["GET"]),
    ("/<slug:slug>/edit", views.edit, ["GET", "POST"]),
    ("/<slug:slug>/members", views.members, ["GET", "POST"]),
    ("/<slug:slug>/members/<id:membership_id>/approve", views.approve, ["POST"]),
    ("/<slug:slug>/members/<id:membership_id>/role", views.change_role, ["POST"]),
    ("/<slug:slug>/members/<id:membership_id>/remove", views.remove, ["POST"]),
    ("/<slug:slug>/leave", views.leave, ["POST"]),
    ("/invitations/<token>", views.accept_invitation, ["GET", "POST"]),
]

for rule, view, methods in RULES:
    bp.add_url_rule(rule, view_func=view, methods=methods)
