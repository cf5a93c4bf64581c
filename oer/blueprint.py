"""The URL table of oer: each address, the view that answers it, its methods."""
from flask import Blueprint

from oer.views import catalogue, feeds, oai, practices, publish, releases

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
    ("/blueprints/", practices.my_blueprints, ["GET"]),
    ("/blueprints/new", practices.blueprint_new, ["GET", "POST"]),
    ("/blueprints/<id:blueprint_id>/edit", practices.blueprint_edit, ["GET", "POST"]),
    ("/blueprints/<id:blueprint_id>/", practices.blueprint_show, ["GET"]),
    ("/blueprints/<id:blueprint_id>/submit", practices.blueprint_submit, ["POST"]),
    ("/blueprints/<id:blueprint_id>/retract", practices.blueprint_retract, ["POST"]),
    ("/blueprints/review/", practices.review_queue, ["GET"]),
    ("/blueprints/<id:blueprint_id>/review", practices.blueprint_review, ["GET", "POST"]),
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
