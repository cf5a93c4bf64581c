"""Network logos: checked by their content, stored by content hash in the instance folder."""
from lms import filetypes
from lms.filestore import ContentStore

# SVG is refused: it can carry script.
IMAGE_TYPES = frozenset({filetypes.PNG, filetypes.JPEG, filetypes.WEBP})


def image_type(data):
    """The MIME type of a PNG, JPEG or WebP image by its content, else None."""
    found = filetypes.signature(data[:16])
    return found if found in IMAGE_TYPES else None


STORE = ContentStore("networks/logos", fanout=False)


def folder():
    return STORE.root()


def path_for(digest):
    return STORE.path_for(digest)


def store(data):
    """Write the image once (same content, same file) and return its sha256."""
    return STORE.write(data)
