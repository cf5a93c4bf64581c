"""Two versions of the app side by side: does a change make a page faster or slower?

`make bench` measures one version; on a shared machine its figures swing too much from one run
to the next to compare two versions measured at different times. Here both versions are served
at once by gunicorn (2 workers each) against one bench database, and wrk loads each page from
the two servers in alternating rounds (A B, then B A, ...), so both see the same machine.
Besides wrk's requests per second, each round reports the CPU the server's own workers spent
per request (from /proc), which other work on the machine does not count in. Run it twice
with the versions swapped: a server's place in the rounds can favour it by a few per cent.

  git archive main | tar -x -C /tmp/a; git archive HEAD | tar -x -C /tmp/b  (+ compile
      translations in each: pybabel compile -d <plugin>/translations)
  python -m tests.bench.side_by_side prepare     # database lms_bench_side, demo + scenarios
  python -m tests.bench.side_by_side compare /tmp/a /tmp/b ROUNDS "scenario name" ...
  python -m tests.bench.side_by_side diff /tmp/a /tmp/b /path ...    # the pages' bytes

Run from the project root (tests.bench is imported from here; the servers run from the trees).
"""
import json
import os
import pickle
import re
import signal
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path
from statistics import fmean, median

import tests.bench.run as run
from tests.bench.client import log_in_cookie

run.DATABASE = "lms_bench_side"
WORK = Path(tempfile.gettempdir()) / "lms-bench-side"
STATE = WORK / "scenarios.pickle"
INSTANCE = WORK / "instance"


def env():
    return {**os.environ, "DATABASE_URL": run.server_url().rsplit("/", 1)[0] + "/" + run.DATABASE,
            "LMS_INSTANCE_PATH": str(INSTANCE), "SECRET_KEY": "bench-secret-key",
            "FLASK_DEBUG": "0"}


def prepare():
    """A fresh bench database with the demo and every scenario module's data."""
    INSTANCE.mkdir(parents=True, exist_ok=True)
    run.fresh_database()
    e = env()
    run.flask(e, "db", "upgrade")
    run.flask(e, "seed-demo")
    scenarios = run.prepare_scenarios(e)
    STATE.write_bytes(pickle.dumps(scenarios))


def start(root, port):
    old = run.ROOT
    run.ROOT = Path(root)
    # each server its own instance folder (and gunicorn.log)
    instance = Path(tempfile.mkdtemp(prefix="server-", dir=WORK))
    try:
        server = run.start_server({**env(), "LMS_INSTANCE_PATH": str(instance)}, port)
    finally:
        run.ROOT = old
    return server


def server_ticks(server):
    """CPU ticks (user + system) of a gunicorn server's workers so far: this process tree's
    own work, whatever else the shared machine runs."""
    total = 0
    for pid in subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True,
                              text=True).stdout.split():
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total


def measure(server, url, cookie, paths, seconds):
    before = server_ticks(server)
    rate, errors, p99, cpu = run.measure(url, cookie, paths, seconds)
    ticks = server_ticks(server) - before
    worker = ticks * 1000 / os.sysconf("SC_CLK_TCK") / max(rate * seconds, 1)
    return rate, errors, p99, cpu, worker


def compare(a, b, rounds, names):
    """The scenarios named (all when none is) on tree `a`'s server and tree `b`'s, `rounds`
    rounds of 2 s each; one line per page, and each round's figures as JSON on stderr."""
    scenarios = [s for s in pickle.loads(STATE.read_bytes()) if s.name in names] \
        if names else pickle.loads(STATE.read_bytes())
    pa, pb = run.free_port(), run.free_port()
    sa, sb = start(a, pa), start(b, pb)
    bases = {"A": f"http://127.0.0.1:{pa}", "B": f"http://127.0.0.1:{pb}"}
    servers = {"A": sa, "B": sb}
    try:
        for s in scenarios:
            cookies = {k: log_in_cookie(v, *s.login) if s.login else None
                       for k, v in bases.items()}
            for k, v in bases.items():
                run.wrk(v + s.path, cookies[k], s.paths, 3)            # warm-up
            figures = {"A": [], "B": []}
            for r in range(rounds):
                order = "AB" if r % 2 == 0 else "BA"
                for k in order:
                    figures[k].append(measure(servers[k], bases[k] + s.path, cookies[k],
                                              s.paths, 2))
            ra, rb = (fmean(f[0] for f in figures[k]) for k in "AB")
            ca, cb = (fmean(f[3] for f in figures[k]) for k in "AB")
            wa, wb = (fmean(f[4] for f in figures[k]) for k in "AB")
            errors = sum(f[1] for k in "AB" for f in figures[k])
            # per-round ratios (B over A in the same pair of slices)
            ratios = sorted(fb[0] / fa[0] for fa, fb in zip(figures["A"], figures["B"]))
            print(f"{s.name:<34} A {ra:8.1f} req/s {ca:6.2f} ms CPU | B {rb:8.1f} req/s "
                  f"{cb:6.2f} ms CPU | B/A req/s {rb / ra * 100:6.1f} % (median per round "
                  f"{median(ratios) * 100:6.1f} %), A/B CPU {ca / cb * 100:6.1f} %; workers' CPU "
                  f"A {wa:.3f} ms B {wb:.3f} ms per request, B/A {wb / wa * 100:6.1f} % "
                  f"errors {errors}", flush=True)
            print(json.dumps({"scenario": s.name, "A": figures["A"], "B": figures["B"]}),
                  file=sys.stderr, flush=True)
    finally:
        for server in (sa, sb):
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


def diff(a, b, paths):
    """Fetch each path from both trees' servers with one shared session; report differences
    (the CSRF token's value masked)."""
    pa, pb = run.free_port(), run.free_port()
    sa, sb = start(a, pa), start(b, pb)
    try:
        base_a, base_b = f"http://127.0.0.1:{pa}", f"http://127.0.0.1:{pb}"
        login = next(s.login for s in pickle.loads(STATE.read_bytes()) if s.login)
        cookie = log_in_cookie(base_a, *login)
        for path in paths:
            for who in (None, cookie):
                pages = []
                for base in (base_a, base_b):
                    req = urllib.request.Request(base + path,
                                                 headers={"Cookie": who} if who else {})
                    try:
                        body = urllib.request.urlopen(req).read()
                    except urllib.error.HTTPError as error:
                        body = f"HTTP {error.code}".encode() + error.read()
                    pages.append(re.sub(rb'(name="csrf_token"[^>]*value=")[^"]+', rb"\1X",
                                        body))
                same = pages[0] == pages[1]
                print(f"{'same' if same else 'DIFFERENT'} {len(pages[0]):7d} "
                      f"{'learner' if who else 'visitor'} {path}", flush=True)
                if not same:
                    name = re.sub(r"\W", "_", path)[:80] + ("_l" if who else "_v")
                    (WORK / f"diff-{name}-A.html").write_bytes(pages[0])
                    (WORK / f"diff-{name}-B.html").write_bytes(pages[1])
    finally:
        for server in (sa, sb):
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    if sys.argv[1] == "prepare":
        prepare()
    elif sys.argv[1] == "compare":
        compare(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5:])
    elif sys.argv[1] == "diff":
        diff(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        raise SystemExit(__doc__)
