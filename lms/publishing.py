"""The registry of publishable content: what a kind of content must provide to be published.

Plugins that own content (courses, action plans, the OER plugin's own blueprints)
declare `PublishableKind`s through `Plugin.publishable_kinds()`. A publisher (the `oer`
plugin) reads them from `kinds()` and builds releases from their `Snapshot`s. Owners and the
publisher never import each other: they meet here.

A snapshot is plain data (JSON-serialisable through `to_dict()`/`from_dict()`), so a release
can freeze it and rebuild its packages later from the frozen copy alone; only the bytes of
assets are read from `Asset.source` when a package is built.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Callable

from flask import current_app

# Learning resource types (the HCRT vocabulary used by OERSI and the AMB profile).
HCRT = "https://w3id.org/kim/hcrt/"
RESOURCE_TYPES = {
    "course": HCRT + "course",
    "case_study": HCRT + "case_study",
    "text": HCRT + "text",
    "assessment": HCRT + "assessment",
    "guide": HCRT + "text",
}


@dataclass
class Asset:
    """A file a snapshot's parts use. `name` is its path inside every package (for example
    `media/3fa9….png`), and parts' HTML refers to it by that relative path, as if the page
    sat at the package root. `source` is an absolute path on disk read (streamed) at build
    time."""
    name: str
    media_type: str
    size: int
    sha256: str
    source: str
    title: str = ""


@dataclass
class Choice:
    id: str
    text: str
    correct: bool = False
    feedback: str = ""
    match: str = ""          # matching questions: the right-hand side that belongs to `text`


@dataclass
class Question:
    """`kind` is single, multiple, true_false, short or matching (as in the courses plugin).
    For true_false, the choices are "true" and "false"; for short, `accepted` lists the
    answers that count (compared case- and space-insensitively)."""
    id: str
    kind: str
    prompt: str
    feedback: str = ""
    choices: list[Choice] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)


@dataclass
class Part:
    """A piece of an item, in reading order. `kind`:
    - "section": a container (a course module, a blueprint chapter) with `parts`;
    - "page": a page of sanitised HTML in `html`;
    - "quiz": `html` introduces `questions`, passed at `pass_mark` percent;
    - "discussion": a discussion topic whose prompt is `html`.
    `id` is stable across releases and unique in the snapshot (letters, digits, - and _).
    A link in `html` to another part is written `<part id>.html`, or `<part id>.html#<anchor>`
    for a heading in it: relative, as if every part were a page at the package's root (as
    assets are addressed); each package format points it at what it makes of that part."""
    id: str
    title: str
    kind: str = "page"
    html: str = ""
    parts: list[Part] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    pass_mark: int | None = None

    def walk(self):
        yield self
        for part in self.parts:
            yield from part.walk()


@dataclass
class Snapshot:
    """One item frozen for publication: everything a package or a catalogue page shows."""
    kind: str                       # the PublishableKind's name
    key: str                        # the item's identity inside its plugin
    title: str
    description: str                # plain text
    language: str                   # ISO 639-1
    licence: str                    # an id of lms.licences.LICENCES, e.g. "CC-BY-SA-4.0"
    source_url: str                 # absolute URL of the item on this platform
    authors: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    resource_type: str = "course"   # a key of RESOURCE_TYPES
    # catalogue facets besides type, language and licence (integration_area, country, level)
    facets: dict[str, str] = field(default_factory=dict)
    # further labelled metadata shown on the detail page: [(label, plain text)]
    details: list[tuple[str, str]] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)
    cover: str = ""                 # an Asset name, or ""
    cover_alt: str = ""

    def walk(self):
        for part in self.parts:
            yield from part.walk()

    def to_dict(self):
        return asdict(self)

    @classmethod
    def from_dict(cls, data):
        def part(d):
            return Part(id=d["id"], title=d["title"], kind=d.get("kind", "page"),
                        html=d.get("html", ""), parts=[part(p) for p in d.get("parts", [])],
                        questions=[question(q) for q in d.get("questions", [])],
                        pass_mark=d.get("pass_mark"))

        def question(d):
            return Question(id=d["id"], kind=d["kind"], prompt=d["prompt"],
                            feedback=d.get("feedback", ""),
                            choices=[Choice(**c) for c in d.get("choices", [])],
                            accepted=list(d.get("accepted", [])))

        values = dict(data)
        values["parts"] = [part(p) for p in data.get("parts", [])]
        values["assets"] = [Asset(**a) for a in data.get("assets", [])]
        values["details"] = [tuple(pair) for pair in data.get("details", [])]
        return cls(**values)


class PublishableKind:
    """Subclass this in the plugin that owns the content; return instances from
    `Plugin.publishable_kinds()`. `name` is prefixed with the plugin's name
    (`courses.course`)."""
    name: str = ""
    label = ""                      # lazy_gettext: "Course"
    # package formats the publisher builds for this kind
    formats: tuple[str, ...] = ("html", "epub", "pdf")

    def load(self, key: str):
        """The item with this key, or None for any other text (the key comes from a URL; a key
        that is an id is read with `lms.converters.id_from()`, so none overflows a lookup)."""
        raise NotImplementedError

    def key(self, item) -> str:
        raise NotImplementedError

    def title(self, item) -> str:
        raise NotImplementedError

    def may_publish(self, user, item) -> bool:
        """Whether `user` may publish `item` (and release new versions of it)."""
        raise NotImplementedError

    def candidates(self, user) -> list:
        """Items `user` may publish, for the publisher's "publish something" page."""
        return []

    def missing(self, item) -> list[str]:
        """What must be done before `item` can be published, one translated sentence each;
        empty when it is ready. A missing licence is always in this list."""
        raise NotImplementedError

    def snapshot(self, item) -> Snapshot:
        raise NotImplementedError

    def demo_items(self) -> list:
        """Items of this kind that the demo (`flask seed-demo`) adds and a publisher publishes
        there, once: asked after every plugin has added its demo content."""
        return []

    def published(self, item, user, number):
        """Called in the same transaction once release `number` of `item` is stored, however
        it was published: a kind with a workflow records it here."""

    def withdrawn(self, item, user, current_number):
        """Called once a release of `item` is withdrawn; `current_number` is the release now
        shown, or None when none is left."""


def kinds(app=None) -> dict[str, PublishableKind]:
    """The publishable kinds of the enabled plugins, by name."""
    return (app or current_app).extensions.get("lms_publishable", {})


def kind(name, app=None):
    return kinds(app).get(name)


def set_publisher(app, link: Callable[[str, str], str]):
    """Called by the publishing plugin at start-up: `link(kind name, key)` is the URL of the
    page where an item is published. Without a publisher, content cannot be published."""
    app.extensions["lms_publisher"] = link


def publish_link(kind_name: str, key) -> str | None:
    """Where to publish this item, or None when no publishing plugin is enabled."""
    link = current_app.extensions.get("lms_publisher")
    return link(kind_name, str(key)) if link else None
