"""A learner fills in a self-assessment tool in a real browser and reads chart and table."""
import pytest

from tests.helpers.toolkit import make_tool

pytestmark = pytest.mark.browser

STATEMENTS = {"We meet our goals.": "Fully", "We measure results.": "Partly",
              "We ask participants for feedback.": "To a small extent"}


def test_a_learner_answers_and_sees_chart_table_and_advice(app, visitor, make_user,
                                                           make_organisation):
    slug = make_tool(app, make_user(role="trainer"), title="Partnership check")
    learner = make_user(display_name="Lena Learner")
    make_organisation(name="Porta Aperta", members=[learner])
    visitor.log_in(learner.email)
    visitor.open("/toolkit/")
    visitor.follow("Partnership check")
    visitor.follow("Start")
    page = visitor.page
    page.get_by_label("I answer for").select_option(label="Porta Aperta")
    for statement, answer in STATEMENTS.items():
        page.get_by_role("group", name=statement).get_by_label(answer, exact=True).check()
    visitor.press("See my results")
    assert page.url.endswith(f"/toolkit/assessments/{slug}/results/1")
    main = visitor.main
    # (4 + 2) of 8 points: 75 %; one statement at 1 of 4: 25 %
    chart = main.get_by_role("img", name="Scores for Effectiveness")
    assert chart.is_visible()
    assert "75 %" in chart.text_content()
    rows = main.get_by_role("table").get_by_role("row")
    assert rows.nth(1).inner_text().split("\t") == ["Effectiveness", "75 %", "Well established"]
    assert rows.nth(2).inner_text().split("\t") == ["Evaluation", "25 %", "Getting started"]
    # the advice of each dimension's band: "well established" and "getting started"
    assert main.get_by_text("Share your approach with other regions.").is_visible()
    assert main.get_by_text("map who does what").is_visible()
    assert main.get_by_text("Agree on").count() == 0
    assert main.get_by_text("Answered for").is_visible()
    assert main.get_by_role("button", name="Print these results").is_visible()
