"""Indicators of a plan and their measurements: the library fills the form in, only the
responsible organisation's contributors enter figures, only approved figures count, bad input
stores nothing, and on/off track follows the path from baseline to target."""
import html
import io
import re
import zipfile
from datetime import date
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from action_plans.models import Goal, Indicator, Measurement, Revision
from action_plans.services import coediting, library
from action_plans.services.indicators import track
from action_plans.services.measurements import STORE, evidence_type
from action_plans.services.records import INDICATOR
from action_plans.views.indicators import number
from lms.extensions import db
from lms.filetypes import DOCX
from tests.helpers import text


def add_goal(app, plan):
    with app.app_context():
        goal = Goal(plan_id=plan.id, code="G1", title="Language first")
        db.session.add(goal)
        db.session.commit()
        return goal.id


def add_indicator(app, plan, network, responsible="contributor", measurements=(), **fields):
    """An indicator on a new goal; `measurements`: (date, value, status, disaggregated)."""
    goal_id = add_goal(app, plan)
    values = dict(code="I1", name="Children in school", unit="percent", direction="higher",
                  baseline_value=50.0, baseline_date=date(2026, 1, 1), target_value=90.0,
                  target_date=date(2028, 12, 31), disaggregation=["sex"])
    values.update(fields)
    with app.app_context():
        organisation = network.organisations[responsible] if responsible else None
        indicator = Indicator(plan_id=plan.id, goal_id=goal_id,
                              responsible_organisation_id=organisation.id if organisation
                              else None, **values)
        for measured_on, value, status, breakdown in measurements:
            indicator.measurements.append(Measurement(
                measured_on=measured_on, value=value, status=status, disaggregated=breakdown))
        db.session.add(indicator)
        coediting.created(plan.id, INDICATOR, indicator, None)   # the base of later merges
        db.session.commit()
        return indicator.id


def url(plan, indicator_id, tail=""):
    return f"/action-plans/{plan.slug}/indicators/{indicator_id}/{tail}"


def rows(app, model=Measurement):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def chart_table(response):
    page = response.get_data(as_text=True)
    start = page.index('class="chart-table"')
    return page[start:page.index("</table>", start)]


MEASUREMENT = {"measured_on": "2026-06-30", "value": "61", "narrative": "Autumn count.",
               "intent": "save"}


# --- adding, editing, deleting indicators ----------------------------------------------------

def test_picking_from_the_library_fills_the_form_in_and_remembers_the_code(app, client, auth,
                                                                           network, plan):
    goal_id = add_goal(app, plan)
    picked = library.by_code("EMP-01")
    auth.login(network.people["editor"])
    page = client.get(f"/action-plans/{plan.slug}/indicators/new?library=EMP-01"
                      f"&attached_to=goal:{goal_id}")
    assert page.status_code == 200
    assert picked.name_in("en") in text(page) and picked.definition_in("en") in text(page)
    html = page.get_data(as_text=True)
    assert 'value="EMP-01"' in html and f'<option selected value="{picked.unit}">' in html
    response = client.post(f"/action-plans/{plan.slug}/indicators/new", data={
        "attached_to": f"goal:{goal_id}", "library_code": "EMP-01", "code": "E1",
        "name": picked.name_in("en"), "level": picked.level, "kind": picked.type,
        "unit": picked.unit, "direction": picked.direction, "frequency": picked.frequency,
        "disaggregation": list(picked.disaggregation), "responsible_organisation_id": "0",
        "approver_id": "0"}, follow_redirects=True)
    assert "The indicator has been added." in text(response)
    with app.app_context():
        indicator = db.session.scalar(select(Indicator))
        assert (indicator.library_code, indicator.goal_id, indicator.code) == (
            "EMP-01", goal_id, "E1")
        assert indicator.disaggregation == list(picked.disaggregation)
        assert db.session.scalar(select(func.count(Revision.id)).where(
            Revision.record_type == "indicator")) == 1


