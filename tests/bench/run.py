"""`make bench`: throughput and memory of the platform's pages, served as in production.

A fresh PostgreSQL database is migrated and seeded with the demo and with what each scenario
module prepares; gunicorn serves the app (2 workers, as many as this machine has cores); wrk
loads one page at a time with 16 connections, and every page is reported as a share of the bare
`/healthz` of the same server in the same run, never as an absolute number alone.

A shared machine's speed swings by a factor of two within seconds, so each page is compared
with the /healthz measured beside it: after a warm-up, ROUNDS rounds each load /healthz and
then the page for one second each, and the page's share is its requests over /healthz's
requests in the same rounds.

Scenario modules are `tests/bench/scenarios_*.py`; each has `prepare(app) -> [Scenario, ...]`,
called inside an app context after the demo is seeded (it commits what it adds).
`BENCH_ONLY=action_plans,networks` prepares and measures only those modules (and skips the OER
package builds); `BENCH_DATABASE` names the database (default lms_bench), so two benches on one
PostgreSQL server do not drop each other's.
"""
import importlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import fmean

import click

from tests.bench import oer_build
from tests.bench.client import THREADS, log_in_cookie
from tests.bench.scenario import Scenario

ROOT = Path(__file__).resolve().parents[2]
DURATION = os.environ.get("BENCH_SECONDS", "10")     # the warm-up
ROUNDS = int(os.environ.get("BENCH_ROUNDS", DURATION))
ROUND_SECONDS = 1
CONNECTIONS = 16
DATABASE = os.environ.get("BENCH_DATABASE", "lms_bench")
ONLY = [name.strip() for name in os.environ.get("BENCH_ONLY", "").split(",") if name.strip()]


