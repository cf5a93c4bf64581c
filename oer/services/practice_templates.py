"""Published good practices as plan templates (`lms.plan_templates`): each step of a blueprint
becomes a step of the template, its kinds of organisation its actors."""
import re

from flask_babel import force_locale
from markupsafe import Markup
from sqlalchemy import select

from lms.converters import id_from
from lms.extensions import db
from lms.markup import paragraphs
from lms.organisations import KIND_LABELS
from lms.plan_templates import PlanTemplate, TemplateActor, TemplateSource, TemplateStep
from lms.urls import external_url
from oer.models import Practice

# a step's title is its text up to the first colon or full stop, when that is short enough
LEAD = re.compile(r"^(.{3,120}?)[:.!?](\s|$)", re.S)
TITLE_LENGTH = 200


def step_title(html):
    """A short title for a step: its lead-in ("Map what exists: …"), else its first words."""
    text = " ".join(Markup(html).striptags().split())
    found = LEAD.match(text)
    if found:
        return found.group(1).strip()
    if len(text) <= TITLE_LENGTH:
        return text
    return text[:TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"


class PracticeTemplates(TemplateSource):
    """Blueprints whose working copy is their newest release (status "published"): one that
    is edited again after publication is offered once its new text is published."""
    name = "oer.blueprint"

    def templates(self):
        found = db.session.scalars(select(Practice).where(Practice.status == "published")
                                   .order_by(Practice.title, Practice.id)).all()
        return [self._template(practice) for practice in found]

    def template(self, key):
        found = id_from(key)
        practice = db.session.get(Practice, found) if found is not None else None
        if practice is None or practice.status != "published":
            return None
        return self._template(practice)

    def _template(self, practice):
        sources = paragraphs(practice.steps_source)
        steps = [TemplateStep(title=step_title(html),
                              text=sources[number] if number < len(sources) else "")
                 for number, html in enumerate(practice.steps)]
        with force_locale(practice.language):
            actors = [TemplateActor(kind=kind, label=str(KIND_LABELS[kind]))
                      for kind in practice.actor_types if kind in KIND_LABELS]
        return PlanTemplate(source=self.name, key=str(practice.id), title=practice.title,
                            summary=practice.summary.strip(), language=practice.language,
                            url=external_url("oer.blueprint_show", blueprint_id=practice.id),
                            steps=steps, actors=actors)
