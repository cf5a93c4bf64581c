"""Building OER packages: time of all five formats of a 100-lesson course (goal: under 1 s in
total) and peak memory while building them for a course with 200 MB of media (goal: under
150 MB). Run by `make bench` after the pages, or alone: `python -m tests.bench.oer_build`.

Memory is the resident-set high-water mark (VmHWM) of a child process that builds the
packages, read by the child from /proc/self/status after each format, beside the same figure
for a child that loads the app and the snapshot but builds nothing. (Not the parent's
`getrusage(RUSAGE_CHILDREN).ru_maxrss`: Linux carries the parent's high-water mark into a
forked child across exec, and `make bench` runs this after serving the app.)
"""
import hashlib
import io
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import click

from lms.publishing import Asset, Choice, Part, Question, Snapshot

LESSONS = 100
MODULES = 10
MEDIA_FILES, MEDIA_MB = 40, 5
TIME_GOAL_S, MEMORY_GOAL_MB = 1.0, 150
FORMATS = ("imscc", "scorm12", "html", "epub", "pdf")
PARAGRAPH = ("<p>Local partners meet every month to agree who does what for newcomers: the "
             "job centre, the school, the volunteers and the migrant organisations. "
             "<a href=\"https://example.org/guide\">The guide</a> explains how.</p>")


def course(assets=()):
    """A 100-lesson course of 10 modules, each ending with a five-question quiz."""
    per_module = LESSONS // MODULES
    media = list(assets)
    modules = []
    for m in range(1, MODULES + 1):
        parts = []
        for n in range(1, per_module + 1):
            number = (m - 1) * per_module + n
            html = f"<h2>Step {number}</h2>" + PARAGRAPH * 4
            if media:
                asset = media[(number - 1) % len(media)]
                html += f'<p><a href="{asset.name}">Video: {asset.title}</a></p>'
            parts.append(Part(id=f"lesson-{number}", title=f"Lesson {number}", html=html))
        parts.append(Part(id=f"quiz-{m}", title=f"Quiz {m}", kind="quiz", pass_mark=60,
                          html="<p>Five questions.</p>", questions=[
                              Question(id=f"q{q}", kind="single", prompt=f"Question {q}?",
                                       feedback="See the lesson.",
                                       choices=[Choice(id="a", text="Right", correct=True),
                                                Choice(id="b", text="Wrong")])
                              for q in range(1, 6)]))
        modules.append(Part(id=f"module-{m}", title=f"Module {m}", kind="section", parts=parts))
    return Snapshot(kind="courses.course", key="1", title="Cooperation in local networks",
                    description="A long course for the benchmark.", language="en",
                    licence="CC-BY-SA-4.0", source_url="http://localhost/courses/bench/",
                    authors=["Ada Trainer"], organisations=["Open Learning Association"],
                    keywords=["networks"], parts=modules, assets=media)


def media_files(folder):
    """MEDIA_FILES random files of MEDIA_MB each, as "video/mp4" assets."""
    assets = []
    for n in range(1, MEDIA_FILES + 1):
        path = Path(folder) / f"video-{n}.mp4"
        digest = hashlib.sha256()
        with open(path, "wb") as out:
            for _ in range(MEDIA_MB):
                chunk = os.urandom(1 << 20)
                digest.update(chunk)
                out.write(chunk)
        assets.append(Asset(name=f"media/video-{n}.mp4", media_type="video/mp4",
                            size=MEDIA_MB << 20, sha256=digest.hexdigest(), source=str(path),
                            title=f"Interview {n}"))
    return assets


def app():
    from lms import create_app
    return create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "bench",
                       "INSTANCE_PATH": tempfile.mkdtemp(prefix="lms-oer-bench-")})


def context():
    from oer.packages import BuildContext
    return BuildContext(1, datetime(2026, 1, 1), "http://localhost/oer/bench/v1/", "bench")


def timed_builds(rounds=3):
    """The best of `rounds` build times per format, in seconds, after one warm-up build."""
    from oer import packages
    application, snapshot = app(), course()
    times = {}
    with application.app_context():
        steps = [(name, n) for name in FORMATS for n in range(rounds + 1)]
        with click.progressbar(steps, label="Building a 100-lesson course",
                               item_show_func=lambda s: s[0] if s else "") as bar:
            for name, n in bar:
                start = time.perf_counter()
                packages.build(name, snapshot, io.BytesIO(), context())
                if n:       # round 0 warms up: imports, fonts
                    times[name] = min(times.get(name, 1e9), time.perf_counter() - start)
    return times


def child(mode, folder):
    """In the child process: build every format of the media course to files (or nothing)."""
    from oer import packages
    application = app()
    assets = [Asset(name=f"media/{p.name}", media_type="video/mp4", size=p.stat().st_size,
                    sha256="", source=str(p), title=p.stem)
              for p in sorted(Path(folder).glob("*.mp4"))]
    snapshot = course(assets)
    if mode == "build":
        with application.app_context():
            for name in FORMATS:
                with open(Path(folder) / f"package-{name}", "wb") as out:
                    packages.build(name, snapshot, out, context())
                    size = out.tell()
                print(f"{name} {size} {high_water_mb()}", flush=True)
    print(f"{mode} 0 {high_water_mb()}", flush=True)


def high_water_mb():
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) // 1024


def peak_memory(folder):
    """Peak RSS in MB of a child that builds nothing, then of one that builds everything
    (and, by format, its high-water mark after building it)."""
    peaks = {}
    sizes = {}
    with click.progressbar(("baseline", "build"), label="Building a course with 200 MB of media",
                           item_show_func=lambda s: s or "") as bar:
        for mode in bar:
            done = subprocess.run([sys.executable, "-m", "tests.bench.oer_build", "--child",
                                   mode, folder], capture_output=True, text=True,
                                  cwd=Path(__file__).resolve().parents[2])
            if done.returncode:
                raise SystemExit(f"the {mode} child failed:\n{done.stderr}")
            for line in done.stdout.split("\n"):
                if line:
                    name, size, peak = line.split()
                    sizes[name] = int(size)
                    peaks[name] = int(peak)
    return peaks, sizes


def main():
    # memory first: a child forked from a process that has already built counts the
    # parent's pages in its high-water mark
    with tempfile.TemporaryDirectory(prefix="lms-oer-media-") as folder:
        media_files(folder)
        peaks, sizes = peak_memory(folder)
    times = timed_builds()
    total = sum(times.values())
    click.echo(f"\n{'format':<10} {'100 lessons':>12}   {'200 MB of media: size':>21} "
               f"{'peak RSS so far':>16}")
    for name in FORMATS:
        click.echo(f"{name:<10} {times[name] * 1000:>9.0f} ms   "
                   f"{sizes.get(name, 0) / 2**20:>18.1f} MB {peaks.get(name, 0):>13} MB")
    click.echo(f"{'total':<10} {total * 1000:>9.0f} ms   (goal: under {TIME_GOAL_S * 1000:.0f} ms)")
    click.echo(f"peak resident memory of the building process: {peaks['build']:.0f} MB "
               f"(goal: under {MEMORY_GOAL_MB} MB); the same process without building: "
               f"{peaks['baseline']:.0f} MB")
    misses = [text for met, text in (
        (total < TIME_GOAL_S, "100-lesson build time"),
        (peaks["build"] < MEMORY_GOAL_MB, "peak memory")) if not met]
    click.echo("Summary: OER package builds " + (
        "meet both goals" if not misses else "miss the goal for " + " and ".join(misses)))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        main()