def test_a_code_used_twice_in_a_plan_is_refused(app, client, auth, network, plan):
    add_indicator(app, plan, network)
    auth.login(network.people["editor"])
    with app.app_context():
        goal_id = db.session.scalar(select(Goal.id))
    response = client.post(f"/action-plans/{plan.slug}/indicators/new", data={
        "attached_to": f"goal:{goal_id}", "code": "I1", "name": "Another", "level": "output",
        "kind": "quantitative", "unit": "number", "direction": "higher", "frequency": "annual",
        "responsible_organisation_id": "0", "approver_id": "0"})
    assert response.status_code == 400
    assert "Another indicator of this plan has this code." in text(response)
    assert rows(app, Indicator) == 1


def test_editing_an_indicator_keeps_its_history(app, client, auth, network, plan):
    indicator_id = add_indicator(app, plan, network)
    auth.login(network.people["editor"])
    form = client.get(url(plan, indicator_id, "edit"))
    assert form.status_code == 200 and 'value="Children in school"' in form.get_data(as_text=True)
    with app.app_context():
        organisation_id = network.organisations["contributor"].id
    response = client.post(url(plan, indicator_id, "edit"), data={
        "version": 1, "code": "I1", "name": "Children at school", "level": "outcome",
        "kind": "quantitative", "unit": "percent", "direction": "higher",
        "frequency": "annual", "baseline_value": "50", "baseline_date": "2026-01-01",
        "target_value": "95", "target_date": "2028-12-31", "disaggregation": ["sex", "age_group"],
        "responsible_organisation_id": organisation_id, "approver_id": "0"},
        follow_redirects=True)
    assert "The indicator has been saved." in text(response)
    with app.app_context():
        indicator = db.session.get(Indicator, indicator_id)
        assert (indicator.name, indicator.target_value, indicator.version) == (
            "Children at school", 95.0, 2)
        assert indicator.disaggregation == ["sex", "age_group"]
    assert "Children at school" in text(client.get(url(plan, indicator_id, "history")))


def test_two_editors_changing_different_fields_of_an_indicator_are_merged(app, client, auth,
                                                                          network, plan):
    indicator_id = add_indicator(app, plan, network, responsible=None)
    form = {"version": 1, "code": "I1", "name": "Children in school", "level": "outcome",
            "kind": "quantitative", "unit": "percent", "direction": "higher",
            "frequency": "annual", "baseline_value": "50", "baseline_date": "2026-01-01",
            "target_value": "90", "target_date": "2028-12-31", "disaggregation": ["sex"],
            "responsible_organisation_id": "0", "approver_id": "0"}
    auth.login(network.people["editor"])
    client.post(url(plan, indicator_id, "edit"), data=dict(form, target_value="95"))
    response = client.post(url(plan, indicator_id, "edit"),
                           data=dict(form, data_source="School register"),
                           follow_redirects=True)
    assert "their changes and yours have been merged" in text(response)
    with app.app_context():
        indicator = db.session.get(Indicator, indicator_id)
        assert (indicator.target_value, indicator.data_source, indicator.version) == (
            95.0, "School register", 3)


def test_an_indicator_with_measurements_is_not_deleted(app, client, auth, network, plan):
    indicator_id = add_indicator(app, plan, network, measurements=[
        (date(2026, 6, 1), 60.0, "approved", {})])
    auth.login(network.people["editor"])
    assert "cannot be deleted" in text(client.get(url(plan, indicator_id, "delete")))
    response = client.post(url(plan, indicator_id, "delete"))
    assert response.status_code == 409 and "cannot be deleted" in text(response)
    assert rows(app, Indicator) == 1


def test_an_indicator_without_measurements_is_deleted(app, client, auth, network, plan):
    indicator_id = add_indicator(app, plan, network)
    auth.login(network.people["coordinator"])
    response = client.post(url(plan, indicator_id, "delete"), follow_redirects=True)
    assert "The indicator has been deleted." in text(response)
    assert rows(app, Indicator) == 0


# --- who enters measurements ------------------------------------------------------------------

