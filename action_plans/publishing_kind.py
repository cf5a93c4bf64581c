"""Adopted public plans as publishable content (`action_plans.plan`): the version in force, read
from its frozen snapshot, as pages of HTML (its sections, one page per general goal with its
specific objectives and actions, its indicators)."""
from flask import render_template
from flask_babel import force_locale, format_date, gettext as _
from sqlalchemy import select

from action_plans import ACTION_STATUS_LABELS, AREA_LABELS, PARTNER_ROLE_LABELS
from action_plans.demo import TITLE as DEMO_TITLE
from action_plans.indicator_terms import LEVEL_LABELS, UNIT_LABELS
from action_plans.models import Plan
from action_plans.services import publication
from action_plans.services.publication import day, goal_pages
from lms.converters import id_from
from lms.extensions import db
from lms.permissions import can
from lms.publishing import Part, PublishableKind, Snapshot
from lms.urls import external_url


class PlanKind(PublishableKind):
    name = "action_plans.plan"
    formats = ("html", "epub", "pdf")

    @property
    def label(self):
        return _("Action plan")

    def load(self, key):
        found = id_from(key)
        return db.session.get(Plan, found) if found is not None else None

    def key(self, item):
        return str(item.id)

    def title(self, item):
        return item.title

    def may_publish(self, user, item):
        """The plan's coordinators and editors (who manage its phases)."""
        return can(user, "action_plans.edit_plan", item)

    def candidates(self, user):
        return [plan for plan in publication.adopted_plans() if self.may_publish(user, plan)]

    def missing(self, item):
        return publication.missing(item)

    def demo_items(self):
        """The demo's plan in implementation (adopted, public)."""
        plan = db.session.scalar(select(Plan).where(Plan.title == DEMO_TITLE))
        return [plan] if plan is not None else []

    def snapshot(self, item):
        version = publication.adopted_version(item)
        content = version.snapshot
        fields = content["plan"]
        language = fields.get("language") or item.language
        with force_locale(language):
            parts = self._parts(content)
            areas = list(dict.fromkeys(
                str(AREA_LABELS[goal["thematic_area"]]) for goal in content.get("goals", [])
                if goal.get("thematic_area") in AREA_LABELS))
            details = self._details(item, version, fields)
        return Snapshot(
            kind=self.name, key=self.key(item), title=fields["title"],
            description=(fields.get("summary") or "").strip(), language=language,
            licence=fields.get("licence") or "",
            source_url=external_url("action_plans.show_version", slug=item.slug,
                                    number=version.number),
            organisations=publication.signing_organisations(version), keywords=areas,
            resource_type="text", details=details, parts=parts)

    def _parts(self, content):
        parts = [Part(id=f"section-{section['id']}", title=section["title"],
                      html=section["body_html"])
                 for section in content.get("sections", []) if section.get("body_html")]
        goals = [Part(id=f"goal-{general['id']}", title=f"{general['code']} {general['title']}",
                      html=render_template("action_plans/publication/goal.html", goals=goals,
                                           areas=AREA_LABELS, roles=PARTNER_ROLE_LABELS,
                                           statuses=ACTION_STATUS_LABELS, day=day))
                 for general, goals in goal_pages(content)]
        if goals:
            parts.append(Part(id="goals", kind="section", title=_("Goals and actions"),
                              parts=goals))
        if content.get("indicators"):
            parts.append(Part(id="indicators", title=_("Indicators"), html=render_template(
                "action_plans/publication/indicators.html", indicators=content["indicators"],
                units=UNIT_LABELS, levels=LEVEL_LABELS, day=day)))
        return parts

    def _details(self, item, version, fields):
        start, end = day(fields.get("period_start")), day(fields.get("period_end"))
        details = [(_("Network"), item.network.name)]
        if fields.get("territory"):
            details.append((_("Territory"), fields["territory"]))
        if start and end:
            details.append((_("Period"), f"{format_date(start)} – {format_date(end)}"))
        details.append((_("Adopted version"), _(
            "Version %(number)s, adopted on %(date)s", number=version.number,
            date=format_date(version.adopted_at.date()) if version.adopted_at else "")))
        return details
