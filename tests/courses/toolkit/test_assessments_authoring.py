"""Trainers build self-assessment tools; only their makers and admins edit them."""
import pytest
from sqlalchemy import select

from courses.models.assessment import AssessmentDimension, AssessmentTool
from lms.extensions import db
from tests.helpers.toolkit import make_tool, statement_ids
from tests.helpers import text

DIMENSION = {
    "title": "Participation of migrants",
    "description": "Do the people concerned have a say?",
    "statements": "Migrants sit on our steering group.\n\n  We pay people for their expertise. \n",
    "advice_low": "Invite **two** people <script>alert(1)</script> to the next meeting.",
    "advice_middle": "Set up a [panel](javascript:alert(1)) that meets every quarter.",
    "advice_high": "Read [the guide](https://example.org/guide).",
}


def test_a_trainer_builds_and_publishes_a_tool(client, auth, make_user, app):
    auth.login(make_user(role="trainer"))
    response = client.post("/toolkit/assessments/new", data={
        "title": "Regional partnership check", "summary": "Ten minutes.", "language": "en",
        "low_threshold": "40", "high_threshold": "75"})
    assert response.status_code == 302
    edit = response.headers["Location"]
    assert edit == "/toolkit/assessments/regional-partnership-check/edit"
    response = client.post("/toolkit/assessments/regional-partnership-check/status",
                           follow_redirects=True)
    assert "Add at least one dimension with statements before publishing." in text(response)

    response = client.post("/toolkit/assessments/regional-partnership-check/dimensions/new",
                           data=DIMENSION, follow_redirects=True)
    assert "The dimension has been added." in text(response)
    assert "Participation of migrants (2 statements)" in text(response)
    client.post("/toolkit/assessments/regional-partnership-check/status")

    with app.app_context():
        dimension = db.session.scalar(select(AssessmentDimension))
        assert [s.text for s in dimension.statements] == [
            "Migrants sit on our steering group.", "We pay people for their expertise."]
        assert dimension.advice_low_html == ("<p>Invite <strong>two</strong> people alert(1) to "
                                             "the next meeting.</p>")
        assert "javascript" not in dimension.advice_middle_html
        assert 'rel="noopener noreferrer"' in dimension.advice_high_html
        assert db.session.scalar(select(AssessmentTool.status)) == "published"
    auth.logout()
    assert "Regional partnership check" in text(client.get("/toolkit/"))


def test_bad_input_is_refused_next_to_the_field_and_kept(client, auth, make_user, app):
    auth.login(make_user(role="trainer"))
    response = client.post("/toolkit/assessments/new", data={
        "title": "", "summary": "Kept text", "language": "xx", "low_threshold": "80",
        "high_threshold": "60"})
    assert response.status_code == 200
    page = text(response)
    assert "Please give the tool a title." in page
    assert "Not a valid choice." in page
    assert "The third band must start above the end of the first." in page
    assert "Kept text" in page
    assert db_count(app) == 0
    response = client.post("/toolkit/assessments/new", data={
        "title": "Mine", "language": "en", "low_threshold": "40", "high_threshold": "75"})
    slug = response.headers["Location"].split("/")[3]
    response = client.post(f"/toolkit/assessments/{slug}/dimensions/new",
                           data={**DIMENSION, "statements": "x" * 501, "advice_high": ""})
    page = text(response)
    assert "Each statement can have at most 500 characters." in page
    assert "Please write the advice for this band." in page


def test_editing_keeps_unchanged_statements(client, auth, make_user, app):
    trainer = make_user(role="trainer")
    slug = make_tool(app, trainer)
    (title, ids), _evaluation = statement_ids(app, slug)
    auth.login(trainer)
    with app.app_context():
        dimension_id = db.session.scalar(select(AssessmentDimension.id).where(
            AssessmentDimension.title == title))
    page = client.get(f"/toolkit/assessments/{slug}/dimensions/{dimension_id}")
    assert "We meet our goals.\nWe measure results." in page.get_data(as_text=True)
    client.post(f"/toolkit/assessments/{slug}/dimensions/{dimension_id}", data={
        **DIMENSION, "title": title,
        "statements": "We measure results.\nWe learn from mistakes."})
    (_title, new_ids), _evaluation = statement_ids(app, slug)
    assert new_ids[0] == ids[1] and new_ids[1] not in ids


@pytest.mark.parametrize("missing", ["statements", "title", "advice_low"])
def test_a_field_missing_from_the_post_is_an_error_beside_it_and_nothing_changes(
        client, auth, make_user, app, missing):
    """A post without a field (not even empty) is judged as an empty one: the stored value
    does not stand in for it (for the statements it broke the page with a 500)."""
    trainer = make_user(role="trainer")
    slug = make_tool(app, trainer)
    before = statement_ids(app, slug)
    auth.login(trainer)
    with app.app_context():
        dimension_id = db.session.scalar(select(AssessmentDimension.id).where(
            AssessmentDimension.title == "Effectiveness"))
    data = {**DIMENSION, "statements": "Only one statement now."}
    del data[missing]
    response = client.post(f"/toolkit/assessments/{slug}/dimensions/{dimension_id}", data=data)
    assert response.status_code == 200
    assert f'id="{missing}-error">Please' in response.get_data(as_text=True)
    assert statement_ids(app, slug) == before
    with app.app_context():
        dimension = db.session.get(AssessmentDimension, dimension_id)
        assert dimension.title == "Effectiveness"
        assert dimension.advice_low == "Start **small**: map who does what."


