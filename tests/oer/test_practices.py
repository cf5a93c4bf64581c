"""Good-practice blueprints: who may write and review them, the review workflow up to
publication in the catalogue, validation beside fields, XSS neutralised, and the demo."""
import re
from html import unescape

import pytest
from sqlalchemy import func, select

from lms.extensions import db
from lms.publishing import kind as find_kind
from oer.models import Practice
from oer.models import OerItem, OerRelease
from tests.helpers.safety import problems
from tests.helpers.xss_payloads import PAYLOADS

COMPLETE = {
    "title": "A welcome desk run by peer guides",
    "summary": "Peer guides welcome newcomers at the town hall.",
    "language": "en", "integration_area": "reception", "level": "local", "country": "DE",
    "context": "A town with **many** newcomers.",
    "problem": "People were sent from office to office.",
    "actor_types": ["public_authority", "migrant_organisation"],
    "actors": "The integration office hosts the desk.",
    "steps": "Map the services.\n\nTrain the peer guides in counselling basics.\n\n"
             "Open the desk twice a week.",
    "resources": "A room.", "success_factors": "Paid guides.", "challenges": "Data sharing.",
    "evidence": "Fewer referrals.", "transferability": "Any town.",
    "contact": "integration@example.org", "licence": "CC-BY-SA-4.0",
    "organisation_id": "", "coauthors": "",
}


OWN_LINKS = re.compile(r'<link rel="(stylesheet|alternate)"[^>]* href="/oer/[^"]*"[^>]*>')


def dangers(html):
    """What the strict reader finds, besides the plugin's own stylesheet and feed links."""
    return problems(OWN_LINKS.sub("", html), page=True)


def page(response):
    return unescape(response.get_data(as_text=True))


@pytest.fixture
def people(make_user, make_organisation):
    """An outsider (signed in, no organisation), an organisation member, two trainers and an
    admin who reviews."""
    found = {"outsider": make_user("learner"), "member": make_user("learner"),
             "trainer": make_user("trainer"), "other trainer": make_user("trainer"),
             "admin": make_user("admin")}
    make_organisation(members=[found["member"]])
    return found


def write(client, **changes):
    response = client.post("/oer/blueprints/new", data={**COMPLETE, **changes})
    assert response.status_code == 302, page(response)
    return int(response.headers["Location"].rstrip("/").split("/")[-1])


@pytest.mark.parametrize("role, status", [
    ("anonymous", 302), ("outsider", 403), ("member", 200), ("trainer", 200), ("admin", 200)])
def test_who_may_write_blueprints(client, client_for, people, role, status):
    visitor = client if role == "anonymous" else client_for(people[role])
    assert visitor.get("/oer/blueprints/").status_code == status
    assert visitor.get("/oer/blueprints/new").status_code == status


@pytest.mark.parametrize("role, status", [
    ("anonymous", 302), ("outsider", 403), ("member", 403), ("trainer", 403), ("admin", 200)])
def test_only_admins_see_the_review_queue(client, client_for, people, role, status):
    visitor = client if role == "anonymous" else client_for(people[role])
    assert visitor.get("/oer/blueprints/review/").status_code == status


def test_errors_stand_beside_their_fields_and_nothing_typed_is_lost(client_for, people):
    member = client_for(people["member"])
    response = member.post("/oer/blueprints/new", data={
        **COMPLETE, "title": "", "country": "QQ", "coauthors": "nobody@example.org",
        "context": "My carefully written context."})
    text = page(response)
    assert response.status_code == 200
    assert '<p class="error" id="title-error">Please give the blueprint a title.</p>' in text
    assert 'id="coauthors-error">No account uses nobody@example.org.</p>' in text
    assert 'id="country-error">' in text
    assert "My carefully written context." in text
    assert 'aria-invalid="true"' in text


def test_unknown_co_authors_are_named_as_text_not_markup(client_for, people):
    """The message naming what was typed is escaped like any other text on the page."""
    member = client_for(people["member"])
    response = member.post("/oer/blueprints/new", data={
        **COMPLETE, "coauthors": "<script>alert(1)</script>"})
    raw = response.get_data(as_text=True)
    assert response.status_code == 200
    assert ('id="coauthors-error">No account uses &lt;script&gt;alert(1)&lt;/script&gt;.</p>'
            in raw)
    assert "<script>alert(1)" not in raw

