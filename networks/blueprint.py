"""The networks plugin's URL table."""
from flask import Blueprint

from networks.views import network, people, welcome

bp = Blueprint("networks", __name__, url_prefix="/networks", template_folder="templates",
               static_folder="static", static_url_path="/static")

RULES = [
    ("/", network.index, ["GET"]),
    ("/organisations", network.organisations, ["GET"]),
    ("/new", network.create, ["GET", "POST"]),
    ("/invitations/<token>", welcome.accept_invitation, ["GET", "POST"]),
    ("/<slug:slug>", network.home, ["GET"]),
    ("/<slug:slug>/activity", network.activity, ["GET"]),
    ("/<slug:slug>/edit", network.edit, ["GET", "POST"]),
    ("/<slug:slug>/logo/<digest>", network.logo, ["GET"]),
    ("/<slug:slug>/people", people.people, ["GET", "POST"]),
    ("/<slug:slug>/people/<id:person_id>/role", people.change_role, ["POST"]),
    ("/<slug:slug>/people/<id:person_id>/contact", people.change_contact, ["POST"]),
    ("/<slug:slug>/people/<id:person_id>/remove", people.remove_person, ["POST"]),
    ("/<slug:slug>/organisations/<id:member_id>/remove", people.remove_organisation, ["POST"]),
    ("/<slug:slug>/organisations/<id:member_id>/themes", people.member_themes, ["GET", "POST"]),
    ("/<slug:slug>/invitations/<id:invitation_id>/withdraw", people.withdraw_invitation, ["POST"]),
    ("/<slug:slug>/requests/<id:request_id>", people.decide, ["POST"]),
    ("/<slug:slug>/join", people.request_join, ["GET", "POST"]),
    ("/<slug:slug>/leave", people.leave, ["POST"]),
    ("/<slug:slug>/members.csv", people.export_members, ["GET"]),
]

for rule, view, methods in RULES:
    bp.add_url_rule(rule, view_func=view, methods=methods)