def server_url():
    return os.environ.get("LMS_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def fresh_database():
    import psycopg
    with psycopg.connect(server_url(), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')
    return server_url().rsplit("/", 1)[0] + "/" + DATABASE


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def flask(env, *args):
    subprocess.run([sys.executable, "-m", "flask", "--app", "lms", *args], env=env, check=True,
                   cwd=ROOT, stdout=subprocess.DEVNULL)


def scenario_modules():
    for path in sorted(Path(__file__).parent.glob("scenarios_*.py")):
        if not ONLY or path.stem.removeprefix("scenarios_") in ONLY:
            yield importlib.import_module(f"tests.bench.{path.stem}")


def prepare_scenarios(env):
    """Run every scenario module's prepare() against the bench database."""
    from lms import create_app
    app = create_app({"SQLALCHEMY_DATABASE_URI": env["DATABASE_URL"],
                      "INSTANCE_PATH": env["LMS_INSTANCE_PATH"], "SECRET_KEY": env["SECRET_KEY"]})
    scenarios = []
    modules = list(scenario_modules())
    with click.progressbar(modules, label="Preparing scenarios") as bar:
        for module in bar:
            with app.app_context():
                scenarios.extend(module.prepare(app))
    return scenarios


def start_server(env, port):
    command = [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py",
               "--workers", "2", "--bind", f"127.0.0.1:{port}",
               # steady state: production recycles a worker every ~2,000 requests, which in a
               # short run lands in some pages' windows and not others' (a new worker spends a
               # second or two starting), so figures of one run could not be compared
               "--max-requests", "0", "lms:create_app()"]
    server = subprocess.Popen(command, env={**env, "LOG_LEVEL": "warning"}, cwd=ROOT,
                              stderr=open(Path(env["LMS_INSTANCE_PATH"]) / "gunicorn.log", "w"),
                              start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            if server.poll() is not None:
                log = (Path(env["LMS_INSTANCE_PATH"]) / "gunicorn.log").read_text()
                raise SystemExit(f"gunicorn stopped:\n{log}")
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start within 30 s")


RANDOM_PATHS = """
local paths = {%s}
math.randomseed(os.time())
request = function()
  return wrk.format(nil, paths[math.random(#paths)])
end
"""


def wrk(url, cookie=None, paths=(), seconds=None, lua=None):
    """`lua`: the text of a script for wrk (a scenario's own requests); `paths`: pick one of
    them at random for each request."""
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds or DURATION}s",
               "--latency"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    script = None
    if paths and lua is None:
        lua = RANDOM_PATHS % ", ".join(json.dumps(p) for p in paths)
    if lua is not None:
        script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
        script.write(lua)
        script.close()
        command += ["-s", script.name]
    try:
        done = subprocess.run(command + [url], capture_output=True, text=True)
    finally:
        if script is not None:
            os.unlink(script.name)
    if done.returncode:
        raise SystemExit(f"wrk failed on {url}: {done.stderr or done.stdout}")
    output = done.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    p99 = re.search(r"99%\s+(\S+)", output)
    return rate, int(errors.group(1)) if errors else 0, p99.group(1) if p99 else "?"


def busy_ticks():
    """CPU time this machine spent working so far (user, nice, system, irq and softirq), in
    clock ticks: time stolen by the host is not in it, so the CPU a page costs can be compared
    from one run to the next even when the machine is shared."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return fields[0] + fields[1] + fields[2] + fields[5] + fields[6]


def measure(url, cookie=None, paths=(), seconds=None, lua=None):
    """wrk's (requests per second, errors, p99) and the machine's CPU milliseconds per
    request during the run (the server, PostgreSQL and wrk together)."""
    seconds = seconds or float(DURATION)
    before = busy_ticks()
    rate, errors, p99 = wrk(url, cookie, paths, seconds, lua)
    ticks = busy_ticks() - before
    cpu = ticks * 1000 / os.sysconf("SC_CLK_TCK") / max(rate * seconds, 1)
    return rate, errors, p99, cpu


def worker_memory_mb(server):
    """Resident memory of each gunicorn worker, in MB (from /proc)."""
    children = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True,
                              text=True).stdout.split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return sizes


def main():
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk (make bench installs it as root)")
    with tempfile.TemporaryDirectory(prefix="lms-bench-") as instance:
        env = {**os.environ, "DATABASE_URL": fresh_database(), "LMS_INSTANCE_PATH": instance,
               "SECRET_KEY": "bench-secret-key", "FLASK_DEBUG": "0"}
        flask(env, "db", "upgrade")
        flask(env, "seed-demo")
        scenarios = prepare_scenarios(env)
        port = free_port()
        server = start_server(env, port)
        base = f"http://127.0.0.1:{port}"
        try:
            results = run_scenarios(base, scenarios)
            memory = worker_memory_mb(server)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    report(results, memory)
    if not ONLY:
        oer_build.main()


def run_scenarios(base, scenarios):
    """Per scenario: a warm-up, then ROUNDS rounds of /healthz and the page, one after the
    other. Returns [(scenario, [(healthz figures, page figures) per round])]."""
    results = []
    with click.progressbar(scenarios, label=f"wrk, {CONNECTIONS} connections, {DURATION} s of "
                           f"warm-up and {ROUNDS} rounds of 2 x {ROUND_SECONDS} s a page",
                           item_show_func=lambda s: s.name if s else "") as bar:
        for scenario in bar:
            cookie = log_in_cookie(base, *scenario.login) if scenario.login else None

            def lua():
                return scenario.script(base, cookie) if scenario.script else None
            wrk(base + scenario.path, cookie, scenario.paths, lua=lua())     # warm-up
            rounds = []
            for _ in range(ROUNDS):
                healthz = measure(base + "/healthz", seconds=ROUND_SECONDS)
                page = measure(base + scenario.path, cookie, scenario.paths, ROUND_SECONDS,
                               lua())
                rounds.append((healthz, page))
            results.append((scenario, rounds))
    return results


def report(results, memory):
    click.echo(f"\n{'page':<34} {'req/s':>8} {'/healthz':>9} {'share':>8} {'goal':>6} "
               f"{'p99':>9} {'CPU/req':>9} {'CPU share':>10}  errors")
    failed, references = [], []
    for scenario, rounds in results:
        # equal slices, so the mean rates are total requests over total time
        rate = fmean(page[0] for _healthz, page in rounds)
        healthz = fmean(healthz[0] for healthz, _page in rounds)
        references += [healthz[0] for healthz, _page in rounds]
        cpu = fmean(page[3] for _healthz, page in rounds)
        healthz_cpu = fmean(healthz[3] for healthz, _page in rounds)
        errors = sum(page[1] + healthz[1] for healthz, page in rounds)
        p99 = max((page[2] for _healthz, page in rounds), key=_milliseconds)
        share = rate / healthz * 100
        goal = f"{scenario.goal:.0f} %" if scenario.goal else ""
        met = scenario.goal is None or share >= scenario.goal
        if not met or errors:
            failed.append(scenario.name)
        click.echo(f"{scenario.name:<34} {rate:>8.1f} {healthz:>9.1f} {share:>6.1f} % "
                   f"{goal:>6} {p99:>9} {cpu:>6.2f} ms {healthz_cpu / cpu * 100:>8.1f} %  "
                   f"{errors}{'' if met else '  below goal'}")
    click.echo("req/s is the page's and /healthz's, each the mean of the rounds in which they "
               "were loaded one after the other; share is the first over the second, the "
               "figure the goals are set in. CPU/req is the machine's working time per request "
               "(server, database and wrk), and CPU share is /healthz's CPU/req over the "
               "page's.")
    click.echo(f"/healthz over the whole run: {min(references):.0f} to {max(references):.0f} "
               "req/s (how much the machine drifted)")
    click.echo("gunicorn workers' resident memory: "
               + ", ".join(f"{m:.0f} MB" for m in memory))
    click.echo(f"Summary: {len(results)} pages measured; "
               + (f"below goal or with errors: {', '.join(failed)}" if failed
                  else "every goal met, no errors"))


def _milliseconds(latency):
    """wrk's latency ("850.12us", "12.5ms", "1.2s") in ms, for comparing; "?" is 0."""
    number = re.match(r"([\d.]+)(us|ms|s)", latency)
    if number is None:
        return 0.0
    return float(number.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[number.group(2)]


if __name__ == "__main__":
    main()
