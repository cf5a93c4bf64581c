"""Network logos: checked by their content, stored by content hash in the instance folder."""
from lms.filestore import ContentStore

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


STORE = ContentStore("networks/logos", fanout=False)


def folder():
    return STORE.root()


def path_for(digest):
    return STORE.path_for(digest)


def store(data):
    """Write the image once (same content, same file) and return its sha256."""
    return STORE.write(data)
