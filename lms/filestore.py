"""Files kept once per content hash under the instance folder.

Plugins keep uploads and built files (media, logos, toolkit templates, OER packages) in a
`ContentStore` of their own: a file's name is its SHA-256, so the same content is stored
once, a stored file never changes, and it can be served with a strong ETag and immutable
caching. Writes go to a temporary file in the same folder that is renamed into place, so a
reader never sees half a file; `write_stream` hashes while it copies, so a large file is never
held in memory.
"""
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from flask import current_app, send_file

CHUNK = 1024 * 1024
A_YEAR = 365 * 24 * 3600


class ContentStore:
    """`folder` is relative to the instance folder; `fanout` spreads files over
    sub-folders named by the hash's first two characters."""

    def __init__(self, folder, fanout=True):
        self.folder = folder
        self.fanout = fanout

    def root(self) -> Path:
        return Path(current_app.instance_path) / self.folder

    def path_for(self, sha256) -> Path:
        if self.fanout:
            return self.root() / sha256[:2] / sha256
        return self.root() / sha256

    def exists(self, sha256) -> bool:
        return self.path_for(sha256).is_file()

    def write(self, data: bytes) -> str:
        """Keep `data`; return its SHA-256."""
        sha256 = hashlib.sha256(data).hexdigest()
        target = self.path_for(sha256)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(temporary, target)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        return sha256

    def temporary(self):
        """(open binary file, its path) in the store's folder, for a file being built; hand
        the path to `adopt()` when it is complete, or delete it."""
        self.root().mkdir(parents=True, exist_ok=True)
        handle, path = tempfile.mkstemp(dir=self.root(), suffix=".part")
        return os.fdopen(handle, "w+b"), Path(path)

    def adopt(self, path) -> tuple[str, int]:
        """Move a finished file (from `temporary()`) into the store, reading it in chunks to
        hash it; return (sha256, size)."""
        digest, size = hashlib.sha256(), 0
        with open(path, "rb") as source:
            for chunk in iter(lambda: source.read(CHUNK), b""):
                digest.update(chunk)
                size += len(chunk)
        sha256 = digest.hexdigest()
        target = self.path_for(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            Path(path).unlink()
        else:
            os.replace(path, target)
        return sha256, size

    def write_stream(self, source) -> tuple[str, int]:
        """Copy a readable binary stream into the store; return (sha256, size)."""
        out, path = self.temporary()
        try:
            with out:
                shutil.copyfileobj(source, out, CHUNK)
            return self.adopt(path)
        except BaseException:
            path.unlink(missing_ok=True)
            raise

    def send(self, sha256, mimetype, download_name=None, as_attachment=False,
             max_age=A_YEAR, immutable=True):
        """A response streaming the stored file, with its hash as a strong ETag."""
        response = send_file(self.path_for(sha256), mimetype=mimetype, etag=sha256,
                             conditional=True, max_age=max_age, download_name=download_name,
                             as_attachment=as_attachment)
        if immutable:
            response.cache_control.immutable = True
        return response
