"""Zip archives written the same way every time: one fixed date, fixed attributes, entries in
the order they are added, asset bytes streamed from disk in chunks."""
import os
import shutil
import zipfile

from flask_babel import gettext as _

from oer.packages.base import BuildError

CHUNK = 1 << 20
# already compressed: deflating them costs time and gains nothing
STORED_PREFIXES = ("image/", "audio/", "video/", "font/")
STORED_TYPES = {"application/pdf", "application/zip", "application/epub+zip",
                "application/gzip", "application/ogg"}


def stored(media_type):
    return media_type.startswith(STORED_PREFIXES) and media_type != "image/svg+xml" \
        or media_type in STORED_TYPES


def check_assets(snapshot):
    """Raise BuildError naming the first asset whose file is missing, or whose name would
    leave the package's folder, before anything is written."""
    for asset in snapshot.assets:
        parts = asset.name.split("/")
        if asset.name.startswith("/") or "\\" in asset.name or any(
                p in ("", ".", "..") for p in parts):
            raise BuildError(_("The file name %(name)s cannot be used inside a package.",
                               name=asset.name))
        if not os.path.isfile(asset.source):
            raise BuildError(_("The file %(name)s (%(title)s) is missing on the server, so the "
                               "package cannot be built.",
                               name=asset.name, title=asset.title or asset.media_type))


class Archive:
    def __init__(self, fileobj, published_at):
        self.zip = zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_DEFLATED)
        self.date_time = max((1980, 1, 1, 0, 0, 0), tuple(published_at.timetuple()[:6]))

    def _info(self, name, compress):
        info = zipfile.ZipInfo(name, date_time=self.date_time)
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        info.create_system = 3
        info.external_attr = 0o100644 << 16
        return info

    def text(self, name, text, compress=True):
        self.zip.writestr(self._info(name, compress), text.encode("utf-8"))

    def asset(self, asset, name=None):
        """Copy an asset's file into the archive in chunks (never read whole)."""
        try:
            source = open(asset.source, "rb")
        except OSError:
            raise BuildError(_("The file %(name)s (%(title)s) is missing on the server, so the "
                               "package cannot be built.",
                               name=asset.name, title=asset.title or asset.media_type))
        info = self._info(name or asset.name, not stored(asset.media_type))
        large = asset.size >= zipfile.ZIP64_LIMIT
        with source, self.zip.open(info, "w", force_zip64=large) as target:
            shutil.copyfileobj(source, target, CHUNK)

    def assets(self, snapshot, prefix=""):
        for asset in sorted(snapshot.assets, key=lambda a: a.name):
            self.asset(asset, prefix + asset.name)

    def close(self):
        self.zip.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
