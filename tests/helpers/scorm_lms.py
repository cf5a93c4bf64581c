"""A learning platform for the SCORM tests: scorm-again's Scorm12API (installed for the tests
by `make test-deps`, never served by the app) in a player page that frames the SCO, on a small
server that serves unpacked packages from any path, such as Moodle's
/pluginfile.php/<n>/mod_scorm/content/<revision>/.

The `scorm_lms` fixture (tests/fixtures/browser.py) gives a test one."""
import json
import mimetypes
import threading
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.helpers import IN_CI

ROOT = Path(__file__).resolve().parents[2]
SCORM_AGAIN = ROOT / ".cache" / "npm" / "node_modules" / "scorm-again"
PLAYER_SCRIPT = Path(__file__).with_name("scorm_player.js")
PLAYER_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Learning platform</title><script src="/scorm-again/scorm12.js"></script>
<script src="/player.js"></script></head><body><main><h1>Learning platform</h1>
<iframe id="sco" title="Module" width="900" height="600"></iframe></main></body></html>"""
# the two places a package is unpacked to: a folder of its own, and where Moodle keeps it
OWN_PATH = "/packages/{slug}/"
MOODLE_PATH = "/pluginfile.php/42/mod_scorm/content/3/"
SESSION_TIME = r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$"     # CMITimespan: HHHH:MM:SS.SS


def scorm_again_script():
    """scorm-again's SCORM 1.2 runtime; skipped (failed under CI=true) when it is missing."""
    script = SCORM_AGAIN / "dist" / "scorm12.js"
    if not script.is_file():
        message = (f"scorm-again is not installed at {SCORM_AGAIN} (make test-deps, or npm "
                   "install --no-save --prefix .cache/npm scorm-again@<version in the Makefile>)")
        if IN_CI:
            pytest.fail(message + " and CI=true")
        pytest.skip(message)
    return script


class Handler(SimpleHTTPRequestHandler):
    """The player page, scorm-again and each mounted package folder under its path."""

    def do_GET(self):
        path = unquote(urlsplit(self.path).path)
        if path == "/player.html":
            return self.send(PLAYER_PAGE.encode(), "text/html; charset=utf-8")
        if path == "/player.js":
            return self.send(PLAYER_SCRIPT.read_bytes(), "text/javascript")
        if path == "/scorm-again/scorm12.js":
            return self.send(self.server.scorm_again.read_bytes(), "text/javascript")
        for prefix, folder in self.server.mounts.items():
            if path.startswith(prefix):
                file = (folder / path[len(prefix):]).resolve()
                if file.is_relative_to(folder) and file.is_file():
                    media_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
                    return self.send(file.read_bytes(), media_type)
        self.send_error(404)

    def send(self, body, media_type):
        self.send_response(200)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class ScormLms:
    """`mount(package, path)` unpacks a SCORM package (a ZipFile) to be served from `path`;
    `player(path)` is the address of the player page for it."""

    def __init__(self, folder):
        self.folder = folder
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.mounts = {}
        self.server.scorm_again = scorm_again_script()
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def mount(self, package: zipfile.ZipFile, path):
        target = self.folder / f"package-{len(self.server.mounts)}"
        package.extractall(target)
        self.server.mounts[path] = target.resolve()
        return path

    def player(self, path):
        return f"{self.url}/player.html?package={path}"

    def close(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


class Player:
    """One learner's tab on the platform's player page for one package."""

    def __init__(self, page, url):
        self.page = page
        page.goto(url)
        page.evaluate("lms.ready")

    def launch(self, sco):
        """Open the SCO in the frame; returns the frame once its page has started."""
        self.page.evaluate("sco => lms.launch(sco)", sco)
        frame = self.page.frame_locator("#sco")
        frame.get_by_role("heading", level=1).wait_for()
        self.page.wait_for_function(
            "lms.sessions.at(-1).calls.some(c => c[0] === 'LMSInitialize')")
        return frame

    @property
    def sco_frame(self):
        """The SCO's Frame (for axe and scripts), not only a locator."""
        return self.page.locator("#sco").element_handle().content_frame()

    def leave(self):
        """Go elsewhere in the platform: the SCO's frame is emptied, which ends its session."""
        self.page.evaluate("lms.leave()")

    def sessions(self):
        """Every session so far: {sco, entry, calls: [[method, args, result, error], ...]}."""
        return self.page.evaluate("JSON.parse(JSON.stringify(lms.sessions))")

    def stored(self, sco):
        """What the platform keeps of the SCO (its cmi after the last commit), or None."""
        return self.page.evaluate("sco => lms.stored(sco)", sco)

    def set_values(self, session=-1):
        """{element: value} of what the SCO set in a session, the last value of each."""
        return {args[0]: args[1] for name, args, _result, _error in
                self.sessions()[session]["calls"] if name == "LMSSetValue"}


def calls_made(session, method):
    return [call for call in session["calls"] if call[0] == method]


def describe(session):
    return json.dumps(session["calls"], indent=1)
