"""The URL table of action_plans: each address, the view that answers it, its methods."""
from flask import Blueprint

from action_plans.views import (actions, adoption, comments, documents, exchange, goals,
                                indicators, measurements, plans, sections, tracking)

bp = Blueprint("action_plans", __name__, url_prefix="/action-plans", template_folder="templates",
               static_folder="static")

GOAL = "/<slug:slug>/goals/<id:goal_id>"
ACTION = "/<slug:slug>/actions/<id:action_id>"

RULES = [
    ("/", plans.index, ["GET"]),
    ("/new", plans.new, ["GET", "POST"]),
    ("/<slug:slug>/", plans.show, ["GET"]),
    ("/<slug:slug>/dashboard", tracking.dashboard, ["GET"]),
    ("/<slug:slug>/timeline", tracking.actions_timeline, ["GET"]),
    ("/<slug:slug>/plan.pdf", documents.plan_pdf, ["GET"]),
    ("/<slug:slug>/plan.docx", documents.plan_docx, ["GET"]),
    ("/<slug:slug>/versions/<id:number>/plan.pdf", documents.version_pdf, ["GET"]),
    ("/<slug:slug>/versions/<id:number>/plan.docx", documents.version_docx, ["GET"]),
    ("/<slug:slug>/actions.csv", exchange.export_actions, ["GET"]),
    ("/<slug:slug>/indicators.csv", exchange.export_indicators, ["GET"]),
    ("/<slug:slug>/import", exchange.import_table, ["GET", "POST"]),
    ("/<slug:slug>/sections/new", sections.add_section, ["GET", "POST"]),
    ("/<slug:slug>/sections/<id:section_id>/", sections.show_section, ["GET"]),
    ("/<slug:slug>/sections/<id:section_id>/comments", comments.comment_on_section, ["POST"]),
    ("/<slug:slug>/sections/<id:section_id>/edit", sections.edit_section, ["GET", "POST"]),
    ("/<slug:slug>/sections/<id:section_id>/presence", sections.section_presence, ["GET"]),
    ("/<slug:slug>/sections/<id:section_id>/history", sections.section_history, ["GET"]),
    ("/<slug:slug>/sections/<id:section_id>/history/<id:revision_id>/restore",
     sections.restore_section, ["POST"]),
    # adoption: phases, the frozen versions every partner signs, and reading/comparing them
    ("/<slug:slug>/adoption/", adoption.adoption_page, ["GET"]),
    ("/<slug:slug>/adoption/phase", adoption.set_phase, ["POST"]),
    ("/<slug:slug>/adoption/visibility", adoption.set_visibility, ["POST"]),
    ("/<slug:slug>/adoption/start", adoption.start_adoption, ["POST"]),
    ("/<slug:slug>/adoption/signatory", adoption.name_signatory, ["POST"]),
    ("/<slug:slug>/versions/", adoption.versions, ["GET"]),
    ("/<slug:slug>/versions/compare", adoption.compare_versions, ["GET"]),
    ("/<slug:slug>/versions/<id:number>/", adoption.show_version, ["GET"]),
    ("/<slug:slug>/versions/<id:number>/sign", adoption.sign, ["GET", "POST"]),
    # goals and actions
    ("/<slug:slug>/goals/new", goals.add_goal, ["GET", "POST"]),
    ("/<slug:slug>/goals/from-blueprint", plans.add_template, ["GET", "POST"]),
    (GOAL + "/", goals.show_goal, ["GET"]),
    (GOAL + "/comments", comments.comment_on_goal, ["POST"]),
    (GOAL + "/edit", goals.edit_goal, ["GET", "POST"]),
    (GOAL + "/presence", goals.goal_presence, ["GET"]),
    (GOAL + "/history", goals.goal_history, ["GET"]),
    (GOAL + "/history/<id:revision_id>/restore", goals.restore_goal, ["POST"]),
    (GOAL + "/move/<any(up,down):direction>", goals.move_goal, ["POST"]),
    (GOAL + "/delete", goals.delete_goal, ["GET", "POST"]),
    (GOAL + "/actions/new", actions.add_action, ["GET", "POST"]),
    (ACTION + "/", actions.show_action, ["GET"]),
    (ACTION + "/comments", comments.comment_on_action, ["POST"]),
    (ACTION + "/edit", actions.edit_action, ["GET", "POST"]),
    (ACTION + "/presence", actions.action_presence, ["GET"]),
    (ACTION + "/history", actions.action_history, ["GET"]),
    (ACTION + "/history/<id:revision_id>/restore", actions.restore_action, ["POST"]),
    (ACTION + "/delete", actions.delete_action, ["GET", "POST"]),
    (ACTION + "/partners", actions.add_partner, ["POST"]),
    (ACTION + "/partners/<id:organisation_id>/remove", actions.remove_partner, ["POST"]),
    (ACTION + "/milestones", actions.add_milestone, ["POST"]),
    (ACTION + "/milestones/<id:milestone_id>/toggle", actions.toggle_milestone, ["POST"]),
    (ACTION + "/milestones/<id:milestone_id>/delete", actions.delete_milestone, ["POST"]),
    (ACTION + "/dependencies", actions.set_dependencies, ["POST"]),
    (ACTION + "/updates", actions.add_update, ["POST"]),
    # comments: replies, editing, resolve and reopen (a new thread is posted on its record, above)
    ("/<slug:slug>/comments/<id:comment_id>/reply", comments.reply, ["POST"]),
    ("/<slug:slug>/comments/<id:comment_id>/edit", comments.edit, ["GET", "POST"]),
    ("/<slug:slug>/comments/<id:comment_id>/resolve", comments.resolve, ["POST"]),
    ("/<slug:slug>/comments/<id:comment_id>/reopen", comments.reopen, ["POST"]),
    # indicators and their measurements
    ("/<slug:slug>/indicators/new", indicators.new_indicator, ["GET", "POST"]),
    ("/<slug:slug>/indicators/<id:indicator_id>/", indicators.show_indicator, ["GET"]),
    ("/<slug:slug>/indicators/<id:indicator_id>/comments", comments.comment_on_indicator,
     ["POST"]),
    ("/<slug:slug>/indicators/<id:indicator_id>/edit", indicators.edit_indicator,
     ["GET", "POST"]),
    ("/<slug:slug>/indicators/<id:indicator_id>/presence", indicators.indicator_presence,
     ["GET"]),
    ("/<slug:slug>/indicators/<id:indicator_id>/history", indicators.indicator_history, ["GET"]),
    ("/<slug:slug>/indicators/<id:indicator_id>/history/<id:revision_id>/restore",
     indicators.restore_indicator, ["POST"]),
    ("/<slug:slug>/indicators/<id:indicator_id>/delete", indicators.delete_indicator,
     ["GET", "POST"]),
    ("/<slug:slug>/indicators/<id:indicator_id>/measurements/new", measurements.new_measurement,
     ["GET", "POST"]),
    ("/<slug:slug>/indicators/<id:indicator_id>/measurements/<id:measurement_id>/edit",
     measurements.edit_measurement, ["GET", "POST"]),
    ("/<slug:slug>/indicators/<id:indicator_id>/measurements/<id:measurement_id>/review",
     measurements.review_measurement, ["POST"]),
    ("/<slug:slug>/indicators/<id:indicator_id>/measurements/<id:measurement_id>/evidence",
     measurements.measurement_evidence, ["GET"]),
]

for rule, view, methods in RULES:
    bp.add_url_rule(rule, view_func=view, methods=methods)
bp.add_app_template_filter(indicators.number, "indicator_number")
