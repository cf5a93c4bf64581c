"""The whole plan as one document (plain data), for the DOCX and PDF exports: its facts, its
narrative sections as blocks, goals with their specific objectives and actions, and indicators
with their latest approved value. Labels are in the plan's language."""
import re
from dataclasses import dataclass, field
from datetime import date

from flask_babel import force_locale, format_date, gettext as _
from sqlalchemy import select

from action_plans import ACTION_STATUS_LABELS, AREA_LABELS, PHASE_LABELS
from action_plans.models import Measurement
from action_plans.services import plans
from lms.extensions import db
from lms.i18n import LANGUAGE_NAMES
from lms.licences import licence as find_licence

BULLET = re.compile(r"^\s*[-*+]\s+")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+")
HEADING = re.compile(r"^(#{1,6})\s+")
# **bold**, *italic* or _italic_: the only inline marks the exports keep
INLINE = re.compile(r"(\*\*[^*]+\*\*|\*[^*]+\*|_[^_]+_)")
LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


@dataclass
class Block:
    """A paragraph ("p"), list item ("li", numbered or not) or heading ("h") of a text."""
    kind: str
    runs: list           # [(text, bold, italic)]
    numbered: bool = False


@dataclass
class Document:
    title: str
    language: str
    facts: list                      # [(label, value)]
    summary: str
    sections: list                   # [(title, [Block])]
    goals: list                      # [{"heading", "area", "text", "actions": [[cells]]}]
    action_headings: list
    indicators: list                 # [[cells]]
    indicator_headings: list
    labels: dict = field(default_factory=dict)


def runs(text):
    """[(text, bold, italic)] of one line of Markdown; links become "text (address)"."""
    text = LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", text)
    found = []
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            found.append((part[2:-2], True, False))
        elif len(part) > 2 and part[0] == part[-1] and part[0] in "*_":
            found.append((part[1:-1], False, True))
        else:
            found.append((part, False, False))
    return found


def blocks(markdown_text):
    """The text's paragraphs, list items and headings (what a printed plan needs)."""
    result, paragraph = [], []

    def close():
        if paragraph:
            result.append(Block("p", runs(" ".join(paragraph))))
            paragraph.clear()
    for line in (markdown_text or "").replace("\r\n", "\n").split("\n"):
        if not line.strip():
            close()
        elif HEADING.match(line):
            close()
            result.append(Block("h", runs(HEADING.sub("", line).strip())))
        elif BULLET.match(line) or NUMBERED.match(line):
            close()
            numbered = bool(NUMBERED.match(line))
            result.append(Block("li", runs((NUMBERED if numbered else BULLET).sub("", line)),
                                numbered))
        else:
            paragraph.append(line.strip())
    close()
    return result


def _number(value):
    if value is None or value == "":
        return ""
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:g}"


def _day(value):
    if isinstance(value, str) and value:
        return date.fromisoformat(value[:10])
    return value or None


def plan_document(plan):
    """The plan as it is now, in the plan's language; indicators with their latest approved
    value."""
    outline = plans.outline(plan)
    latest = {}
    for measurement in db.session.scalars(
            select(Measurement).where(
                Measurement.indicator_id.in_([i.id for i in outline["indicators"]]),
                Measurement.status == "approved")
            .order_by(Measurement.measured_on, Measurement.id)):
        latest[measurement.indicator_id] = measurement
    goals = [goal for general in outline["general"]
             for goal in [general] + outline["children"].get(general.id, [])]
    content = {
        "plan": {name: getattr(plan, name) for name in (
            "title", "territory", "period_start", "period_end", "summary", "language",
            "licence")},
        "sections": [{"title": s.title, "body": s.body} for s in outline["sections"]],
        "goals": [{"id": g.id, "parent_id": g.parent_id, "code": g.code, "title": g.title,
                   "thematic_area": g.thematic_area, "description": g.description}
                  for g in goals],
        "actions": [{"goal_id": a.goal_id, "code": a.code, "title": a.title,
                     "lead_organisation": a.lead_organisation.name if a.lead_organisation
                     else "", "planned_start": a.planned_start, "planned_end": a.planned_end,
                     "status": a.status, "progress": a.progress}
                    for actions in outline["actions"].values() for a in actions],
        "indicators": [{"id": i.id, "code": i.code, "name": i.name, "unit": i.unit,
                        "baseline_value": i.baseline_value, "target_value": i.target_value}
                       for i in outline["indicators"]],
    }
    with force_locale(plan.language):
        return _document(content, plan.network.name,
                         str(PHASE_LABELS.get(plan.phase, plan.phase)), latest)