def test_the_responsible_organisations_contributor_enters_a_measurement(app, client, auth,
                                                                         network, plan):
    indicator_id = add_indicator(app, plan, network, responsible="contributor")
    auth.login(network.people["contributor"])
    assert client.get(url(plan, indicator_id, "measurements/new")).status_code == 200
    response = client.post(url(plan, indicator_id, "measurements/new"),
                           data=dict(MEASUREMENT, by_sex_female="30", by_sex_male="31"),
                           follow_redirects=True)
    assert "The measurement has been saved as a draft." in text(response)
    with app.app_context():
        measurement = db.session.scalar(select(Measurement))
        assert (measurement.value, measurement.status, measurement.disaggregated) == (
            61.0, "draft", {"sex": {"female": 30.0, "male": 31.0}})


@pytest.mark.parametrize("role", ["contributor", "viewer"])
def test_others_do_not_enter_measurements(app, client, auth, network, plan, role):
    indicator_id = add_indicator(app, plan, network, responsible="viewer")
    auth.login(network.people[role])
    assert client.get(url(plan, indicator_id, "measurements/new")).status_code in (403, 404)
    assert client.post(url(plan, indicator_id, "measurements/new"),
                       data=MEASUREMENT).status_code in (403, 404)
    assert rows(app) == 0


def test_a_percentage_from_numerator_and_denominator(app, client, auth, network, plan):
    indicator_id = add_indicator(app, plan, network)
    auth.login(network.people["editor"])
    client.post(url(plan, indicator_id, "measurements/new"),
                data=dict(MEASUREMENT, value="", numerator="12", denominator="48"))
    with app.app_context():
        assert db.session.scalar(select(Measurement.value)) == 25.0


# --- bad input ---------------------------------------------------------------------------------

@pytest.mark.parametrize("change, message", [
    ({"measured_on": "2031-01-01"}, "The date must lie within the plan's period"),
    ({"value": "sixty"}, "Please enter a number"),
    ({"by_sex_female": "a few"}, "Please enter a number"),
    ({"numerator": "3", "denominator": "0"}, "The denominator cannot be zero."),
])
def test_bad_figures_are_explained_kept_and_not_stored(app, client, auth, network, plan, change,
                                                       message):
    indicator_id = add_indicator(app, plan, network)
    auth.login(network.people["editor"])
    response = client.post(url(plan, indicator_id, "measurements/new"),
                           data=dict(MEASUREMENT, **change))
    assert response.status_code == 400 and message in text(response)
    typed = next(iter(change.values()))
    assert f'value="{typed}"' in response.get_data(as_text=True)
    assert rows(app) == 0


def test_a_program_renamed_pdf_is_refused_and_nothing_is_stored(app, client, auth, network,
                                                                plan):
    indicator_id = add_indicator(app, plan, network)
    auth.login(network.people["editor"])
    response = client.post(url(plan, indicator_id, "measurements/new"), data=dict(
        MEASUREMENT, evidence=(io.BytesIO(b"MZ\x90\x00" + b"\x00" * 200), "report.pdf")),
        content_type="multipart/form-data")
    assert response.status_code == 400
    assert "Please choose a PDF, PNG, JPEG, ODT, DOCX, XLSX, ODS or CSV file." in text(response)
    assert "Autumn count." in text(response)
    assert rows(app) == 0
    with app.app_context():
        assert not STORE.root().exists() or not any(STORE.root().rglob("*"))


def test_evidence_is_kept_and_served_to_members(app, client, auth, network, plan):
    indicator_id = add_indicator(app, plan, network)
    auth.login(network.people["editor"])
    pdf = b"%PDF-1.4\n% evidence\n"
    client.post(url(plan, indicator_id, "measurements/new"), data=dict(
        MEASUREMENT, evidence=(io.BytesIO(pdf), "count.pdf")),
        content_type="multipart/form-data")
    with app.app_context():
        measurement = db.session.scalar(select(Measurement))
        assert (measurement.evidence_name, measurement.evidence_type) == (
            "count.pdf", "application/pdf")
    download = client.get(url(plan, indicator_id, f"measurements/{measurement.id}/evidence"))
    assert download.status_code == 200 and download.data == pdf
    auth.logout()
    assert client.get(url(plan, indicator_id,
                          f"measurements/{measurement.id}/evidence")).status_code in (302, 404)


