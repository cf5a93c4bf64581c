"""The whole plan as PDF and DOCX: the plan's text in the plan's language, the same bytes for
the same plan."""
import io
from datetime import date

from docx import Document as WordDocument
from pypdf import PdfReader

from action_plans.models import Action, Goal, Plan, Section
from lms.extensions import db


def fill(app, plan, network, language="de"):
    with app.app_context():
        found = db.session.get(Plan, plan.id)
        found.language = language
        section = db.session.get(Section, plan.sections["context"])
        section.body = ("Die Stadt **Musterstadt** begrüßt jedes Jahr 600 Menschen.\n\n"
                        "- Sprachkurse am Abend\n- Kinderbetreuung während der Kurse")
        goal = Goal(plan_id=plan.id, code="Z1", title="Arbeit für Geflüchtete",
                    thematic_area="employment")
        db.session.add(goal)
        db.session.flush()
        db.session.add(Action(plan_id=plan.id, goal_id=goal.id, code="M1",
                              title="Mentoring durch Rentnerinnen", status="in_progress",
                              progress=40, planned_start=date(2026, 3, 1),
                              planned_end=date(2026, 9, 30),
                              lead_organisation_id=network.organisations["editor"].id))
        db.session.commit()


def test_the_pdf_holds_the_plan_in_its_language_and_is_stable(app, client, auth, network,
                                                             plan):
    fill(app, plan, network)
    auth.login(network.people["viewer"])
    response = client.get(f"/action-plans/{plan.slug}/plan.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert f'filename="{plan.slug}.pdf"' in response.headers["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.data))
    content = " ".join(page.extract_text() for page in reader.pages)
    for expected in ("Regional Inclusion Plan", "Zeitraum", "Musterstadt begrüßt",
                     "Sprachkurse am Abend", "Z1 Arbeit für Geflüchtete",
                     "Mentoring durch Rentnerinnen", "In Arbeit", "Editor Organisation"):
        assert expected in content, expected
    assert reader.metadata.title == "Regional Inclusion Plan"
    assert client.get(f"/action-plans/{plan.slug}/plan.pdf").data == response.data


def test_the_docx_opens_with_the_plans_headings_lists_and_tables(app, client, auth, network,
                                                                 plan):
    fill(app, plan, network, language="it")
    auth.login(network.people["viewer"])
    response = client.get(f"/action-plans/{plan.slug}/plan.docx")
    assert response.status_code == 200
    word = WordDocument(io.BytesIO(response.data))
    paragraphs = [(p.style.name, p.text) for p in word.paragraphs]
    assert ("Title", "Regional Inclusion Plan") in paragraphs
    assert ("Heading 2", "Z1 Arbeit für Geflüchtete") in paragraphs
    assert ("List Bullet", "Sprachkurse am Abend") in paragraphs
    bold = [run.text for p in word.paragraphs for run in p.runs if run.bold]
    assert "Musterstadt" in bold
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    assert "Periodo" in cells and "Mentoring durch Rentnerinnen" in cells and "In corso" in cells
    assert client.get(f"/action-plans/{plan.slug}/plan.docx").data == response.data


def test_a_draft_plans_documents_are_for_members_only(client, auth, plan, outsider):
    auth.login(outsider.user)
    assert client.get(f"/action-plans/{plan.slug}/plan.pdf").status_code == 404
    assert client.get(f"/action-plans/{plan.slug}/plan.docx").status_code == 404


def test_an_adopted_versions_documents_never_change(app, client, auth, network, plan):
    """Its PDF and DOCX come from the frozen snapshot: editing the plan afterwards changes the
    plan's documents, never the version's."""
    from action_plans.services import adoption
    from lms.models import User
    fill(app, plan, network)
    with app.test_request_context():
        adoption.adopt_for_demo(db.session.get(Plan, plan.id),
                                db.session.get(User, network.people["coordinator"].id))
        db.session.commit()
    auth.login(network.people["viewer"])
    base = f"/action-plans/{plan.slug}/versions/1"
    pdf, docx = client.get(base + "/plan.pdf").data, client.get(base + "/plan.docx").data
    assert "Musterstadt begrüßt" in " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    with app.app_context():
        db.session.get(Section, plan.sections["context"]).body = "Ganz anderer Text."
        db.session.commit()
    assert client.get(base + "/plan.pdf").data == pdf
    assert client.get(base + "/plan.docx").data == docx
    assert "Ganz anderer Text." in " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(
            client.get(f"/action-plans/{plan.slug}/plan.pdf").data)).pages)
