"""The core's URL converters: `<id:...>` matches only ids a database row can have, `<slug:...>`
only slugs `slugify()` can write; anything else is no address at all (404), so no lookup
overflows and no page is reached with text the database refuses."""
import pytest
from flask import Blueprint, url_for
from werkzeug.exceptions import NotFound
from werkzeug.routing import IntegerConverter

from lms.converters import LARGEST_ID, id_from

BIG = "999999999999999999999"


@pytest.fixture
def match(app):
    adapter = app.url_map.bind("localhost")

    def matched(path, method="GET"):
        try:
            return adapter.match(path, method=method)
        except NotFound:
            return None
    return matched


@pytest.mark.parametrize("text, found", [
    ("1", 1), ("42", 42), (str(LARGEST_ID), LARGEST_ID), (str(LARGEST_ID + 1), None),
    (BIG, None), ("0", None), ("-1", None), ("+1", None), ("01", None), (" 1", None),
    ("1 ", None), ("", None), ("1.0", None), ("²", None), ("٣", None), ("1\x00", None),
    ("9" * 5000, None)])
def test_id_from_reads_only_ids_a_row_can_have(text, found):
    assert id_from(text) == found


@pytest.mark.parametrize("value", ["1", "42", str(LARGEST_ID)])
def test_an_id_in_range_matches(match, value):
    assert match(f"/admin/users/{value}") == ("admin.user", {"user_id": int(value)})


@pytest.mark.parametrize("value", [
    str(LARGEST_ID + 1), BIG, "9" * 5000, "0", "-1", "01", "1.5", "x", "%C2%B2", "%D9%A3"])
def test_an_id_out_of_range_or_not_written_plainly_matches_nothing(match, value):
    assert match(f"/admin/users/{value}") is None


@pytest.mark.parametrize("value", ["acme", "a", "acme-2", "0-9", "a" * 220])
def test_a_slug_as_slugify_writes_it_matches(match, value):
    assert match(f"/organisations/{value}") == ("organisations.show", {"slug": value})


@pytest.mark.parametrize("value", [
    "Acme", "acme_2", "-acme", "acme-", "a--b", "a.b", "%00", "a%00", "%C3%A4", "a%20b",
    "a" * 221])
def test_other_text_matches_no_slug(match, value):
    assert match(f"/organisations/{value}") is None


def test_the_addresses_of_valid_ids_and_slugs_do_not_change(app):
    with app.test_request_context("/"):
        assert url_for("admin.user", user_id=7) == "/admin/users/7"
        assert url_for("organisations.members", slug="acme-2") == "/organisations/acme-2/members"
        assert url_for("oer.release", slug="a-guide", number=3) == "/oer/a-guide/v3/"
        assert url_for("courses_quiz.attempt", slug="course", lesson_id=4, attempt_id=5) == \
            "/courses/course/quizzes/4/attempts/5"


def test_a_plugin_routes_by_the_converters(app_factory):
    """Plugins name them in their rules; the core registers them before any blueprint."""
    app = app_factory()
    bp = Blueprint("converters_probe", __name__)
    bp.add_url_rule("/probe/<slug:slug>/<id:item_id>", "probe", lambda slug, item_id: "")
    app.register_blueprint(bp)
    adapter = app.url_map.bind("localhost")
    assert adapter.match("/probe/a-b/12") == ("converters_probe.probe",
                                             {"slug": "a-b", "item_id": 12})
    with pytest.raises(NotFound):
        adapter.match(f"/probe/a-b/{BIG}")


def test_no_route_takes_an_unbounded_integer(app):
    """Every id in an address goes through `<id:...>`: a plain `<int:...>` lets a number reach
    the database that no integer column holds (a 500 on SQLite and PostgreSQL)."""
    unbounded = [rule.rule for rule in app.url_map.iter_rules()
                 for converter in rule._converters.values()
                 if isinstance(converter, IntegerConverter) and converter.max is None]
    assert unbounded == []


@pytest.mark.parametrize("path", [
    f"/admin/users/{BIG}", f"/organisations/acme/members/{BIG}/approve",
    f"/courses/a-course/lessons/{BIG}", f"/courses/a-course/quizzes/{BIG}/",
    f"/toolkit/assessments/a-tool/results/{BIG}", f"/networks/a-network/requests/{BIG}",
    f"/oer/blueprints/{BIG}/", f"/oer/builds/{BIG}", f"/oer/a-guide/v{BIG}/",
    "/organisations/%00", "/oer/%00/", "/networks/%00"])
def test_one_route_of_the_core_and_of_each_plugin_answers_404_to_a_bad_address(
        client, auth, make_user, path):
    auth.login(make_user(role="admin"))
    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404
