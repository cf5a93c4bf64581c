"""Files of toolkit resources: their type told from the content, kept by content hash."""
import re
import unicodedata
from pathlib import Path

from lms import filetypes
from lms.filestore import ContentStore

# what the toolkit offers for download: documents and text, no pictures
ACCEPTED = frozenset({filetypes.PDF, filetypes.DOCX, filetypes.XLSX, filetypes.ODT,
                      filetypes.ODS, filetypes.MARKDOWN, filetypes.CSV, filetypes.TEXT})


class RefusedFile(ValueError):
    """The file is of a type the toolkit does not take."""


def sniff(data, filename):
    """(content type, extension) told from the bytes; the name only picks the kind of text."""
    found = filetypes.sniff(data, filename)
    if found is None or found[0] not in ACCEPTED:
        raise RefusedFile(found[0] if found else "unknown")
    return found


def safe_filename(filename, extension):
    """A download name of plain letters, digits, dots and dashes, ending in `extension`."""
    stem = unicodedata.normalize("NFKD", Path(filename).stem).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9]+", "-", stem).strip("-")[:120] or "resource"
    return stem + extension


STORE = ContentStore("toolkit")


def folder():
    return STORE.root()


def path_for(sha256):
    return STORE.path_for(sha256)


def store(data):
    """Write `data` once under its SHA-256 and return the hash."""
    return STORE.write(data)
