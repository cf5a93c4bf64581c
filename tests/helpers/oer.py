"""The OER tests' snapshots, build context, readers of stored releases and packages, and of
OAI-PMH answers."""
import hashlib
import io
import os
import shutil
import struct
import subprocess
import zipfile
import zlib
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from lms.extensions import db
from lms.publishing import Asset, Choice, Part, Question, Snapshot
from tests.helpers import IN_CI, STANDARDS

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
NS = {"o": OAI, "oai_dc": OAI_DC, "dc": "http://purl.org/dc/elements/1.1/"}
SCHEMAS = STANDARDS / "oai-pmh"
CONFIG = {"OAI_REPOSITORY_NAME": "Inclusion OER repository",
          "OAI_ADMIN_EMAIL": "oer-admin@example.org"}


EPUBCHECK = Path("/usr/share/java/epubcheck.jar")


def epubcheck(path):
    """epubcheck's report on the e-book at `path`, which must pass (skipped without epubcheck,
    never under CI=true)."""
    if not EPUBCHECK.exists() or not shutil.which("java"):
        message = f"epubcheck needs {EPUBCHECK} and java (apt-get install epubcheck)"
        if IN_CI:
            pytest.fail(message + " and CI=true")
        pytest.skip(message)
    result = subprocess.run(["java", "-jar", str(EPUBCHECK), str(path)], capture_output=True,
                            text=True, timeout=120, env={**os.environ, "LC_ALL": "C"})
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


CONTEXT_ARGS = dict(release_number=2, published_at=datetime(2026, 5, 1, 12, 30),
                    landing_url="http://localhost/oer/sample-resource/v2/",
                    slug="sample-resource")


def sample_snapshot(number=1, lessons=3, **fields):
    """A course-like snapshot: one module of `lessons` pages, a quiz and a discussion."""
    pages = [Part(id=f"lesson-{n}", title=f"Lesson {n}", kind="page",
                  html=f"<h2>Part {n}</h2><p>Text of lesson {n} about cooperation.</p>")
             for n in range(1, lessons + 1)]
    quiz = Part(id="quiz-1", title="Check your understanding", kind="quiz", pass_mark=50,
                html="<p>Two questions.</p>", questions=[
                    Question(id="q1", kind="single", prompt="Who coordinates a network?",
                             choices=[Choice(id="a", text="A coordinator", correct=True),
                                      Choice(id="b", text="Nobody")]),
                    Question(id="q2", kind="true_false", prompt="Partners sign off a plan.",
                             choices=[Choice(id="t", text="true", correct=True),
                                      Choice(id="f", text="false")])])
    discussion = Part(id="discussion-1", title="Discuss: your network", kind="discussion",
                      html="<p>Which partner is missing in your region?</p>")
    values = dict(
        kind="courses.course", key=str(number), title=f"Sample resource {number}",
        description=f"A sample open educational resource number {number}.",
        language="en", licence="CC-BY-SA-4.0",
        source_url=f"http://localhost/courses/sample-{number}/",
        authors=["Ada Trainer"], organisations=["Open Learning Association"],
        keywords=["cooperation", "networks"], resource_type="course",
        facets={"integration_area": "labour", "country": "DE", "level": "regional"},
        parts=[Part(id="module-1", title="Module 1", kind="section",
                    parts=pages + [quiz, discussion])])
    values.update(fields)
    return Snapshot(**values)


def png(width=4, height=3):
    """A small valid PNG image."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    rows = b"".join(b"\x00" + b"\x33\x66\x99" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                             0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def asset_file(directory, name, data, media_type, title):
    path = directory / name.replace("/", "_")
    path.write_bytes(data)
    return Asset(name=name, media_type=media_type, size=len(data),
                 sha256=hashlib.sha256(data).hexdigest(), source=str(path), title=title)


def part(id, title, kind="page", **fields):
    return Part(id=id, title=title, kind=kind, **fields)


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


def error_code(tree):
    errors = tree.findall("o:error", NS)
    return errors[0].get("code") if errors else None


def identifiers(tree):
    return [e.text for e in tree.iterfind(".//o:header/o:identifier", NS)]


def texts(record, name):
    return [e.text for e in record.iterfind(f".//dc:{name}", NS)]


def identifier(slug, number=1):
    return f"oai:localhost:{slug}/v{number}"
