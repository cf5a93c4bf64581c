"""An adopted plan made public is read by everyone and published by the OER plugin (the core's
registry of publishable kinds): its adopted version's packages, valid metadata, epubcheck."""
import io
import json
import re
import zipfile

import pytest
from sqlalchemy import select

from action_plans.demo import TITLE as DEMO_TITLE
from action_plans.models import Plan
from lms.extensions import db
from lms.publishing import kinds
from tests.helpers import STANDARDS, IN_CI, text
from tests.helpers.oer import epubcheck

AMB = STANDARDS / "amb" / "schemas"


def publish_url(plan_id):
    return f"/oer/publish/action_plans.plan/{plan_id}"


def release_of(app, plan_id):
    from oer.models import OerItem, OerRelease
    with app.app_context():
        release = db.session.scalar(
            select(OerRelease).join(OerRelease.item)
            .where(OerItem.kind == "action_plans.plan", OerItem.key == str(plan_id),
                   OerRelease.is_current.is_(True)))
        if release is None:
            return None
        return {"slug": release.item.slug, "number": release.number,
                "snapshot": release.snapshot, "language": release.language,
                "licence": release.licence,
                "packages": {p.format: p.filename for p in release.packages}}


def amb_errors(page):
    if not AMB.is_dir():
        if IN_CI:
            pytest.fail(f"the AMB schemas are missing at {AMB} and CI=true")
        pytest.skip(f"the AMB schemas are not at {AMB}")
    from jsonschema import Draft7Validator, FormatChecker
    from referencing import Registry, Resource
    documents = [json.loads(path.read_text()) for path in AMB.glob("*.json")]
    registry = Registry().with_resources(
        (document["$id"], Resource.from_contents(document)) for document in documents)
    validator = Draft7Validator(json.loads((AMB / "schema.json").read_text()),
                                registry=registry, format_checker=FormatChecker())
    [found] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = json.loads(found)
    return data, [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]


def test_plans_are_a_publishable_kind_of_the_core_registry(app):
    assert "action_plans.plan" in kinds(app)
    assert kinds(app)["action_plans.plan"].formats == ("html", "epub", "pdf")


def test_an_adopted_public_plan_is_published_with_its_packages_and_valid_metadata(
        app, client, auth, network, make_adopted_plan, tmp_path):
    plan = make_adopted_plan(language="de")
    auth.login(network.people["editor"])
    adoption_page = client.get(f"/action-plans/{plan.slug}/adoption/").get_data(as_text=True)
    assert f'href="{publish_url(plan.id)}"' in adoption_page
    response = client.post(publish_url(plan.id))
    assert response.status_code == 302, text(response)
    release = release_of(app, plan.id)
    assert sorted(release["packages"]) == ["epub", "html", "pdf"]
    assert (release["language"], release["licence"]) == ("de", "CC-BY-4.0")
    snapshot = release["snapshot"]
    assert snapshot["source_url"].endswith(f"/action-plans/{plan.slug}/versions/1/")
    assert len(snapshot["keywords"]) == 1          # the goals' one thematic area, in German
    assert "Coordinator Organisation" in snapshot["organisations"]
    titles = [part["title"] for part in snapshot["parts"]]
    assert titles[0] == "Context" and titles[-1] != "Context"
    downloads = {}
    for format_name, filename in release["packages"].items():
        found = client.get(f"/oer/{release['slug']}/v1/{filename}")
        assert found.status_code == 200, filename
        downloads[format_name] = found.data
    website = zipfile.ZipFile(io.BytesIO(downloads["html"]))
    pages = " ".join(website.read(name).decode() for name in website.namelist()
                     if name.endswith(".html"))
    for expected in ("Who lives here.", "G1 Newcomers find work", "G1.1 Traineeships",
                     "A1 Recruit ten employers", "Through the chamber of commerce.",
                     "Five employers signed", "Trainees placed", "Refugees in a traineeship."):
        assert expected in pages, expected
    assert downloads["pdf"].startswith(b"%PDF")
    book = tmp_path / "plan.epub"
    book.write_bytes(downloads["epub"])
    epubcheck(book)
    data, errors = amb_errors(client.get(f"/oer/{release['slug']}/").get_data(as_text=True))
    assert not errors, errors
    assert data["inLanguage"] == ["de"] and data["name"] == "Adopted Inclusion Plan"
    assert data["license"] == {"id": "https://creativecommons.org/licenses/by/4.0/"}