# --- approval -----------------------------------------------------------------------------------

def test_submit_return_resubmit_approve(app, client, auth, network, plan):
    indicator_id = add_indicator(app, plan, network)
    auth.login(network.people["contributor"])
    client.post(url(plan, indicator_id, "measurements/new"), data=dict(MEASUREMENT,
                                                                        intent="submit"))
    with app.app_context():
        measurement_id = db.session.scalar(select(Measurement.id))
    review = url(plan, indicator_id, f"measurements/{measurement_id}/review")
    assert client.post(review, data={"decision": "approve"}).status_code == 404
    auth.logout()
    auth.login(network.people["coordinator"])
    page = client.get(url(plan, indicator_id))
    assert "Awaiting approval" in text(page) and "61 %" not in chart_table(page)
    refused = client.post(review, data={"decision": "return", "comment": ""})
    assert refused.status_code == 400 and "Please say why you return it" in text(refused)
    client.post(review, data={"decision": "return", "comment": "Count the spring term too."})
    auth.logout()
    auth.login(network.people["contributor"])
    page = client.get(url(plan, indicator_id))
    assert "Returned" in text(page) and "Count the spring term too." in text(page)
    edit = url(plan, indicator_id, f"measurements/{measurement_id}/edit")
    client.post(edit, data=dict(MEASUREMENT, value="64", intent="submit"))
    with app.app_context():
        assert db.session.get(Measurement, measurement_id).status == "submitted"
    assert client.get(edit, follow_redirects=True).request.path == url(plan, indicator_id)
    auth.logout()
    auth.login(network.people["coordinator"])
    response = client.post(review, data={"decision": "approve"}, follow_redirects=True)
    assert "The measurement has been approved." in text(response)
    assert "64 %" in chart_table(response)


def test_a_named_approver_approves_instead_of_the_coordinators(app, client, auth, network,
                                                                plan):
    with app.app_context():
        editor_id = network.people["editor"].id
    indicator_id = add_indicator(app, plan, network, approver_id=editor_id, measurements=[
        (date(2026, 6, 1), 60.0, "submitted", {})])
    with app.app_context():
        measurement_id = db.session.scalar(select(Measurement.id))
    review = url(plan, indicator_id, f"measurements/{measurement_id}/review")
    auth.login(network.people["coordinator"])
    assert client.post(review, data={"decision": "approve"}).status_code == 404
    auth.logout()
    auth.login(network.people["editor"])
    client.post(review, data={"decision": "approve"})
    with app.app_context():
        assert db.session.get(Measurement, measurement_id).status == "approved"


# --- the indicator's page -------------------------------------------------------------------------

def test_only_approved_measurements_are_in_the_chart(app, client, auth, network, plan):
    indicator_id = add_indicator(app, plan, network, measurements=[
        (date(2026, 6, 1), 58.0, "approved", {"sex": {"female": 30.0, "male": 28.0}}),
        (date(2027, 1, 1), 77.0, "submitted", {}),
        (date(2027, 2, 1), 88.0, "draft", {})])
    auth.login(network.people["viewer"])
    page = client.get(url(plan, indicator_id))
    table = chart_table(page)
    assert "58 %" in table and "77 %" not in table and "88 %" not in table
    assert "Awaiting approval" in text(page)            # members see the submitted one listed
    assert "30 %" in text(page) and "Female" in text(page)   # the breakdown's table
    assert "Status: On track" in text(page)       # the path is at 50 + 40 * 151 / 1095 ≈ 55.5


@pytest.mark.parametrize("size", [1, 30])
def test_the_indicator_page_costs_the_same_queries_at_any_size(app, client, auth, network, plan,
                                                               count_queries, size):
    indicator_id = add_indicator(app, plan, network, measurements=[
        (date(2026, 1, 1 + i % 28), 50.0 + i, "approved" if i % 2 else "submitted",
         {"sex": {"female": 1.0}}) for i in range(size)])
    auth.login(network.people["coordinator"])
    with count_queries() as counter:
        response = client.get(url(plan, indicator_id))
    assert response.status_code == 200
    assert counter.count <= 10, counter.statements


