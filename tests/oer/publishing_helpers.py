"""Helpers for the publishing tests: a course ready to publish, and the package builders.

Import the fixtures into a test module (`from tests.oer.publishing_helpers import *`)."""
import hashlib
import importlib.util
import io
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from lms.extensions import db
from tests.courses.conftest import make_course  # noqa: F401  (a fixture)

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


def _stand_in_builders():
    """Used only while oer.packages is not in this branch: an "html" format that zips the
    pages and the assets and fails, as the real builders do, when an asset file is gone."""
    class BuildError(Exception):
        pass

    @dataclass
    class BuildContext:
        release_number: int
        published_at: datetime
        landing_url: str
        slug: str

    def build(format_name, snapshot, fileobj, context):
        with zipfile.ZipFile(fileobj, "w") as archive:
            for part in snapshot.walk():
                archive.writestr(f"{part.id}.html", part.html)
            for asset in snapshot.assets:
                if not Path(asset.source).is_file():
                    raise BuildError(f"the file {asset.name} is missing")
                archive.write(asset.source, asset.name)

    return SimpleNamespace(
        FORMATS={"html": SimpleNamespace(label="HTML", media_type="application/zip")},
        BuildError=BuildError, BuildContext=BuildContext, build=build,
        filename=lambda slug, number, name: f"{slug}-v{number}.html.zip")


@pytest.fixture
def builders(app, monkeypatch):
    """The package builders publishing uses: the real ones, limited to the formats that build
    already (a builder still in progress raises BuildError for everything), so that these tests
    cover every format as soon as its builder lands."""
    from oer.services import publishing
    if importlib.util.find_spec("oer.packages") is None:
        stand_in = _stand_in_builders()
        monkeypatch.setattr(publishing, "_builders", lambda: stand_in)
        return stand_in
    from courses.publishing_kind import CourseKind
    real = publishing._builders()
    working = tuple(name for name in CourseKind.formats if _builds(app, real, name))
    assert working, "no package format builds"
    monkeypatch.setattr(CourseKind, "formats", working)
    return SimpleNamespace(FORMATS={name: real.FORMATS[name] for name in working})


def _builds(app, real, name):
    from tests.oer.conftest import sample_snapshot
    context = real.BuildContext(release_number=1, published_at=datetime(2026, 1, 1),
                                landing_url="http://localhost/oer/x/v1/", slug="x")
    with app.test_request_context():
        try:
            real.build(name, sample_snapshot(), io.BytesIO(), context)
        except real.BuildError:
            return False
    return True


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
