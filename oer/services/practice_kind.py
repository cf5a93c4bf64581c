"""Good practices as publishable content (`oer.blueprint`): one page per section of the text."""
from flask_babel import force_locale, gettext as _
from markupsafe import escape as markup_escape

from lms.converters import id_from
from lms.extensions import db
from lms.organisations import KIND_LABELS
from lms.permissions import can
from lms.publishing import Part, PublishableKind, Snapshot
from lms.urls import external_url
from oer.models import Practice
from oer.services import practices as services
from oer.vocabulary import INTEGRATION_AREAS, LEVELS, countries


def section_titles():
    """(field, title) of the sections of a blueprint's text, in reading order."""
    return [("context", _("Context")), ("problem", _("The problem addressed")),
            ("actors", _("Who is involved")), ("steps", _("Steps")),
            ("resources", _("Resources needed")), ("success_factors", _("Success factors")),
            ("challenges", _("Challenges")), ("evidence", _("Evidence and evaluation")),
            ("transferability", _("Transferring it elsewhere"))]


def actor_labels(blueprint):
    return [str(KIND_LABELS[kind]) for kind in blueprint.actor_types if kind in KIND_LABELS]


def section_html(blueprint, name):
    """The sanitised HTML of one section ("" when it is empty)."""
    if name == "steps":
        if not blueprint.steps:
            return ""
        return "<ol>" + "".join(f"<li>{step}</li>" for step in blueprint.steps) + "</ol>"
    if name == "actors":
        labels = actor_labels(blueprint)
        listed = "<ul>" + "".join(f"<li>{escape(label)}</li>" for label in labels) + "</ul>" \
            if labels else ""
        return listed + blueprint.actors
    return getattr(blueprint, name)


def escape(text):
    return str(markup_escape(text))


class PracticeKind(PublishableKind):
    name = "oer.blueprint"
    formats = ("html", "epub", "pdf")

    @property
    def label(self):
        return _("Good-practice blueprint")

    def load(self, key):
        found = id_from(key)
        return db.session.get(Practice, found) if found is not None else None

    def key(self, item):
        return str(item.id)

    def title(self, item):
        return item.title

    def may_publish(self, user, item):
        return can(user, "oer.review_blueprint", item)

    def candidates(self, user):
        """None: blueprints are published from their review page, which records the
        decision in the blueprint's review history."""
        return []

    def missing(self, item):
        found = services.missing(item)
        if item.status == "draft":
            found.append(_("The blueprint has not been submitted for review."))
        return found

    def published(self, item, user, number):
        """However it was published (its review page or the publishing page), the blueprint
        is marked published and the decision is kept in its review history."""
        services.mark_published(item, user, getattr(item, "publication_note", ""))

    def withdrawn(self, item, user, current_number):
        if current_number is None:
            services.mark_withdrawn(item, user)

    def snapshot(self, item):
        with force_locale(item.language):
            parts = [Part(id=name.replace("_", "-"), title=title, kind="page",
                          html=section_html(item, name))
                     for name, title in section_titles() if section_html(item, name)]
            details = self._details(item)
            keywords = [str(INTEGRATION_AREAS[item.integration_area])] \
                if item.integration_area in INTEGRATION_AREAS else []
        return Snapshot(
            kind=self.name, key=self.key(item), title=item.title,
            description=item.summary.strip(), language=item.language, licence=item.licence,
            source_url=external_url("oer.blueprint_show", blueprint_id=item.id),
            authors=[user.display_name for user in item.authors],
            organisations=[item.organisation.name] if item.organisation else [],
            keywords=keywords, resource_type="case_study",
            facets={"integration_area": item.integration_area, "country": item.country,
                    "level": item.level},
            details=details, parts=parts)

    def _details(self, item):
        details = []
        if item.integration_area in INTEGRATION_AREAS:
            details.append((_("Integration area"), str(INTEGRATION_AREAS[item.integration_area])))
        if item.level in LEVELS:
            details.append((_("Level"), str(LEVELS[item.level])))
        if item.country:
            details.append((_("Country"), countries(item.language).get(item.country,
                                                                        item.country)))
        if item.actor_types:
            details.append((_("Organisations involved"), ", ".join(actor_labels(item))))
        if item.contact.strip():
            details.append((_("Contact"), item.contact.strip()))
        return details
