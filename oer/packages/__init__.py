"""Package builders: every format a release can be downloaded in, each written to a binary
file object from the release's frozen snapshot alone (plus the asset files it names).

`build(format_name, snapshot, fileobj, context)` writes one file; builds are reproducible
(the same snapshot and context give the same bytes) and stream assets in chunks.
"""
from dataclasses import dataclass
from typing import BinaryIO, Callable

from flask import current_app
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from lms.publishing import Snapshot
from oer.packages import epub, imscc, pdf, scorm, website
from oer.packages.base import BuildContext, BuildError

__all__ = ["FORMATS", "PackageFormat", "BuildContext", "BuildError", "build", "filename",
           "formats_for"]


@dataclass(frozen=True)
class PackageFormat:
    name: str
    label: object           # lazy_gettext
    suffix: str             # appended to "<slug>-v<n>"
    media_type: str
    build: Callable[[Snapshot, BinaryIO, BuildContext], None]


FORMATS: dict[str, PackageFormat] = {f.name: f for f in (
    PackageFormat("imscc", _l("IMS Common Cartridge 1.1"), ".imscc",
                  "application/vnd.ims.imsccv1p1", imscc.build),
    PackageFormat("scorm12", _l("SCORM 1.2 package"), "-scorm12.zip", "application/zip",
                  scorm.build),
    PackageFormat("html", _l("Website for offline use (HTML)"), "-html.zip", "application/zip",
                  website.build),
    PackageFormat("epub", _l("EPUB 3 e-book"), ".epub", "application/epub+zip", epub.build),
    PackageFormat("pdf", _l("PDF document"), ".pdf", "application/pdf", pdf.build),
)}


def formats_for(kind) -> list[PackageFormat]:
    """The formats a PublishableKind is built in, in the registry's order."""
    return [f for name, f in FORMATS.items() if name in kind.formats]


def build(format_name, snapshot: Snapshot, fileobj: BinaryIO, context: BuildContext) -> None:
    """Write the package of `snapshot` in `format_name` to `fileobj`, in the snapshot's
    language. Raises BuildError when something it needs (an asset's file) is missing."""
    package_format = FORMATS.get(format_name)
    if package_format is None:
        raise ValueError(f"unknown package format {format_name!r}")
    languages = current_app.config.get("LANGUAGES", ())
    locale = snapshot.language if snapshot.language in languages else \
        current_app.config.get("BABEL_DEFAULT_LOCALE", "en")
    with force_locale(locale):
        package_format.build(snapshot, fileobj, context)


def filename(slug, release_number, format_name) -> str:
    """The download name: "<slug>-v2.imscc", "<slug>-v2-scorm12.zip"."""
    return f"{slug}-v{release_number}{FORMATS[format_name].suffix}"
