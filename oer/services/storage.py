"""Package files, kept once per content hash under `instance/oer/packages/`."""
import hashlib
import os
import tempfile
import time
from pathlib import Path

from flask import current_app


def packages_root():
    return Path(current_app.instance_path) / "oer" / "packages"


def path_for(sha256):
    return packages_root() / sha256


class HashingFile:
    """A writable binary file that hashes what is written as it goes. A writer that seeks back
    and overwrites (zip headers, PDF cross-references) makes it hash the finished file again."""

    def __init__(self, raw):
        self.raw = raw
        self.digest = hashlib.sha256()
        self.hashed = 0          # bytes hashed, all from the start of the file
        self.rewritten = False

    def write(self, data):
        if not self.rewritten and self.raw.tell() == self.hashed:
            self.digest.update(data)
            self.hashed += len(data)
        else:
            self.rewritten = True
        return self.raw.write(data)

    def sha256(self):
        self.raw.flush()
        if self.rewritten or self.hashed != self.raw.tell():
            self.raw.seek(0)
            self.digest = hashlib.sha256()
            for block in iter(lambda: self.raw.read(1 << 16), b""):
                self.digest.update(block)
        return self.digest.hexdigest()

    def __getattr__(self, name):
        # seek, tell, flush, read, seekable ... are the real file's
        return getattr(self.raw, name)


class TemporaryPackage:
    """A package being built: a temporary file in `packages/tmp/` until `keep()` moves it to
    its content address; `discard()` removes whatever is left."""

    def __init__(self):
        folder = packages_root() / "tmp"
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=folder, suffix=".part")
        self.path = Path(name)
        self.file = HashingFile(os.fdopen(handle, "w+b"))
        self.sha256 = None
        self.size = None

    def finish(self):
        self.sha256 = self.file.sha256()
        self.size = self.file.raw.seek(0, os.SEEK_END)
        self.file.raw.close()

    def keep(self):
        """Move the file to its content address; True when this call created it there."""
        target = path_for(self.sha256)
        if target.exists():
            self.discard()
            return False
        os.replace(self.path, target)
        return True

    def discard(self):
        if not self.file.raw.closed:
            self.file.raw.close()
        self.path.unlink(missing_ok=True)


def remove_stale_temporary_files(older_than):
    """Delete what builds interrupted by a dying worker left in `packages/tmp/`."""
    folder = packages_root() / "tmp"
    if not folder.is_dir():
        return 0
    limit = time.time() - older_than.total_seconds()
    removed = 0
    for path in folder.glob("*.part"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
        except FileNotFoundError:   # another sweep got there first
            pass
    return removed
