"""Helpers for the package tests: a build context, a snapshot with media files, building."""
import hashlib
import io
import struct
import zlib
from datetime import datetime

import pytest

from lms.publishing import Asset, Choice, Part, Question
from tests.conftest import IN_CI, STANDARDS
from tests.oer.conftest import sample_snapshot

CONTEXT_ARGS = dict(release_number=2, published_at=datetime(2026, 5, 1, 12, 30),
                    landing_url="http://localhost/oer/sample-resource/v2/",
                    slug="sample-resource")


def standards(folder):
    """A folder of ../shared/standards; skipped (never under CI=true) when it is absent."""
    path = STANDARDS / folder
    if not path.is_dir():
        if IN_CI:
            pytest.fail(f"{path} is missing and CI=true")
        pytest.skip(f"the standards files are not at {path}")
    return path


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


@pytest.fixture
def context():
    from oer.packages import BuildContext
    return BuildContext(**CONTEXT_ARGS)


@pytest.fixture
def media_snapshot(tmp_path):
    """The sample course with a picture in its first lesson, a cover and an audio file."""
    picture = asset_file(tmp_path, "media/picture.png", png(), "image/png", "A map")
    cover = asset_file(tmp_path, "media/cover.png", png(8, 6), "image/png", "Cover")
    sound = asset_file(tmp_path, "media/interview.mp3", b"ID3" + bytes(500), "audio/mpeg",
                       "Interview")
    snapshot = sample_snapshot(assets=[cover, sound, picture], cover=cover.name,
                               cover_alt="People around a table")
    lesson = snapshot.parts[0].parts[0]
    lesson.html += ('<p><img src="media/picture.png" alt="A map of the region"></p>'
                    '<p>Listen: <a href="media/interview.mp3">the interview</a>, and read '
                    '<a href="https://example.org/guide">the guide</a>.</p>')
    return snapshot


@pytest.fixture
def every_question_kind(media_snapshot):
    """The media course whose quiz has a question of every kind, a module introduction, and
    links from its third lesson to a heading of the first and to the quiz."""
    quiz = media_snapshot.parts[0].parts[3]
    quiz.questions += [
        Question(id="q3", kind="multiple", prompt="Which are partners?", feedback="Both are.",
                 choices=[Choice(id="a", text="Schools", correct=True, feedback="Yes."),
                          Choice(id="b", text="Employers", correct=True),
                          Choice(id="c", text="Nobody")]),
        Question(id="q4", kind="short", prompt="Name the plan's owner.",
                 accepted=["the network", "network"]),
        Question(id="q5", kind="matching", prompt="Match the roles",
                 choices=[Choice(id="m1", text="Coordinator", match="leads"),
                          Choice(id="m2", text="Editor", match="writes")])]
    media_snapshot.parts[0].html = '<p>Start here.</p><img src="media/picture.png" alt="Map">'
    lessons = media_snapshot.parts[0].parts
    lessons[0].html = lessons[0].html.replace("<h2>", '<h2 id="getting-started">', 1)
    lessons[2].html += ('<p>Back to <a href="lesson-1.html#getting-started">the start</a>, or on '
                        'to <a href="quiz-1.html">the quiz</a>.</p>')
    return media_snapshot


@pytest.fixture
def build(app):
    """build(format, snapshot, context) -> the package's bytes."""
    from oer import packages

    def run(format_name, snapshot, context):
        out = io.BytesIO()
        with app.app_context():
            packages.build(format_name, snapshot, out, context)
        return out.getvalue()
    return run


def part(id, title, kind="page", **fields):
    return Part(id=id, title=title, kind=kind, **fields)