def test_the_review_workflow_up_to_the_catalogue(app, client, client_for, people):
    author, outsider = client_for(people["trainer"]), client_for(people["outsider"])
    other, editor = client_for(people["other trainer"]), client_for(people["admin"])
    blueprint_id = write(author, steps="")
    show = f"/oer/blueprints/{blueprint_id}/"
    draft = page(author.get(show))
    assert "Draft" in draft and "List the steps." in draft
    assert author.post(f"/oer/blueprints/{blueprint_id}/submit").status_code == 302
    assert "The blueprint is not complete yet" in page(author.get(show))

    assert author.post(f"/oer/blueprints/{blueprint_id}/edit", data={
        **COMPLETE, "version": "1"}).status_code == 302
    assert author.post(f"/oer/blueprints/{blueprint_id}/submit",
                       data={"note": "Please check the steps."}).status_code == 302
    # nobody else sees or edits the working copy; it is not public yet
    for visitor in (client, outsider, other):
        assert visitor.get(show).status_code == 404
    assert other.get(f"/oer/blueprints/{blueprint_id}/edit").status_code == 404
    assert outsider.post(f"/oer/blueprints/{blueprint_id}/edit", data=COMPLETE).status_code == 403
    assert "A welcome desk run by peer guides" in page(editor.get("/oer/blueprints/review/"))

    review = f"/oer/blueprints/{blueprint_id}/review"
    assert "Please check the steps." in page(editor.get(review))
    refused = editor.post(review, data={"decision": "return", "comments": ""})
    assert "Please tell the authors what to change." in page(refused)
    assert editor.post(review, data={"decision": "return",
                                     "comments": "Say how guides are paid."}).status_code == 302
    returned = page(author.get(show))
    assert "Returned to the authors" in returned and "Say how guides are paid." in returned
    assert editor.get(review).status_code == 404          # nothing to review now

    assert author.post(f"/oer/blueprints/{blueprint_id}/submit").status_code == 302
    published = editor.post(review, data={"decision": "publish", "comments": ""})
    assert published.status_code == 302
    with app.app_context():
        item = db.session.scalar(select(OerItem).where(OerItem.kind == "oer.blueprint"))
        release = item.current_release
        assert release.resource_type == "case_study" and release.integration_area == "reception"
        assert [part["title"] for part in release.snapshot["parts"]][:4] == [
            "Context", "The problem addressed", "Who is involved", "Steps"]
        assert db.session.get(Practice, blueprint_id).status == "published"
    assert published.headers["Location"] == f"/oer/{item.slug}/"
    assert client.get(show).headers["Location"] == f"/oer/{item.slug}/"
    catalogue = page(client.get("/oer/?q=counselling+basics"))
    assert "A welcome desk run by peer guides" in catalogue
    assert "Good-practice blueprint" in catalogue


def test_a_second_version_goes_through_review_again(app, client_for, people):
    author, editor = client_for(people["trainer"]), client_for(people["admin"])
    blueprint_id = write(author)
    author.post(f"/oer/blueprints/{blueprint_id}/submit")
    editor.post(f"/oer/blueprints/{blueprint_id}/review", data={"decision": "publish"})
    edited = author.post(f"/oer/blueprints/{blueprint_id}/edit",
                         data={**COMPLETE, "title": "Peer guides, second edition",
                               "version": "1"})
    assert edited.status_code == 302
    assert "Draft" in page(author.get(f"/oer/blueprints/{blueprint_id}/"))
    author.post(f"/oer/blueprints/{blueprint_id}/submit")
    editor.post(f"/oer/blueprints/{blueprint_id}/review", data={"decision": "publish"})
    with app.app_context():
        releases = db.session.scalars(select(OerRelease).order_by(OerRelease.number)).all()
        assert [(r.number, r.is_current) for r in releases] == [(1, False), (2, True)]
        assert releases[1].title == "Peer guides, second edition"


def test_nobody_reviews_their_own_blueprint(client_for, people):
    admin = client_for(people["admin"])
    blueprint_id = write(admin)
    admin.post(f"/oer/blueprints/{blueprint_id}/submit")
    assert "No blueprint is waiting for review." in page(admin.get("/oer/blueprints/review/"))
    assert admin.get(f"/oer/blueprints/{blueprint_id}/review").status_code == 404


def test_a_stale_save_keeps_the_text_and_overwrites_nothing(app, client_for, people):
    author = client_for(people["trainer"])
    blueprint_id = write(author)
    edit = f"/oer/blueprints/{blueprint_id}/edit"
    assert author.post(edit, data={**COMPLETE, "version": "1",
                                   "title": "First save"}).status_code == 302
    stale = author.post(edit, data={**COMPLETE, "version": "1", "title": "Second save"})
    assert stale.status_code == 200
    assert "Someone saved this blueprint after you opened it." in page(stale)
    assert 'value="Second save"' in page(stale)
    with app.app_context():
        assert db.session.get(Practice, blueprint_id).title == "First save"


def test_co_authors_may_edit(app, client_for, people):
    author = client_for(people["trainer"])
    blueprint_id = write(author, coauthors=people["other trainer"].email.upper())
    other = client_for(people["other trainer"])
    assert other.get(f"/oer/blueprints/{blueprint_id}/edit").status_code == 200
    assert "A welcome desk" in page(other.get("/oer/blueprints/"))


