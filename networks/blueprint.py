"""The networks plugin's URL table."""
from flask import Blueprint

from networks import people, views, welcome

bp = Blueprint("networks", __name__, url_prefix="/networks", template_folder="templates",
               static_folder="static", static_url_path="/static")

RULES = [
    ("/", views.index, ["GET"]),
    ("/organisations", views.organisations, ["GET"]),
    ("/new", views.create, ["GET", "POST"]),
    ("/invitations/<token>", welcome.accept_invitation, ["GET", "POST"]),
    ("/<slug>", views.home, ["GET"]),
    ("/<slug>/activity", views.activity, ["GET"]),
    ("/<slug>/edit", views.edit, ["GET", "POST"]),
    ("/<slug>/logo/<digest>", views.logo, ["GET"]),
    ("/<slug>/people", people.people, ["GET", "POST"]),
    ("/<slug>/people/<int:person_id>/role", people.change_role, ["POST"]),
    ("/<slug>/people/<int:person_id>/contact", people.change_contact, ["POST"]),
    ("/<slug>/people/<int:person_id>/remove", people.remove_person, ["POST"]),
    ("/<slug>/organisations/<int:member_id>/remove", people.remove_organisation, ["POST"]),
    ("/<slug>/organisations/<int:member_id>/themes", people.member_themes, ["GET", "POST"]),
    ("/<slug>/invitations/<int:invitation_id>/withdraw", people.withdraw_invitation, ["POST"]),
    ("/<slug>/requests/<int:request_id>", people.decide, ["POST"]),
    ("/<slug>/join", people.request_join, ["GET", "POST"]),
    ("/<slug>/leave", people.leave, ["POST"]),
    ("/<slug>/members.csv", people.export_members, ["GET"]),
]

for rule, view, methods in RULES:
    bp.add_url_rule(rule, view_func=view, methods=methods)
