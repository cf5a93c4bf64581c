"""The JSON-LD in each release page: valid AMB and a schema.org LearningResource at once."""
import json
import re

import pytest

from lms.publishing import RESOURCE_TYPES
from tests.conftest import IN_CI, STANDARDS
from tests.oer.publishing_helpers import (  # noqa: F401  (fixtures)
    builders, make_course, publish_url, ready_course, releases)

AMB = STANDARDS / "amb" / "schemas"


@pytest.fixture(scope="module")
def amb_validator():
    if not AMB.is_dir():
        if IN_CI:
            pytest.fail(f"the AMB schemas are missing at {AMB} and CI=true")
        pytest.skip(f"the AMB schemas are not at {AMB} (a clone without ../shared/standards)")
    from jsonschema import Draft7Validator, FormatChecker
    from referencing import Registry, Resource
    documents = [json.loads(path.read_text()) for path in AMB.glob("*.json")]
    registry = Registry().with_resources(
        (document["$id"], Resource.from_contents(document)) for document in documents)
    return Draft7Validator(json.loads((AMB / "schema.json").read_text()), registry=registry,
                           format_checker=FormatChecker())


def embedded(page):
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(found) == 1
    return json.loads(found[0])


def test_a_published_course_carries_valid_amb_and_schema_org(app, client, auth, builders,
                                                             ready_course, amb_validator):
    course = ready_course(title="Metadata course")
    auth.login(course.trainer)
    client.post(publish_url(course))
    [release] = releases(app, course)
    data = embedded(client.get("/oer/metadata-course/v1/").get_data(as_text=True))

    errors = [f"{list(e.path)}: {e.message}" for e in amb_validator.iter_errors(data)]
    assert not errors, errors
    assert "https://schema.org" in data["@context"]
    assert "https://w3id.org/kim/amb/context.jsonld" in data["@context"]
    assert data["type"][0] == "LearningResource" and "Course" in data["type"]
    assert data["id"] == "http://localhost/oer/metadata-course/v1/"
    assert data["name"] == "Metadata course"
    assert data["description"] == "How local partners plan inclusion together."
    assert data["inLanguage"] == ["en"]
    assert data["license"] == {"id": "https://creativecommons.org/licenses/by-sa/4.0/"}
    assert data["creator"][0]["type"] == "Person"
    assert data["creator"][0]["name"] == "Ada Trainer"
    assert data["sourceOrganization"] == [{"type": "Organization",
                                           "name": "Open Learning Association"}]
    assert data["publisher"][0]["type"] == "Organization"
    assert data["learningResourceType"] == [{"id": RESOURCE_TYPES["course"]}]
    assert data["isAccessibleForFree"] is True
    assert data["datePublished"].endswith("Z") and data["dateCreated"].endswith("Z")
    assert data["keywords"] == ["Working together across organisations"]
    encodings = {e["sha256"]: e for e in data["encoding"]}
    for package in release.packages:
        encoding = encodings[package.sha256]
        assert encoding["contentUrl"] == \
            f"http://localhost/oer/metadata-course/v1/{package.filename}"
        assert encoding["encodingFormat"] == package.media_type
        assert encoding["contentSize"] == str(package.size)


@pytest.mark.parametrize("withdrawn", (False, True))
def test_sample_releases_validate_with_and_without_packages(client, make_release, amb_validator,
                                                            withdrawn):
    make_release(slug="sample", withdrawn=withdrawn)
    data = embedded(client.get("/oer/sample/").get_data(as_text=True))
    assert not [e.message for e in amb_validator.iter_errors(data)]
    assert "encoding" not in data


def test_text_cannot_close_the_script_element(client, make_release):
    make_release(slug="closing", title="</script><script>alert(1)</script>",
                 description="a & b < c")
    page = client.get("/oer/closing/").get_data(as_text=True)
    data = embedded(page)
    assert data["name"] == "</script><script>alert(1)</script>"
    assert data["description"] == "a & b < c"
