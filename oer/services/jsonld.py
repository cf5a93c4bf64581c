"""A release as JSON-LD: valid against the AMB profile and a schema.org LearningResource."""
from flask import current_app, url_for

from lms.licences import licence as find_licence
from lms.publishing import RESOURCE_TYPES

AMB_CONTEXT = "https://w3id.org/kim/amb/context.jsonld"
# schema.org types besides LearningResource, per resource type, from those AMB allows (a
# good-practice blueprint is a case study told as steps: a HowTo); a type without one is a
# LearningResource alone (AMB does not allow CreativeWork itself)
SCHEMA_TYPES = {"course": "Course", "case_study": "HowTo", "guide": "Guide",
                "assessment": "Quiz"}


def landing_url(release):
    return url_for("oer.release", slug=release.item.slug, number=release.number,
                   _external=True)


def download_url(release, package):
    return url_for("oer.download", slug=release.item.slug, number=release.number,
                   filename=package.filename, _external=True)


def timestamp(moment):
    """ISO 8601 with a time zone, as the AMB profile wants (stored times are naive UTC)."""
    return moment.replace(microsecond=0).isoformat() + "Z"


def for_release(release, packages=None):
    """The release's metadata; `packages` defaults to the release's (none once withdrawn)."""
    snapshot = release.snapshot
    packages = release.packages if packages is None else packages
    organisations = [{"type": "Organization", "name": name}
                     for name in snapshot.get("organisations", [])]
    creators = [{"type": "Person", "name": name} for name in snapshot.get("authors", [])]
    if len(organisations) == 1:
        for creator in creators:
            creator["affiliation"] = organisations[0]
    resource_type = RESOURCE_TYPES.get(release.resource_type, RESOURCE_TYPES["text"])
    data = {
        "@context": ["https://schema.org", AMB_CONTEXT, {"@language": release.language}],
        "id": landing_url(release),
        "type": ["LearningResource"] + ([SCHEMA_TYPES[release.resource_type]]
                                        if release.resource_type in SCHEMA_TYPES else []),
        "name": release.title,
        "inLanguage": [release.language],
        "learningResourceType": [{"id": resource_type}],
        "isAccessibleForFree": True,
        "dateCreated": timestamp(release.item.created_at),
        "datePublished": timestamp(release.published_at),
        "publisher": [{"type": "Organization", "name": current_app.config["SITE_NAME"],
                       "id": url_for("core.home", _external=True)}],
        "version": str(release.number),
    }
    if release.description:
        data["description"] = release.description
    found = find_licence(release.licence)
    if found is not None:
        data["license"] = {"id": found.url}
    if creators:
        data["creator"] = creators
    if organisations:
        data["sourceOrganization"] = organisations
    if snapshot.get("keywords"):
        data["keywords"] = list(snapshot["keywords"])
    if release.withdrawn:
        data["dateModified"] = timestamp(release.withdrawn_at)
    encodings = [{"type": "MediaObject", "contentUrl": download_url(release, package),
                  "encodingFormat": package.media_type, "contentSize": str(package.size),
                  "sha256": package.sha256} for package in packages]
    if encodings:
        data["encoding"] = encodings
    return data