def test_xss_in_every_field_is_neutralised(app, client, client_for, people):
    author, editor = client_for(people["trainer"]), client_for(people["admin"])
    long_fields = ["context", "problem", "actors", "steps", "resources", "success_factors",
                   "challenges", "evidence", "transferability"]
    ids = []
    for number in range(0, len(PAYLOADS), 6):
        chunk = PAYLOADS[number:number + 6]
        values = {name: "\n\n".join(chunk) + "\n\ntext" for name in long_fields}
        ids.append(write(author, title=chunk[0][:150] + " x", summary=" ".join(chunk)[:900],
                         contact=chunk[-1][:250], **values))
    for blueprint_id in ids:
        shown = author.get(f"/oer/blueprints/{blueprint_id}/").get_data(as_text=True)
        assert dangers(shown) == []
        author.post(f"/oer/blueprints/{blueprint_id}/submit")
        reviewed = editor.get(f"/oer/blueprints/{blueprint_id}/review").get_data(as_text=True)
        assert dangers(reviewed) == []
        editor.post(f"/oer/blueprints/{blueprint_id}/review", data={"decision": "publish"})
    with app.app_context():
        for release in db.session.scalars(select(OerRelease)):
            for part in release.snapshot["parts"]:
                assert problems(part["html"]) == [], part["title"]
    assert dangers(client.get("/oer/").get_data(as_text=True)) == []


def test_the_kind_says_what_is_missing(app, client_for, people):
    author = client_for(people["trainer"])
    blueprint_id = write(author, licence="CC0-1.0", country="")
    with app.test_request_context():
        kind = find_kind("oer.blueprint")
        blueprint = kind.load(str(blueprint_id))
        assert kind.missing(blueprint) == [
            "Choose the country.", "The blueprint has not been submitted for review."]
        assert kind.load("nope") is None
        snapshot = kind.snapshot(blueprint)
        assert snapshot.resource_type == "case_study"
        assert snapshot.facets == {"integration_area": "reception", "country": "",
                                   "level": "local"}
        assert ("Integration area", "Reception and orientation") in snapshot.details


def test_the_demo_publishes_blueprints_once(app, client):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    with app.app_context():
        assert db.session.scalar(select(func.count(Practice.id))) >= 3
        assert db.session.scalar(select(func.count(Practice.id)).where(
            Practice.status != "published")) == 0
        current = db.session.scalar(select(func.count(OerRelease.id)).where(
            OerRelease.is_current.is_(True), OerRelease.resource_type == "case_study"))
        assert current >= 3
    catalogue = page(client.get("/oer/?q=mentoring"))
    assert "Mentoring pairs: refugees and employees of local employers" in catalogue
    german = page(client.get("/oer/?q=Ausbildung&language=de"))
    assert "Brückenklasse" in german


def test_publishing_or_withdrawing_from_the_release_pages_keeps_the_blueprint_in_step(
        app, client_for, people):
    author, editor = client_for(people["trainer"]), client_for(people["admin"])
    blueprint_id = write(author)
    assert author.post(f"/oer/blueprints/{blueprint_id}/submit").status_code == 302
    published = editor.post(f"/oer/publish/oer.blueprint/{blueprint_id}")
    assert published.status_code == 302, page(published)
    with app.app_context():
        assert db.session.get(Practice, blueprint_id).status == "published"
        slug = db.session.scalar(select(OerItem.slug).where(OerItem.kind == "oer.blueprint"))
    show = page(author.get(f"/oer/blueprints/{blueprint_id}/"))
    assert "Published" in show
    assert editor.post(f"/oer/{slug}/v1/withdraw",
                       data={"reason": "A partner asked to be left out."}).status_code == 302
    with app.app_context():
        assert db.session.get(Practice, blueprint_id).status == "draft"
    assert "Its release was withdrawn" in page(author.get(f"/oer/blueprints/{blueprint_id}/"))


def test_a_co_author_is_taken_off_by_deleting_their_line(app, client_for, people):
    author = client_for(people["trainer"])
    co_author = people["other trainer"]
    blueprint_id = write(author, coauthors=co_author.email)
    edit = f"/oer/blueprints/{blueprint_id}/edit"
    form = page(author.get(edit))
    assert co_author.email in form                       # the field lists who is on it
    assert author.post(edit, data={**COMPLETE, "version": "1", "coauthors": ""}) \
        .status_code == 302
    other = client_for(co_author)
    assert other.get(edit).status_code == 404             # a draft they no longer see
    with app.app_context():
        blueprint = db.session.get(Practice, blueprint_id)
        assert [a.email for a in blueprint.authors] == [people["trainer"].email]


def test_neither_the_creator_nor_the_person_saving_can_be_taken_off(app, client_for, people):
    creator = client_for(people["trainer"])
    blueprint_id = write(creator, coauthors=people["other trainer"].email)
    edit = f"/oer/blueprints/{blueprint_id}/edit"
    other = client_for(people["other trainer"])
    # the co-author empties the list: the creator stays, and so do they
    assert other.post(edit, data={**COMPLETE, "version": "1", "coauthors": ""}) \
        .status_code == 302
    with app.app_context():
        emails = {a.email for a in db.session.get(Practice, blueprint_id).authors}
    assert emails == {people["trainer"].email, people["other trainer"].email}
