"""Talking to app processes started for a test: free ports, and a visitor with a cookie jar."""
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A visitor with one cookie jar, who may talk to any instance; redirects are not followed
    (the status says what happened)."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirect())

    def get(self, url):
        return self._open(urllib.request.Request(url))

    def post(self, url, form_url, data):
        """Post `data` with the CSRF token of the form page at `form_url`."""
        page = self.get(form_url)[1]
        return self.submit(url, dict(data, csrf_token=CSRF.search(page).group(1)))

    def submit(self, url, data):
        return self._open(urllib.request.Request(url, urllib.parse.urlencode(data).encode()))

    def _open(self, request):
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()