def test_the_plan_page_shows_each_indicators_latest_value_and_track(app, client, auth, network,
                                                                    plan):
    add_indicator(app, plan, network, measurements=[
        (date(2026, 3, 1), 40.0, "approved", {}), (date(2026, 6, 1), 70.0, "approved", {}),
        (date(2026, 9, 1), 20.0, "submitted", {})])
    auth.login(network.people["viewer"])
    page = text(client.get(f"/action-plans/{plan.slug}/"))
    assert "I1 Children in school" in page and "70 %" in page and "On track" in page


# --- on track, off track -------------------------------------------------------------------------

def indicator(direction, baseline=10.0, target=50.0):
    return SimpleNamespace(kind="quantitative", direction=direction, baseline_value=baseline,
                           target_value=target, baseline_date=date(2026, 1, 1),
                           target_date=date(2030, 1, 1))


@pytest.mark.parametrize("value, day, expected", [
    (30.0, date(2028, 1, 1), "on_track"),      # halfway: the path is at 30
    (29.0, date(2028, 1, 1), "off_track"),
    (12.0, date(2025, 6, 1), "on_track"),      # before the baseline: measured against it
    (49.0, date(2031, 1, 1), "off_track"),     # after the target date: against the target
    (None, date(2028, 1, 1), "no_data"),
])
def test_higher_is_better(value, day, expected):
    assert track(indicator("higher"), value, day) == expected


@pytest.mark.parametrize("value, day, expected", [
    (30.0, date(2028, 1, 1), "on_track"),      # 50 -> 10: halfway at 30
    (31.0, date(2028, 1, 1), "off_track"),
    (9.0, date(2031, 1, 1), "on_track"),
])
def test_lower_is_better(value, day, expected):
    assert track(indicator("lower", baseline=50.0, target=10.0), value, day) == expected


def test_without_a_target_there_is_no_judgement():
    assert track(indicator("higher", target=None), 30.0, date(2028, 1, 1)) == "no_data"


@pytest.mark.parametrize("indicators, per_indicator", [(1, 1), (20, 10)])
def test_the_plan_page_with_measurements_costs_the_same_queries(app, client, auth, network, plan,
                                                                count_queries, indicators,
                                                                per_indicator):
    goal_id = add_goal(app, plan)
    with app.app_context():
        for number in range(indicators):
            indicator = Indicator(plan_id=plan.id, goal_id=goal_id, code=f"I{number}",
                                  name=f"Indicator {number}", baseline_value=0.0,
                                  baseline_date=date(2026, 1, 1), target_value=100.0,
                                  target_date=date(2028, 12, 31))
            indicator.measurements = [Measurement(measured_on=date(2026, 2, 1 + m), value=m,
                                                  status="approved")
                                      for m in range(per_indicator)]
            db.session.add(indicator)
        db.session.commit()
    auth.login(network.people["viewer"])
    with count_queries() as counter:
        response = client.get(f"/action-plans/{plan.slug}/")
    assert response.status_code == 200 and f"I{indicators - 1} Indicator" in text(response)
    assert counter.count <= 10, counter.statements


def test_an_evidence_file_too_large_is_refused(app, client, auth, network, plan):
    indicator_id = add_indicator(app, plan, network)
    app.config["ACTION_PLANS_EVIDENCE_MAX_BYTES"] = 1024 * 1024
    auth.login(network.people["editor"])
    response = client.post(url(plan, indicator_id, "measurements/new"), data=dict(
        MEASUREMENT, evidence=(io.BytesIO(b"%PDF-1.4\n" + b"0" * 1024 * 1024), "big.pdf")),
        content_type="multipart/form-data")
    assert response.status_code == 400 and "The file is too large: at most 1 MB" in text(response)
    assert rows(app) == 0


