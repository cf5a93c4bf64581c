"""The forms of a rendered page, and hypothesis strategies for malformed submissions to them."""
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import lxml.html
from hypothesis import strategies as st

SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(1)>'
# what must never come back as markup: a page that echoes either unescaped runs the script
REFLECTED = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")
PAYLOADS = [
    SCRIPT, IMAGE, "javascript:alert(1)", "{{7*7}}", "%(name)s %s {0}", "' OR 1=1 --",
    "\u202eevil\u202c", "\u200f\u05e9\u05dc\u05d5\u05dd\u200e", "😀👩‍👩‍👧‍👦🏳️‍🌈", "\x00", "\x07\x1b[31m",
    "a\r\nb", " ", "", "\ufeff", "ＡＢＣ", "../../etc/passwd", "x" * 300, "é" * 5000,
    "[link](javascript:alert(1))", "<a href=x>", "\ud7ff\ue000", "0" * 40,
]
NUMBERS = ["-1", "0", "1", "2147483648", "9223372036854775808", "1" * 40, "-1e309", "1e309",
           "NaN", "inf", "1.5", "0x10", "1,5", "٣", "abc", " 7 "]
DATES = ["2023-02-30", "2023-13-01", "0000-00-00", "9999-12-31", "10000-01-01", "2023-02-29",
         "2023-01-01T25:61", "1969-12-31T23:59", "yesterday", "2023/01/01", "-2023-01-01"]
LONG = st.sampled_from([300, 1_001, 10_001, 100_001]).map(lambda n: "x" * n)
ODD_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]),
                   max_size=40)
CONTROL = st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zl", "Zp"]), min_size=1,
                  max_size=10)


@dataclass
class Field:
    name: str
    kind: str            # text, textarea, number, date, select, checkbox, radio, hidden, file, ...
    value: str = ""
    options: list = field(default_factory=list)


@dataclass
class Form:
    action: str          # path and query
    fields: list
    multipart: bool

    @property
    def key(self):
        return (self.action, tuple(sorted({f.name for f in self.fields})))


def forms_on(html, page_url, ignore=()):
    """The POST forms of `html` (fields by name; one Field per radio group)."""
    try:
        document = lxml.html.fromstring(html)
    except Exception:   # not HTML (a file, JSON)
        return []
    found, seen = [], set()
    for element in document.forms:
        if (element.method or "GET").upper() != "POST":
            continue
        target = urlsplit(urljoin("http://localhost" + page_url, element.get("action") or page_url))
        if target.netloc != "localhost":
            continue
        action = target.path + (f"?{target.query}" if target.query else "")
        if target.path in ignore:
            continue
        fields, names = [], {}
        for control in element.inputs:
            name = control.name
            if not name:
                continue
            tag = control.tag
            kind = (control.get("type") or "text").lower() if tag == "input" else tag
            if kind in ("submit", "button", "image", "reset") and not control.get("value"):
                continue
            if name in names and kind in ("radio", "checkbox"):
                names[name].options.append(control.get("value", "on"))
                continue
            options = []
            if tag == "select":
                options = [o.get("value", o.text_content()) for o in control.iter("option")]
            elif kind in ("radio", "checkbox"):
                options = [control.get("value", "on")]
            value = control.value if tag != "select" else (options[0] if options else "")
            if isinstance(value, (list, set)) or value is None:
                value = options[0] if options else ""
            names[name] = Field(name, kind, value if isinstance(value, str) else "", options)
            fields.append(names[name])
        form = Form(action, fields,
                    (element.get("enctype") or "").lower() == "multipart/form-data")
        if form.key not in seen:
            seen.add(form.key)
            found.append(form)
    return found


def bad_value(one):
    """A strategy of malformed values for `one` field, by what the field expects."""
    generic = [st.sampled_from(PAYLOADS), LONG, ODD_TEXT, CONTROL]
    if one.kind in ("number", "range") or one.name.endswith(("_id", "position", "mark",
                                                               "threshold", "hours", "score")):
        generic.insert(0, st.sampled_from(NUMBERS))
    if one.kind in ("date", "datetime-local", "time", "month") or "date" in one.name or \
            one.name.endswith("_at"):
        generic.insert(0, st.sampled_from(DATES))
    if one.options:
        generic.insert(0, st.sampled_from(one.options + ["not-a-choice", "-1", "99999"]))
    if one.kind == "email" or "email" in one.name:
        generic.insert(0, st.sampled_from(["not-an-address", "a@b", "@", "x" * 300 + "@x.org",
                                           "<a@b.c>", "a@b.c, d@e.f"]))
    return st.one_of(*generic)


def good_value(one):
    if one.options and not one.value:
        return st.sampled_from(one.options)
    return st.just(one.value or "")


@st.composite
def submissions(draw, form):
    """(name, value) pairs: each field well-formed, malformed, missing or sent twice."""
    pairs = []
    for one in form.fields:
        if one.kind == "file":
            if draw(st.booleans()):
                pairs.append((one.name, draw(st.sampled_from(
                    [b"", b"\x89PNG\r\n\x1a\n" + b"\0" * 20, b"<svg onload=alert(1)>",
                     b"a,b\n=1+1,2\n"]))))
            continue
        how = draw(st.sampled_from(["good", "bad", "bad", "bad", "missing", "twice"]))
        if how == "missing":
            continue
        value = draw(good_value(one) if how == "good" else bad_value(one))
        pairs.append((one.name, value))
        if how == "twice":
            pairs.append((one.name, draw(bad_value(one))))
    if draw(st.integers(0, 9)) == 0:
        pairs.append((draw(st.sampled_from(["unknown", "id", "user_id", "role", "status"])),
                      draw(st.sampled_from(PAYLOADS + NUMBERS))))
    return pairs


def all_payload(form, payload=SCRIPT):
    """Every text field the script payload, every other field as rendered."""
    return [(f.name, payload if f.kind in ("text", "textarea", "search", "email", "url", "tel")
             else f.value) for f in form.fields if f.kind != "file"]


def as_data(form, pairs):
    """Werkzeug test-client data: a list value for a name sent twice, files as (stream, name)."""
    from io import BytesIO
    from werkzeug.datastructures import MultiDict
    data = MultiDict()
    kinds = {f.name: f.kind for f in form.fields}
    for name, value in pairs:
        if kinds.get(name) == "file":
            data.add(name, (BytesIO(value), "upload.png"))
        else:
            data.add(name, value)
    return data
