"""Learners fill in a tool and read their results; nobody else reads their answers."""
import re

import pytest

from tests.helpers.toolkit import (ADVICE, add_attempt, answers_for, attempt_count, make_tool,
                                   statement_ids)
from tests.helpers import text


@pytest.fixture
def tool(app, make_user):
    return make_tool(app, make_user(role="trainer"))


def test_a_learner_answers_and_sees_chart_table_and_advice(app, client, auth, make_user, tool):
    auth.login(make_user())
    page = client.get(f"/toolkit/assessments/{tool}/answer").get_data(as_text=True)
    assert '<legend lang="en">We meet our goals.</legend>' in page
    assert page.count('type="radio"') == 3 * 6
    (_eff, (goals, results)), (_ev, (feedback,)) = statement_ids(app, tool)
    response = client.post(f"/toolkit/assessments/{tool}/answer", data={
        "organisation": "", f"statement-{goals}": "5", f"statement-{results}": "4",
        f"statement-{feedback}": "0"}, follow_redirects=True)
    html = response.get_data(as_text=True)
    page = text(response)
    assert "Thank you. Here are your results." in page
    # (4 + 3) of 8 points: 88 %; evaluation was all "don't know"
    assert re.search(r"<svg[^>]*role=\"img\"", html)
    assert html.count('class="chart-bar current"') == 1
    assert "Effectiveness 88 % Well established Evaluation no score –" in page
    assert "Well established (88 %)" in page
    assert "Share your approach with other regions." in page
    assert ADVICE["low"] not in page
    assert "there is no score and no advice" in page
    assert "We meet our goals. Fully We measure results. To a large extent" in page
    assert "Answered for My own practice" in page


def test_missing_answers_are_shown_next_to_the_statement_and_the_rest_kept(
        app, client, auth, make_user, tool):
    auth.login(make_user())
    (_eff, (goals, results)), _evaluation = statement_ids(app, tool)
    response = client.post(f"/toolkit/assessments/{tool}/answer", data={
        "organisation": "", f"statement-{goals}": "2", f"statement-{results}": "9"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.count('class="error"') == 2
    assert re.search(rf'<input checked id="statement-{goals}-1"[^>]*value="2">', html)
    assert "Please choose an answer." in text(response)
    assert attempt_count(app) == 0


def test_answering_for_an_organisation_one_does_not_belong_to_is_refused(
        app, client, auth, make_user, make_organisation, tool):
    learner = make_user()
    mine = make_organisation(members=[learner])
    foreign = make_organisation()
    auth.login(learner)
    page = text(client.get(f"/toolkit/assessments/{tool}/answer"))
    assert mine.name in page and foreign.name not in page
    response = client.post(f"/toolkit/assessments/{tool}/answer",
                           data=answers_for(app, tool, organisation=foreign.id))
    assert "Not a valid choice." in text(response)
    assert attempt_count(app) == 0
    response = client.post(f"/toolkit/assessments/{tool}/answer",
                           data=answers_for(app, tool, organisation=mine.id),
                           follow_redirects=True)
    assert f"Answered for {mine.name}" in text(response)


def test_results_compare_with_earlier_attempts_for_the_same_organisation(
        app, client, auth, make_user, make_organisation, tool):
    learner = make_user()
    organisation = make_organisation(members=[learner])
    add_attempt(app, tool, learner, 1)
    add_attempt(app, tool, learner, 3, organisation.id)
    latest = add_attempt(app, tool, learner, 5)
    auth.login(learner)
    response = client.get(f"/toolkit/assessments/{tool}/results/{latest}")
    html = response.get_data(as_text=True)
    assert "Effectiveness 100 % 0 % Well established" in text(response)
    assert "50 %" not in text(response)
    assert html.count('class="chart-bar current"') == 2
    assert html.count('class="chart-bar"') == 2
    page = text(client.get(f"/toolkit/assessments/{tool}"))
    assert page.count(organisation.name) == 1 and page.count("My own practice") == 2


@pytest.mark.parametrize("who", ["another learner", "trainer who built it", "admin"])
def test_nobody_else_opens_a_persons_results(app, client, auth, make_user, tool, who):
    attempt = add_attempt(app, tool, make_user(), 4)
    roles = {"another learner": "learner", "trainer who built it": "trainer", "admin": "admin"}
    auth.login(make_user(role=roles[who]))
    assert client.get(f"/toolkit/assessments/{tool}/results/{attempt}").status_code == 404
    assert client.get(f"/toolkit/assessments/{tool}/results/{2 ** 40}").status_code == 404


def test_the_result_page_runs_the_same_queries_however_many_attempts(
        app, client, auth, make_user, tool, count_queries):
    learner = make_user()
    auth.login(learner)
    first = add_attempt(app, tool, learner, 2)
    client.get(f"/toolkit/assessments/{tool}")
    with count_queries() as one:
        assert client.get(f"/toolkit/assessments/{tool}/results/{first}").status_code == 200
    for value in (1, 3, 4, 5, 2):
        latest = add_attempt(app, tool, learner, value)
    with count_queries() as many:
        assert client.get(f"/toolkit/assessments/{tool}/results/{latest}").status_code == 200
    assert one.count == many.count == 8


def test_the_result_page_prints_without_navigation(app, client, auth, make_user, tool):
    learner = make_user()
    auth.login(learner)
    attempt = add_attempt(app, tool, learner, 4)
    page = client.get(f"/toolkit/assessments/{tool}/results/{attempt}").get_data(as_text=True)
    stylesheet = re.search(r'href="(/toolkit/static/toolkit.css)"', page).group(1)
    css = client.get(stylesheet).get_data(as_text=True)
    print_rules = css[css.index("@media print"):]
    assert ".site-header" in print_rules and ".no-print" in print_rules
    assert 'class="no-print' in page