@pytest.mark.parametrize("data, name, expected", [
    (b"%PDF-1.7\n", "a.pdf", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n....", "a.png", "image/png"),
    (b"district,count\nNord,12\n", "a.csv", "text/csv"),
    (b"district,count\n", "a.txt", None),
    (b"MZ\x90\x00", "a.pdf", None),
    (b"PK\x03\x04 not really a zip", "a.docx", None),
])
def test_evidence_types_are_told_by_content(data, name, expected):
    assert evidence_type(data, name) == expected


def test_office_files_are_told_by_what_the_archive_holds():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    assert evidence_type(buffer.getvalue(), "report.docx") == DOCX
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    assert evidence_type(buffer.getvalue(), "x.ods") == \
        "application/vnd.oasis.opendocument.spreadsheet"


@pytest.mark.parametrize("value, shown", [(1250000.0, "1250000"), (12.5, "12.5"), (8.63014, "8.63"),
                                          (-0.001, "0"), (None, "–")])
def test_figures_are_shown_without_exponents(value, shown):
    assert number(value) == shown


def breakdown_table(response, dimension):
    """The rows of the table of one breakdown's chart, each a list of its cells' texts (the
    heading row first)."""
    page = response.get_data(as_text=True)
    start = page.index(f'<figcaption id="breakdown-{dimension}-caption">')
    table = page[page.index('class="chart-table"', start):page.index("</table>", start)]
    return [[text_of(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", table)]


def text_of(fragment):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_each_breakdown_is_charted_over_time_from_approved_measurements(app, client, auth,
                                                                       network, plan):
    indicator_id = add_indicator(app, plan, network, disaggregation=["sex", "age_group"],
                                 measurements=[
        (date(2026, 3, 1), 55.0, "approved", {"sex": {"female": 50.0, "male": 60.0}}),
        (date(2026, 9, 1), 60.0, "approved", {"sex": {"female": 58.0}}),
        (date(2027, 3, 1), 65.0, "submitted", {"sex": {"female": 63.0, "male": 67.0}}),
        (date(2027, 6, 1), 70.0, "approved", {})])
    auth.login(network.people["viewer"])
    page = client.get(url(plan, indicator_id))
    assert breakdown_table(page, "sex") == [
        ["Date", "Female", "Male"],
        ["Mar 1, 2026", "50 %", "60 %"],
        ["Sep 1, 2026", "58 %", "–"]]             # no figure for men then: a gap, not a zero
    assert "I1 by sex" not in text(page) and \
        "Sex: approved measurements of I1 over time" in text(page)
    assert "63 %" not in text(page) and "67 %" not in text(page)   # awaiting approval
    assert "breakdown-age_group" not in page.get_data(as_text=True)   # no figures yet
    # two lines, told apart by their markers and dashes too, named in the legend
    figure = page.get_data(as_text=True).split('id="breakdown-sex-caption"')[1]
    svg = figure.split("</svg>")[0]
    assert svg.count("<polyline") == 1 + 1 and svg.count("<circle") == 2 and \
        svg.count("<rect") == 1
    legend = figure.split('class="chart-legend">')[1].split("</ul>")[0]
    assert text_of(legend) == "Female Male"


def test_the_demo_charts_a_breakdown_over_two_years(app):
    from action_plans.demo import TITLE
    from action_plans.models import Plan
    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    with app.app_context():
        slug = db.session.scalar(select(Plan.slug).where(Plan.title == TITLE))
        indicator_id = db.session.scalar(select(Indicator.id).join(Plan).where(
            Plan.slug == slug, Indicator.code == "I4"))
        plan = SimpleNamespace(slug=slug)
    page = app.test_client().get(url(plan, indicator_id))     # a public plan: anyone reads it
    assert page.status_code == 200
    sex = breakdown_table(page, "sex")
    assert sex[0] == ["Date", "Female", "Male"] and len(sex) == 1 + 3   # the one submitted: out
    assert {row[0][-4:] for row in sex[1:]} == {str(date.today().year - 1), str(date.today().year)}
    status = breakdown_table(page, "residence_status")
    assert status[0][1:] == ["Recognised refugee", "Subsidiary protection", "Asylum seeker",
                             "Other residence permit"]
    assert status[1][-1] == "–" and status[3][3] == "–"      # not surveyed then
