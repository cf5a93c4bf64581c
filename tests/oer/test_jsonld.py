"""The JSON-LD in each release page: valid AMB and a schema.org LearningResource at once."""
import json
import re

import pytest
from sqlalchemy import select

from lms.extensions import db
from lms.publishing import RESOURCE_TYPES, kinds
from tests.helpers import IN_CI, STANDARDS
from tests.helpers.oer import publish_url, releases

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


# -- every kind of the publishing registry ---------------------------------------------------

# The fixture that publishes items of each registered kind: a kind added to the registry
# without one here fails test_every_registered_kind_is_checked.
ITEMS_OF_KIND = {"courses.course": "course_items", "oer.blueprint": "blueprint_items",
                 "action_plans.plan": "plan_items"}
UI_LANGUAGES = ("en", "de", "it", "tr")


def item_slugs(app, kind_name):
    """{slug: (language of the item, number of releases)} of the kind's published items."""
    from oer.models import OerItem
    with app.app_context():
        items = db.session.scalars(select(OerItem).where(OerItem.kind == kind_name)).all()
        return {item.slug: (item.releases[0].language, len(item.releases)) for item in items}


def published(client, kind_name, key):
    response = client.post(f"/oer/publish/{kind_name}/{key}")
    assert response.status_code == 302, response.get_data(as_text=True)


@pytest.fixture
def course_items(app, client, auth, builders, ready_course):
    """A course published twice, and its German translation once."""
    from courses.models import Course
    from courses.services import publishing as versions, translations
    from lms.models import User
    course = ready_course(title="Metadata course")
    auth.login(course.trainer)
    published(client, "courses.course", course.id)
    published(client, "courses.course", course.id)
    with app.test_request_context():
        trainer = db.session.get(User, course.trainer.id)
        german = translations.start_translation(db.session.get(Course, course.id), "de", trainer)
        versions.publish(german, trainer)
        db.session.commit()
        german_id = german.id
    published(client, "courses.course", german_id)
    return item_slugs(app, "courses.course")


@pytest.fixture
def blueprint_items(app, builders, make_user, client_for):
    """An English blueprint published twice and a German one once (the demo's texts)."""
    from lms.models import User
    from oer.services import practices as services
    from oer.demo.practices import PRACTICES
    author, reviewer = make_user("trainer"), client_for(make_user("admin"))
    english, german = PRACTICES[0], PRACTICES[2]
    assert (english["language"], german["language"]) == ("en", "de")
    with app.test_request_context():
        writer = db.session.get(User, author.id)
        ids = []
        for values in (english, german):
            blueprint = services.create(writer, {**values, "organisation_id": None})
            services.submit(blueprint, writer)
            ids.append(blueprint.id)
        db.session.commit()
    for key in (ids[0], ids[0], ids[1]):
        published(reviewer, "oer.blueprint", key)
    return item_slugs(app, "oer.blueprint")


@pytest.fixture
def plan_items(app, client, auth, network, make_adopted_plan):
    """An English adopted plan published twice and a German one once."""
    english, german = make_adopted_plan("Metadata plan"), make_adopted_plan("Plan", language="de")
    auth.login(network.people["coordinator"])
    for plan in (english, english, german):
        published(client, "action_plans.plan", plan.id)
    auth.logout()
    return item_slugs(app, "action_plans.plan")


def test_every_registered_kind_is_checked(app):
    assert set(kinds(app)) == set(ITEMS_OF_KIND)


@pytest.mark.parametrize("kind_name", sorted(ITEMS_OF_KIND))
def test_every_page_of_every_kind_carries_valid_amb(request, app, client, amb_validator,
                                                    kind_name):
    items = request.getfixturevalue(ITEMS_OF_KIND[kind_name])
    assert sorted(language for language, _count in items.values()) == ["de", "en"]
    assert sorted(count for _language, count in items.values()) == [1, 2]
    for slug, (language, count) in items.items():
        pages = {f"/oer/{slug}/v{number}/": number for number in range(1, count + 1)}
        pages[f"/oer/{slug}/"] = count
        for path, number in pages.items():
            for ui_language in UI_LANGUAGES:
                client.set_cookie("lms_lang", ui_language)
                response = client.get(path)
                assert response.status_code == 200, path
                data = embedded(response.get_data(as_text=True))
                errors = [f"{list(e.path)}: {e.message}" for e in amb_validator.iter_errors(data)]
                assert not errors, (path, ui_language, errors)
                assert data["id"] == f"http://localhost/oer/{slug}/v{number}/"
                assert data["inLanguage"] == [language]
                assert data["@context"][-1] == {"@language": language}
                assert data["type"][0] == "LearningResource" and len(data["encoding"]) >= 3


def test_a_blueprint_is_a_learning_resource_and_a_how_to(app, client, blueprint_items,
                                                         amb_validator):
    slug = next(slug for slug, (language, _count) in blueprint_items.items() if language == "en")
    data = embedded(client.get(f"/oer/{slug}/").get_data(as_text=True))
    assert data["type"] == ["LearningResource", "HowTo"]
    assert data["learningResourceType"] == [{"id": RESOURCE_TYPES["case_study"]}]
