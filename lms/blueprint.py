"""The URL table of lms: each address, the view that answers it, its methods."""
from flask import Blueprint

from lms import core

bp = Blueprint("core", __name__)

RULES = [
    ("/", core.home, ["GET"]),
    ("/sitemap.xml", core.sitemap, ["GET"]),
    ("/healthz", core.healthz, ["GET"]),
    ("/language/<code>", core.set_language, ["GET"]),
]

for rule, view, methods in RULES:
    bp.add_url_rule(rule, view_func=view, methods=methods)
