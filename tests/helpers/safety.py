"""A strict reader of HTML that lists anything able to run script or load from elsewhere."""
from html.parser import HTMLParser

DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "style", "link", "meta", "base",
                  "svg", "math", "form", "input", "button", "textarea", "body", "frame",
                  "frameset", "applet", "video", "audio", "source", "details"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "background", "data", "srcdoc",
                  "poster", "xlink:href"}
OWN_SCRIPTS = ("/courses/static/", "/toolkit/static/", "/static/")


class Problems(HTMLParser):
    def __init__(self, allow_page_chrome=False):
        super().__init__(convert_charrefs=True)
        self.allow_page_chrome = allow_page_chrome
        self.found = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag in DANGEROUS_TAGS and not self._page_chrome(tag, values):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            value = (value or "").strip().lower().replace("\t", "").replace("\n", "")
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            if name == "style":
                self.found.append(f"{tag} style=")
            if name in URL_ATTRIBUTES and value.startswith(("javascript:", "vbscript:", "data:")):
                self.found.append(f"{tag} {name}={value[:30]}")
            if tag == "img" and name == "src" and not value.startswith("/courses/media/"):
                self.found.append(f"img from elsewhere: {value[:40]}")

    def _page_chrome(self, tag, values):
        """The app's own forms, buttons, inputs, stylesheets and scripts around user content."""
        if not self.allow_page_chrome:
            return False
        if tag == "script":
            return values.get("src", "").startswith(OWN_SCRIPTS)
        if tag == "link":
            return values.get("rel") in ("stylesheet", "icon") and \
                values.get("href", "").startswith(OWN_SCRIPTS)
        if tag == "meta":
            return "http-equiv" not in values
        if tag in ("form",):
            return values.get("action", "/").startswith("/") or "action" not in values
        return tag in ("input", "button", "textarea", "body")


def problems(html, page=False):
    reader = Problems(allow_page_chrome=page)
    reader.feed(html)
    return reader.found
