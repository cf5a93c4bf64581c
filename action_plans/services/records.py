"""The kinds of plan records people edit together, for co-editing: which fields a save
carries, which are long texts (merged sentence by sentence), and what follows a change."""
from action_plans.services import text
from action_plans.services.coediting import Kind


def _render_section(section):
    section.body_html = text.render(section.body)


def _render_description(record):
    record.description_html = text.render(record.description)


SECTION = Kind("section", ("title", "body"), frozenset({"body"}), _render_section)
GOAL = Kind("goal", ("code", "title", "description", "thematic_area", "target_groups",
                     "assumptions", "risks"),
            frozenset({"description", "target_groups", "assumptions", "risks"}),
            _render_description)
ACTION = Kind("action", ("code", "title", "description", "lead_organisation_id",
                         "contact_person", "planned_start", "planned_end", "actual_start",
                         "actual_end", "status", "progress", "progress_from", "weight",
                         "priority", "budget", "funding_source", "target_group",
                         "planned_beneficiaries", "expected_outputs"),
              frozenset({"description", "expected_outputs"}), _render_description)
INDICATOR = Kind("indicator", ("code", "name", "definition", "level", "kind", "unit",
                               "direction", "baseline_value", "baseline_date", "baseline_source",
                               "target_value", "target_date", "data_source", "method",
                               "frequency", "disaggregation", "responsible_organisation_id",
                               "approver_id", "framework_reference"),
                 frozenset({"definition", "method"}))
KINDS = {kind.name: kind for kind in (SECTION, GOAL, ACTION, INDICATOR)}
