"""Templates and checklists attached to a course: typed by content, kept by hash, downloaded."""
import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from courses.models import ToolkitResource
from lms.extensions import db
from tests.helpers import PNG, text

CSV = "Organisation,Contact\nJob centre,Team leader\n".encode()


def upload(client, course, content, filename, **fields):
    return client.post(f"/toolkit/courses/{course.slug}/resources", data={
        "title": "Partner map", "kind": "template", "description": "Fill it in.",
        "file": (io.BytesIO(content), filename), **fields},
        content_type="multipart/form-data")


def stored(app):
    with app.app_context():
        return db.session.scalar(select(func.count(ToolkitResource.id)))


def docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def test_a_trainer_attaches_a_template_that_anyone_can_download(app, client, auth,
                                                                 make_course):
    course = make_course()
    auth.login(course.trainer)
    response = upload(client, course, CSV, "Partner map (v2).csv")
    assert response.status_code == 302
    page = text(client.get(f"/toolkit/courses/{course.slug}/resources"))
    assert "Partner map (Template, Partner-map-v2.csv, 44 Bytes)" in page
    digest = hashlib.sha256(CSV).hexdigest()
    assert (Path(app.instance_path) / "toolkit" / digest[:2] / digest).read_bytes() == CSV
    auth.logout()
    toolkit = client.get("/toolkit/").get_data(as_text=True)
    link = f"/toolkit/courses/{course.slug}/resources/1/Partner-map-v2.csv"
    assert f'href="{link}"' in toolkit
    response = client.get(link)
    assert response.status_code == 200 and response.data == CSV
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == "attachment; filename=Partner-map-v2.csv"
    assert response.headers["ETag"] == f'"{digest}"'
    assert client.get(link, headers={"If-None-Match": f'"{digest}"'}).status_code == 304


@pytest.mark.parametrize(("content", "filename", "expected"), [
    (b"%PDF-1.7\n...", "checklist.txt", ("application/pdf", "checklist.pdf")),
    (b"# Checklist\n\n- [ ] Book a room\n", "checklist.pdf", ("text/plain", "checklist.txt")),
    (b"# Checklist\n", "checklist.md", ("text/markdown", "checklist.md")),
    (docx(), "plan.zip", ("application/vnd.openxmlformats-officedocument."
                          "wordprocessingml.document", "plan.docx")),
])
def test_the_type_comes_from_the_content(app, client, auth, make_course, content, filename,
                                         expected):
    course = make_course()
    auth.login(course.trainer)
    assert upload(client, course, content, filename).status_code == 302
    with app.app_context():
        resource = db.session.scalar(select(ToolkitResource))
        assert (resource.content_type, resource.filename) == expected


@pytest.mark.parametrize(("content", "filename", "message"), [
    (PNG, "template.csv", "This kind of file cannot be offered here."),
    ("Ort;Straße\n".encode("latin-1"), "list.csv", "This kind of file cannot be offered here."),
    (b"PK\x03\x04broken", "plan.docx", "This kind of file cannot be offered here."),
    (b"", "empty.md", "The file is empty."),
    (b"x" * (10 * 1024 * 1024 + 1), "big.txt", "The file is larger than 10 MB."),
])
def test_wrong_or_oversized_files_are_refused_and_nothing_is_stored(
        app, client, auth, make_course, content, filename, message):
    course = make_course()
    auth.login(course.trainer)
    response = upload(client, course, content, filename)
    assert response.status_code == 200
    assert message in text(response) and 'value="Partner map"' in response.get_data(as_text=True)
    assert stored(app) == 0
    assert not (Path(app.instance_path) / "toolkit").exists()


def test_removing_a_file_takes_it_off_the_course(app, client, auth, make_course):
    course = make_course()
    auth.login(course.trainer)
    upload(client, course, CSV, "map.csv")
    response = client.post(f"/toolkit/courses/{course.slug}/resources/1/delete",
                           follow_redirects=True)
    assert '"Partner map" has been removed.' in text(response)
    assert stored(app) == 0
    assert client.get(f"/toolkit/courses/{course.slug}/resources/1/map.csv").status_code == 404


@pytest.mark.parametrize(("who", "status"), [("anonymous", 302), ("learner", 403),
                                             ("other trainer", 404), ("course trainer", 200),
                                             ("admin", 200)])
def test_only_the_courses_editors_manage_its_files(app, client, auth, make_user, make_course,
                                                   who, status):
    course = make_course()
    person = {"learner": lambda: make_user(), "other trainer": lambda: make_user(role="trainer"),
              "course trainer": lambda: course.trainer, "admin": lambda: make_user(role="admin"),
              "anonymous": lambda: None}[who]()
    if person is not None:
        auth.login(person)
    assert client.get(f"/toolkit/courses/{course.slug}/resources").status_code == status


def test_files_of_a_draft_course_are_not_served(app, client, auth, make_course, client_for):
    course = make_course(publish=False)
    assert upload(client_for(course.trainer), course, CSV, "map.csv").status_code == 302
    assert client.get(f"/toolkit/courses/{course.slug}/resources/1/map.csv").status_code == 404
    assert "map.csv" not in client.get("/toolkit/").get_data(as_text=True)
