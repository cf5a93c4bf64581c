"""Helpers for the publishing tests: a course ready to publish, and the package builders.

Import the fixtures into a test module (`from tests.oer.publishing_helpers import *`)."""
import hashlib
import io
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from lms.extensions import db
from tests.courses.conftest import make_course  # noqa: F401  (a fixture)

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture
def builders(app):
    """The real package builders, every format of every kind: publishing in these tests builds
    what a trainer's publication builds."""
    from oer.services import publishing
    return publishing._builders()


@pytest.fixture
def ready_course(app, make_course, make_user, make_organisation):
    """ready_course(**fields) -> a published course with a summary, an image with alternative
    text in its first lesson and a discussion prompt on its first module; its trainer is on
    the returned course as `.trainer` and belongs to an organisation."""
    def make(**fields):
        from courses.models import Course, Lesson
        from courses.services import authoring, media, publishing
        trainer = make_user(role="trainer", display_name="Ada Trainer")
        make_organisation(name="Open Learning Association", members=[trainer])
        fields.setdefault("summary", "How local partners plan inclusion together.")
        course = make_course(trainer=trainer, publish=False, **fields)
        with app.test_request_context():
            stored = media.store(PNG, "image/png", "image", "map.png", "A map of partners", None)
            lesson = db.session.get(Lesson, course.lesson_ids[0])
            authoring.update_lesson(lesson, lesson.title,
                                    f"![A map of partners](/courses/media/{stored.sha256})\n\n"
                                    "Who works with whom.")
            authoring.update_module(lesson.module, lesson.module.title,
                                    "Which partner is **missing** in your region?")
            loaded = db.session.get(Course, course.id)
            publishing.publish(loaded, None)
            db.session.commit()
            course.media_sha256 = stored.sha256
        course.trainer = trainer
        return course
    return make


def package_files(app):
    root = Path(app.instance_path) / "oer" / "packages"
    return sorted(p.name for p in root.iterdir() if p.is_file()) if root.exists() else []


def temporary_files(app):
    folder = Path(app.instance_path) / "oer" / "packages" / "tmp"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def releases(app, course):
    from oer.models import OerItem, OerRelease
    with app.app_context():
        rows = db.session.scalars(
            select(OerRelease).join(OerRelease.item)
            .where(OerItem.kind == "courses.course", OerItem.key == str(course.id))
            .order_by(OerRelease.number)).all()
        return [SimpleNamespace(id=r.id, number=r.number, is_current=r.is_current,
                                withdrawn=r.withdrawn, slug=r.item.slug,
                                packages=[SimpleNamespace(format=p.format, filename=p.filename,
                                                          sha256=p.sha256, size=p.size,
                                                          media_type=p.media_type)
                                          for p in r.packages])
                for r in rows]


def publish_url(course):
    return f"/oer/publish/courses.course/{course.id}"


def sha256_of(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def read_zip_names(data):
    return zipfile.ZipFile(io.BytesIO(data)).namelist()
