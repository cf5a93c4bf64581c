"""The registry of plan templates: published good practices a new plan can start from.

A plugin that holds such practices (the OER plugin's good-practice blueprints) returns
`TemplateSource`s from `Plugin.plan_templates()`; a plugin that starts plans (action_plans)
lists and finds them here, by the identifier `<source name>:<key>`. Neither imports the other,
and without a source a plan simply cannot start from a template.

A template is plain data: its steps (each becomes a draft action) and its actors (the kinds of
organisation that take part, which become suggested partner roles, never organisations).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app


@dataclass
class TemplateStep:
    title: str                      # plain text, at most 200 characters
    text: str = ""                  # Markdown source, sanitised by whoever renders it
    duration: str = ""              # plain text ("3 months"), "" when the template says none


@dataclass
class TemplateActor:
    kind: str                       # a kind of lms.models.organisation.ORGANISATION_TYPES
    label: str                      # its name in the template's language


@dataclass
class PlanTemplate:
    source: str                     # the TemplateSource's name
    key: str                        # the template's identity inside its source
    title: str
    summary: str = ""               # plain text
    language: str = "en"
    url: str = ""                   # where the template can be read
    steps: list[TemplateStep] = field(default_factory=list)
    actors: list[TemplateActor] = field(default_factory=list)

    @property
    def identifier(self):
        return f"{self.source}:{self.key}"


class TemplateSource:
    """Subclass this in the plugin that holds the templates; return instances from
    `Plugin.plan_templates()`. `name` is prefixed with the plugin's name (`oer.blueprint`)."""
    name: str = ""

    def templates(self) -> list[PlanTemplate]:
        """Every published template, for a choice list (in a fixed number of queries)."""
        raise NotImplementedError

    def template(self, key: str) -> PlanTemplate | None:
        """The published template with this key, or None for any other text (keys come from
        forms: read ids with `lms.converters.id_from()`)."""
        raise NotImplementedError


def sources(app=None) -> dict[str, TemplateSource]:
    """The template sources of the enabled plugins, by name."""
    return (app or current_app).extensions.get("lms_plan_templates", {})


def available() -> list[PlanTemplate]:
    """Every template of every source, by title."""
    found = [template for source in sources().values() for template in source.templates()]
    return sorted(found, key=lambda template: (template.title.casefold(), template.identifier))


def find(identifier: str) -> PlanTemplate | None:
    """The template `<source>:<key>`, or None (an unknown source or key, any other text)."""
    name, _colon, key = str(identifier or "").rpartition(":")
    source = sources().get(name)
    return source.template(key) if source is not None and key else None