def test_dimensions_are_reordered_and_deleted_without_javascript(client, auth, make_user, app):
    trainer = make_user(role="trainer")
    slug = make_tool(app, trainer)
    auth.login(trainer)
    with app.app_context():
        evaluation = db.session.scalar(select(AssessmentDimension.id).where(
            AssessmentDimension.title == "Evaluation"))
    response = client.post(f"/toolkit/assessments/{slug}/dimensions/{evaluation}/move/up")
    assert response.headers["Location"].endswith(f"#dimension-{evaluation}")
    assert [t for t, _ids in statement_ids(app, slug)] == ["Evaluation", "Effectiveness"]
    page = text(client.get(f"/toolkit/assessments/{slug}/edit"))
    assert "Move Effectiveness up" in page and "Move Evaluation down" in page
    assert "Move Evaluation up" not in page
    response = client.post(f"/toolkit/assessments/{slug}/dimensions/{evaluation}/delete",
                           follow_redirects=True)
    assert 'The dimension "Evaluation" has been deleted.' in text(response)
    assert [t for t, _ids in statement_ids(app, slug)] == ["Effectiveness"]


def db_count(app):
    with app.app_context():
        return len(db.session.scalars(select(AssessmentTool)).all())


ROUTES = ["/toolkit/assessments/{slug}/edit", "/toolkit/assessments/{slug}/dimensions/new"]


@pytest.mark.parametrize("path", ROUTES)
@pytest.mark.parametrize(("who", "status"), [
    ("anonymous", 302), ("learner", 403), ("other trainer", 404), ("author", 200),
    ("admin", 200)])
def test_only_the_author_and_admins_edit_a_tool(app, client, auth, make_user, who, status,
                                                path):
    author = make_user(role="trainer")
    slug = make_tool(app, author)
    people = {"learner": "learner", "other trainer": "trainer", "admin": "admin"}
    if who == "author":
        auth.login(author)
    elif who != "anonymous":
        auth.login(make_user(role=people[who]))
    assert client.get(path.format(slug=slug)).status_code == status


@pytest.mark.parametrize(("who", "status"), [
    ("anonymous", 404), ("learner", 404), ("other trainer", 404), ("author", 200)])
def test_a_draft_is_hidden_from_everyone_but_its_editors(app, client, auth, make_user, who,
                                                         status):
    author = make_user(role="trainer")
    slug = make_tool(app, author, status="draft")
    if who == "author":
        auth.login(author)
    elif who != "anonymous":
        auth.login(make_user(role="trainer" if who == "other trainer" else who))
    assert client.get(f"/toolkit/assessments/{slug}").status_code == status
    listed = "Working together" in text(client.get("/toolkit/"))
    assert listed == (status == 200)


def test_unknown_dimension_ids_answer_404(app, client, auth, make_user):
    author = make_user(role="trainer")
    slug = make_tool(app, author)
    other = make_tool(app, author, title="Another")
    with app.app_context():
        foreign = db.session.scalar(select(AssessmentDimension.id).join(AssessmentTool).where(
            AssessmentTool.slug == other))
    auth.login(author)
    for dimension in (foreign, 2 ** 40):
        assert client.get(f"/toolkit/assessments/{slug}/dimensions/{dimension}").status_code \
            == 404


def test_a_tool_belongs_to_a_course_whose_trainers_may_edit_it(app, client, auth, make_user,
                                                              make_course, client_for):
    course = make_course(title="Regional inclusion")
    foreign = make_course(title="Someone else's course")
    auth.login(course.trainer)
    form = text(client.get("/toolkit/assessments/new"))
    assert "Regional inclusion" in form and "Someone else's course" not in form
    data = {"title": "Course check", "language": "en", "low_threshold": "40",
            "high_threshold": "75"}
    refused = client.post("/toolkit/assessments/new", data={**data, "course": str(foreign.id)})
    assert "Not a valid choice." in text(refused)
    client.post("/toolkit/assessments/new", data={**data, "course": str(course.id)})
    with app.test_request_context():
        from courses.models import Course
        from courses.services.access import TRAINER
        from lms.models import User
        from lms.roles import assign_role
        co_trainer = make_user(role="trainer")
        assign_role(db.session.get(User, co_trainer.id), TRAINER,
                    db.session.get(Course, course.id))
        db.session.commit()
        assert db.session.scalar(select(AssessmentTool.course_id)) == course.id
    assert client_for(co_trainer).get("/toolkit/assessments/course-check/edit").status_code \
        == 200
    assert client_for(foreign.trainer).get("/toolkit/assessments/course-check/edit") \
        .status_code == 404
