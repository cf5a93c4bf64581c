"""The media store judges files by content, limits sizes, needs alt text and serves by hash."""
import hashlib
import io
from pathlib import Path

import pytest
from sqlalchemy import func, select

from courses.models import MediaFile
from lms.extensions import db
from tests.helpers import PNG

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\x00" * 64
WEBM = b"\x1a\x45\xdf\xa3" + b"\x00" * 64
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64


def upload(client, data, name, alt=""):
    return client.post("/courses/media/", data={"file": (io.BytesIO(data), name),
                                               "alt_text": alt},
                       content_type="multipart/form-data")


def stored_files(app):
    root = Path(app.instance_path) / "media"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.fixture
def trainer_client(client, auth, make_user):
    auth.login(make_user(role="trainer"))
    return client


@pytest.mark.parametrize("data, name, content_type", [
    (PNG, "photo.png", "image/png"), (PDF, "checklist.pdf", "application/pdf"),
    (MP3, "interview.mp3", "audio/mpeg"), (WEBM, "clip.webm", "video/webm"),
    (MP4, "clip.mp4", "video/mp4"), (PNG, "misnamed.pdf", "image/png"),
])
def test_a_file_is_stored_by_hash_and_served_with_its_type(app, trainer_client, data, name,
                                                           content_type):
    response = upload(trainer_client, data, name, alt="A map of the district")
    assert response.status_code == 302
    digest = hashlib.sha256(data).hexdigest()
    assert [p.name for p in stored_files(app)] == [digest]
    served = trainer_client.get(f"/courses/media/{digest}")
    assert served.status_code == 200 and served.data == data
    assert served.headers["Content-Type"].startswith(content_type)
    assert served.headers["ETag"] == f'"{digest}"'
    assert "immutable" in served.headers["Cache-Control"]
    assert "max-age=31536000" in served.headers["Cache-Control"]
    again = trainer_client.get(f"/courses/media/{digest}",
                               headers={"If-None-Match": f'"{digest}"'})
    assert again.status_code == 304


@pytest.mark.parametrize("data, name, alt, message", [
    (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "x.png",
     "alt", "This file type is not accepted."),
    (b"MZ\x90\x00 executable", "report.pdf", "", "This file type is not accepted."),
    (b"<html><script>alert(1)</script></html>", "page.jpg", "alt",
     "This file type is not accepted."),
    (PNG, "photo.png", "", "Please describe the image in the alternative text."),
    (b"", "empty.png", "alt", "This file type is not accepted."),
])
def test_wrong_files_are_refused_at_the_form_and_nothing_is_stored(app, trainer_client, data,
                                                                    name, alt, message):
    response = upload(trainer_client, data, name, alt)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert stored_files(app) == []
    with app.app_context():
        assert db.session.scalar(select(func.count(MediaFile.id))) == 0


def test_a_file_over_its_limit_is_refused(app_factory, client, make_user):
    app = app_factory(COURSES_MEDIA_MAX_BYTES={"image": 100, "pdf": 1000, "audio": 1000,
                                               "video": 1000})
    browser = app.test_client()
    trainer = make_user(role="trainer")
    browser.post("/login", data={"email": trainer.email,
                                 "password": "correct horse battery staple"})
    big = PNG + b"\x00" * 200
    response = upload(browser, big, "big.png", "A large image")
    assert "This file is too large: the limit for this type is 0 MB." in \
        response.get_data(as_text=True)
    assert stored_files(app) == []


def test_learners_cannot_upload(client, auth, make_user):
    auth.login(make_user())
    assert upload(client, PNG, "x.png", "alt").status_code == 403


def test_unknown_media_answers_404(client):
    assert client.get("/courses/media/" + "0" * 64).status_code == 404
    assert client.get("/courses/media/not-a-hash").status_code == 404
