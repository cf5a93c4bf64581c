"""Logs in to a running server as a browser would (CSRF token included) for wrk's Cookie header."""
import re
from http.cookiejar import CookieJar
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, build_opener


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
