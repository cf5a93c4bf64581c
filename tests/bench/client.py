"""Logs in to a running server as a browser would (CSRF token included) for wrk's Cookie header;
reads a form's CSRF token; writes the wrk script that posts forms."""
import json
import re
from http.cookiejar import CookieJar
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, Request, build_opener, urlopen

THREADS = 2      # wrk's threads (-t), each with its own share of the connections


def log_in_cookie(base, email, password):
    jar = CookieJar()
    opener = build_opener(HTTPCookieProcessor(jar))
    page = opener.open(base + "/login").read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page) or \
        re.search(r'name="csrf_token" value="([^"]+)"', page)
    data = urlencode({"csrf_token": token.group(1), "email": email, "password": password})
    landed = opener.open(base + "/login", data=data.encode())
    if landed.url.endswith("/login"):
        raise SystemExit(f"bench: could not log in as {email}")
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def csrf_token(base, cookie, path):
    """The CSRF token of the form at `path`, as the session in `cookie` gets it."""
    request = Request(base + path, headers={"Cookie": cookie})
    page = urlopen(request).read().decode()
    return (re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page) or
            re.search(r'name="csrf_token" value="([^"]+)"', page)).group(1)


POSTING = """
local forms = {%(forms)s}
local threads, started = %(threads)d, 0
local mine, turn = {}, 0
local headers = {}

function setup(thread)
  thread:set("number", started)
  started = started + 1
end

function init(args)
  -- wrk.format takes these instead of wrk.headers (the -H ones, the cookie among them)
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  for index, form in ipairs(forms) do
    if (index - 1) %% threads == number then table.insert(mine, form) end
  end
end

request = function()
  turn = turn %% #mine + 1
  local form = mine[turn]
  local body = (string.gsub(form.body, "{v}", tostring(form.version)))
  form.version = form.version + 1
  return wrk.format("POST", form.path, headers, body)
end
"""


def posting_script(forms, threads=THREADS):
    """A wrk script that posts forms: `forms` are (path, body, version), `{v}` in the body
    standing for the record's version. Each of wrk's `threads` posts its own share of the
    forms in turn, counting each record's version up after every post, so that with enough
    records each save is made from the current version (a post returns long before its
    record's turn comes again)."""
    rows = ", ".join("{path=%s, body=%s, version=%d}" % (json.dumps(path), json.dumps(body),
                                                          version)
                     for path, body, version in forms)
    return POSTING % {"forms": rows, "threads": threads}
