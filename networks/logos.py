"""Network logos: checked by their content, stored by content hash in the instance folder."""
import hashlib
from pathlib import Path

from flask import current_app

# (first bytes, type); WebP is RIFF....WEBP. SVG is refused: it can carry script.
SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))


def image_type(data):
    """The MIME type of a PNG, JPEG or WebP image by its content, else None."""
    for magic, kind in SIGNATURES:
        if data.startswith(magic):
            return kind
    if len(data) > 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def folder():
    return Path(current_app.instance_path) / "networks" / "logos"


def path_for(digest):
    return folder() / digest


def store(data):
    """Write the image once (same content, same file) and return its sha256."""
    digest = hashlib.sha256(data).hexdigest()
    target = path_for(digest)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(target)
    return digest