def version_document(plan, version):
    """An adopted (or signed) version, from its snapshot alone: the same bytes for ever."""
    content = version.snapshot
    language = content["plan"].get("language") or plan.language
    with force_locale(language):
        return _document(content, plan.network.name,
                         _("Version %(number)s", number=version.number), None)


def _document(content, network_name, phase_label, latest):
    """A Document from the plan's content as plain data (live, or a version's snapshot)."""
    fields = content["plan"]
    found_licence = find_licence(fields.get("licence"))
    start, end = _day(fields.get("period_start")), _day(fields.get("period_end"))
    facts = [(_("Network"), network_name), (_("Territory"), fields.get("territory") or ""),
             (_("Period"), f"{format_date(start)} – {format_date(end)}" if start and end
              else ""),
             (_("Phase"), phase_label),
             (_("Language"), LANGUAGE_NAMES.get(fields.get("language"), "")),
             (_("Licence"), found_licence.label if found_licence else "")]
    order = {goal["id"]: goal for goal in content["goals"]}
    general = [g for g in content["goals"] if not g.get("parent_id")]
    children = {}
    for goal in content["goals"]:
        if goal.get("parent_id") in order:
            children.setdefault(goal["parent_id"], []).append(goal)
    actions = {}
    for action in content["actions"]:
        actions.setdefault(action["goal_id"], []).append(action)
    goals = []
    for top in general:
        for goal in [top] + children.get(top["id"], []):
            goals.append({
                "heading": f"{goal['code']} {goal['title']}".strip(),
                "general": not goal.get("parent_id"),
                "area": str(AREA_LABELS.get(goal.get("thematic_area"), "")),
                "text": blocks(goal.get("description")),
                "actions": [[a["code"], a["title"], a.get("lead_organisation") or "",
                             _dates(_day(a.get("planned_start")), _day(a.get("planned_end"))),
                             str(ACTION_STATUS_LABELS.get(a["status"], a["status"])),
                             f"{a['progress']} %"] for a in actions.get(goal["id"], [])]})
    headings = [_("Code"), _("Indicator"), _("Unit"), _("Baseline"), _("Target")]
    indicators = []
    for indicator in content["indicators"]:
        row = [indicator["code"], indicator["name"], indicator.get("unit") or "",
               _number(indicator.get("baseline_value")), _number(indicator.get("target_value"))]
        if latest is not None:
            last = latest.get(indicator["id"])
            row.append(f"{_number(last.value)} ({format_date(last.measured_on)})" if last
                       else "")
        indicators.append(row)
    if latest is not None:
        headings.append(_("Latest approved value"))
    return Document(
        title=fields["title"], language=fields.get("language") or "en",
        facts=[(label, value) for label, value in facts if value],
        summary=fields.get("summary") or "",
        sections=[(section["title"], blocks(section.get("body"))) for section in
                  content["sections"]],
        goals=goals,
        action_headings=[_("Code"), _("Action"), _("Lead"), _("Period"), _("Status"),
                         _("Progress")],
        indicators=indicators, indicator_headings=headings,
        labels={"sections": _("Sections"), "goals": _("Goals and actions"),
                "indicators": _("Indicators"), "area": _("Thematic area")})


def _dates(start, end):
    if not start and not end:
        return ""
    return f"{format_date(start) if start else '…'} – {format_date(end) if end else '…'}"


__all__ = ["Block", "Document", "blocks", "plan_document", "runs", "version_document"]
