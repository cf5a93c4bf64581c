"""Completing a course gives a certificate, a public verification page and an Open Badge."""
import hashlib
import io
import json

import pytest
from pypdf import PdfReader


@pytest.fixture
def completed(client_for, make_user, make_course):
    course = make_course(modules=1, lessons=1, title="Referrals that work")
    learner = make_user(display_name="Amina Haddad", email="amina@example.org")
    browser = client_for(learner)
    browser.post(f"/courses/{course.slug}/enrol")
    done = browser.post(f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}/done")
    code = done.headers["Location"].rsplit("/", 1)[1]
    return course, learner, browser, code


def test_the_certificate_page_and_pdf(completed):
    course, _learner, browser, code = completed
    page = browser.get(f"/courses/certificates/{code}").get_data(as_text=True)
    assert "Amina Haddad" in page and "Referrals that work" in page and code in page
    assert f"/courses/verify/{code}" in page
    pdf = browser.get(f"/courses/certificates/{code}.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    assert pdf.headers["Content-Type"] == "application/pdf"


def test_the_certificate_pdf_is_landscape_a4_in_the_learners_language_and_script(
        client_for, make_user, make_course):
    course = make_course(modules=1, lessons=1, title="Città e comunità: lavorare insieme")
    learner = make_user(display_name="Şükrü Öztürk-Weiß", locale="de")
    browser = client_for(learner)
    browser.post(f"/courses/{course.slug}/enrol")
    done = browser.post(f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}/done")
    code = done.headers["Location"].rsplit("/", 1)[1]
    response = browser.get(f"/courses/certificates/{code}.pdf")
    assert response.headers["Content-Disposition"] == \
        f'attachment; filename="certificate-{code}.pdf"'
    pdf = PdfReader(io.BytesIO(response.data))
    assert len(pdf.pages) == 1
    page = pdf.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
    text = page.extract_text()
    for line in ("Teilnahmezertifikat", "Şükrü Öztürk-Weiß", "hat den Kurs abgeschlossen",
                 "Città e comunità: lavorare insieme", f"Zertifikatscode: {code}",
                 f"http://localhost/courses/verify/{code}", "Inclusion LMS"):
        assert line in text
    assert pdf.metadata.title == "Zertifikat – Città e comunità: lavorare insieme"


def test_the_certificate_is_private_but_verification_public(completed, client, client_for,
                                                            make_user):
    _course, _learner, _browser, code = completed
    assert client_for(make_user()).get(f"/courses/certificates/{code}").status_code == 404
    page = client.get(f"/courses/verify/{code}")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "is valid" in text and "Amina Haddad" in text and "Referrals that work" in text
    unknown = client.get("/courses/verify/AAAA-BBBB-CCCC")
    assert unknown.status_code == 404 and "is unknown" in unknown.get_data(as_text=True)
    assert client.get(f"/courses/verify/?code={code.lower()}").headers["Location"] == \
        f"/courses/verify/{code.lower()}"
    assert "is valid" in client.get(f"/courses/verify/{code.lower()}").get_data(as_text=True)


def test_the_badge_documents_are_linked_json_ld(completed, client):
    course, _learner, _browser, code = completed
    assertion = client.get(f"/courses/badges/assertions/{code}")
    assert assertion.headers["Content-Type"].startswith("application/ld+json")
    document = json.loads(assertion.data)
    assert document["@context"] == "https://w3id.org/openbadges/v2"
    assert document["type"] == "Assertion"
    assert document["id"] == f"http://localhost/courses/badges/assertions/{code}"
    assert document["verification"] == {"type": "hosted"}
    salt = document["recipient"]["salt"]
    assert document["recipient"]["identity"] == \
        "sha256$" + hashlib.sha256(("amina@example.org" + salt).encode()).hexdigest()
    badge = json.loads(client.get(document["badge"].removeprefix("http://localhost")).data)
    assert badge["type"] == "BadgeClass" and badge["name"] == "Referrals that work"
    issuer = json.loads(client.get(badge["issuer"].removeprefix("http://localhost")).data)
    assert issuer["type"] == "Issuer" and issuer["id"] == badge["issuer"]
    image = client.get(badge["image"].removeprefix("http://localhost") + "?download=1")
    assert image.headers["Content-Type"].startswith("image/svg+xml")
    assert "attachment" in image.headers["Content-Disposition"]
    assert b"<script" not in image.data


def test_a_revoked_certificate_says_so(completed, client, client_for):
    course, _learner, _browser, code = completed
    trainer = client_for(course.trainer)
    assert trainer.post(f"/courses/{course.slug}/certificates/{code}/revoke").status_code == 302
    assert "has been revoked" in client.get(f"/courses/verify/{code}").get_data(as_text=True)
    gone = client.get(f"/courses/badges/assertions/{code}")
    assert gone.status_code == 410 and json.loads(gone.data)["revoked"] is True


def test_completion_is_recorded_as_activity(app, client_for, make_user, make_course,
                                            make_organisation):
    from lms.signals import activity
    seen = []

    def listen(sender, **kwargs):
        seen.append(kwargs)
    activity.connect(listen, app)
    try:
        course = make_course(modules=1, lessons=1)
        learner = make_user()
        organisation = make_organisation(members=[learner])
        browser = client_for(learner)
        browser.post(f"/courses/{course.slug}/enrol")
        browser.post(f"/courses/{course.slug}/lessons/{course.lesson_ids[0]}/done")
    finally:
        activity.disconnect(listen, app)
    assert len(seen) == 1
    assert seen[0]["verb"] == "courses.completed"
    assert seen[0]["organisation_ids"] == (organisation.id,)
    assert seen[0]["public"] is False and seen[0]["title"] == course.title
