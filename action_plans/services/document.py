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
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def plan_document(plan):
    """The plan as it is now, as a Document in the plan's language."""
    outline = plans.outline(plan)
    latest = {}
    for measurement in db.session.scalars(
            select(Measurement).where(
                Measurement.indicator_id.in_([i.id for i in outline["indicators"]]),
                Measurement.status == "approved")
            .order_by(Measurement.measured_on, Measurement.id)):
        latest[measurement.indicator_id] = measurement
    with force_locale(plan.language):
        found_licence = find_licence(plan.licence)
        facts = [(_("Network"), plan.network.name), (_("Territory"), plan.territory),
                 (_("Period"), f"{format_date(plan.period_start)} – "
                               f"{format_date(plan.period_end)}"),
                 (_("Phase"), str(PHASE_LABELS.get(plan.phase, plan.phase))),
                 (_("Language"), LANGUAGE_NAMES.get(plan.language, plan.language)),
                 (_("Licence"), found_licence.label if found_licence else plan.licence)]
        goals = []
        for general in outline["general"]:
            for goal in [general] + outline["children"].get(general.id, []):
                goals.append({
                    "heading": f"{goal.code} {goal.title}".strip(),
                    "general": goal.parent_id is None,
                    "area": str(AREA_LABELS.get(goal.thematic_area, "")) if
                    goal.thematic_area else "",
                    "text": blocks(goal.description),
                    "actions": [[a.code, a.title,
                                 a.lead_organisation.name if a.lead_organisation else "",
                                 _dates(a.planned_start, a.planned_end),
                                 str(ACTION_STATUS_LABELS.get(a.status, a.status)),
                                 f"{a.progress} %"]
                                for a in outline["actions"].get(goal.id, [])]})
        indicators = []
        for indicator in outline["indicators"]:
            last = latest.get(indicator.id)
            indicators.append([
                indicator.code, indicator.name, indicator.unit,
                _number(indicator.baseline_value), _number(indicator.target_value),
                f"{_number(last.value)} ({format_date(last.measured_on)})" if last else ""])
        return Document(
            title=plan.title, language=plan.language,
            facts=[(label, value) for label, value in facts if value],
            summary=plan.summary,
            sections=[(section.title, blocks(section.body)) for section in outline["sections"]],
            goals=goals,
            action_headings=[_("Code"), _("Action"), _("Lead"), _("Period"), _("Status"),
                             _("Progress")],
            indicators=indicators,
            indicator_headings=[_("Code"), _("Indicator"), _("Unit"), _("Baseline"),
                                _("Target"), _("Latest approved value")],
            labels={"sections": _("Sections"), "goals": _("Goals and actions"),
                    "indicators": _("Indicators"), "area": _("Thematic area")})


def _dates(start, end):
    if not start and not end:
        return ""
    return f"{format_date(start) if start else '…'} – {format_date(end) if end else '…'}"


__all__ = ["Block", "Document", "blocks", "plan_document", "runs", "date"]