def test_the_published_plan_is_the_adopted_version_not_later_edits(
        app, client, auth, network, make_adopted_plan):
    plan = make_adopted_plan()
    with app.app_context():
        db.session.get(Plan, plan.id).title = "Renamed after adoption"
        db.session.commit()
    auth.login(network.people["coordinator"])
    assert client.post(publish_url(plan.id)).status_code == 302
    assert release_of(app, plan.id)["snapshot"]["title"] == "Adopted Inclusion Plan"


@pytest.mark.parametrize("state, reason", [
    ("draft", "The plan has no adopted version"),
    ("network", "The plan is not public"),
])
def test_what_stops_publishing_is_said_and_nothing_is_published(
        app, client, auth, network, make_plan, make_adopted_plan, state, reason):
    plan = make_plan(visibility="public") if state == "draft" else \
        make_adopted_plan(visibility="network")
    auth.login(network.people["coordinator"])
    assert reason in text(client.get(publish_url(plan.id)))
    response = client.post(publish_url(plan.id))
    assert response.status_code == 422
    assert reason in text(response)
    assert release_of(app, plan.id) is None


@pytest.mark.parametrize("role", ["contributor", "viewer", "outsider", "anonymous"])
def test_only_coordinators_and_editors_publish_a_plan(app, client, auth, network, outsider,
                                                      make_adopted_plan, role):
    plan = make_adopted_plan()
    if role == "outsider":
        auth.login(outsider.user)
    elif role != "anonymous":
        auth.login(network.people[role])
    response = client.post(publish_url(plan.id))
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert "/login" in response.headers["Location"]
    assert release_of(app, plan.id) is None


def test_editors_make_an_adopted_plan_public_and_outsiders_then_read_it(
        app, client, auth, network, outsider, make_adopted_plan, client_for):
    plan = make_adopted_plan(visibility="network")
    reader = client_for(outsider.user)
    assert reader.get(f"/action-plans/{plan.slug}/").status_code == 404
    viewer = client_for(network.people["viewer"])
    assert viewer.post(f"/action-plans/{plan.slug}/adoption/visibility",
                       data={"visibility": "public"}).status_code in (403, 404)
    auth.login(network.people["editor"])
    response = client.post(f"/action-plans/{plan.slug}/adoption/visibility",
                           data={"visibility": "public"}, follow_redirects=True)
    assert "Who can read the plan has been changed." in text(response)
    assert "The adopted plan is public" in text(response)
    page = reader.get(f"/action-plans/{plan.slug}/")
    assert page.status_code == 200 and "Adopted Inclusion Plan" in text(page)
    assert '/edit"' not in page.get_data(as_text=True)          # read only
    bad = client.post(f"/action-plans/{plan.slug}/adoption/visibility",
                      data={"visibility": "everyone"})
    assert bad.status_code == 400 and "Not a valid choice" in text(bad)
    with app.app_context():
        assert db.session.get(Plan, plan.id).visibility == "public"


def test_without_the_oer_plugin_the_adoption_page_offers_no_publication(
        app_factory, network, make_adopted_plan):
    plan = make_adopted_plan()
    application = app_factory(LMS_PLUGINS=["networks", "action_plans"])
    client = application.test_client()
    from tests.helpers import Auth
    Auth(client).login(network.people["coordinator"])
    page = client.get(f"/action-plans/{plan.slug}/adoption/").get_data(as_text=True)
    assert "Who can read it" in page
    assert "/oer/publish/" not in page


def test_seed_demo_publishes_the_demo_implementation_plan(app, tmp_path):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert f"Publishing “{DEMO_TITLE}” as an open educational resource (html, epub, pdf)… " \
        "done:" in result.output
    with app.app_context():
        plan_id = db.session.scalar(select(Plan.id).where(Plan.title == DEMO_TITLE))
    release = release_of(app, plan_id)
    assert sorted(release["packages"]) == ["epub", "html", "pdf"]
    client = app.test_client()
    book = tmp_path / "demo.epub"
    book.write_bytes(client.get(f"/oer/{release['slug']}/v1/{release['packages']['epub']}").data)
    epubcheck(book)
    _data, errors = amb_errors(client.get(f"/oer/{release['slug']}/").get_data(as_text=True))
    assert not errors, errors
    assert "Publishing" not in runner.invoke(args=["seed-demo"]).output
