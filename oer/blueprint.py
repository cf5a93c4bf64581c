"""The URL table of oer: each address, the view that answers it, its methods."""
from flask import Blueprint

from oer import feeds, oai
from oer.blueprints import views as blueprints
from oer.views import catalogue, publish, releases

bp = Blueprint("oer", __name__, url_prefix="/oer", template_folder="templates",
               static_folder="static")

RULES = [
    ("/", catalogue.index, ["GET"]),
    ("/publish/<kind_name>/<key>", publish.publish, ["GET", "POST"]),
    ("/builds/<id:build_id>", publish.build, ["GET"]),
    ("/builds/<id:build_id>.json", publish.build_status, ["GET"]),
    ("/<slug:slug>/v<id:number>/withdraw", publish.withdraw, ["POST"]),
    ("/<slug:slug>/", releases.release_current, ["GET"]),
    ("/<slug:slug>/v<id:number>/", releases.release, ["GET"]),
    ("/<slug:slug>/v<id:number>/<filename>", releases.download, ["GET"]),
    ("/feed.atom", feeds.feed, ["GET"]),
    ("/blueprints/", blueprints.my_blueprints, ["GET"]),
    ("/blueprints/new", blueprints.blueprint_new, ["GET", "POST"]),
    ("/blueprints/<id:blueprint_id>/edit", blueprints.blueprint_edit, ["GET", "POST"]),
    ("/blueprints/<id:blueprint_id>/", blueprints.blueprint_show, ["GET"]),
    ("/blueprints/<id:blueprint_id>/submit", blueprints.blueprint_submit, ["POST"]),
    ("/blueprints/<id:blueprint_id>/retract", blueprints.blueprint_retract, ["POST"]),
    ("/blueprints/review/", blueprints.review_queue, ["GET"]),
    ("/blueprints/<id:blueprint_id>/review", blueprints.blueprint_review, ["GET", "POST"]),
]

for rule, view, methods in RULES:
    bp.add_url_rule(rule, view_func=view, methods=methods)

# OAI-PMH answers at the site's root, /oai, where harvesters look for it
oai_bp = Blueprint("oer_oai", __name__)
OAI_RULES = [
    ("/oai", oai.endpoint, ["GET", "POST"]),
]
for rule, view, methods in OAI_RULES:
    oai_bp.add_url_rule(rule, view_func=view, methods=methods)
