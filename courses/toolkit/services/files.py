"""Files of toolkit resources: their type told from the content, kept by content hash."""
import io
import re
import unicodedata
import zipfile
from pathlib import Path

from lms.filestore import ContentStore

TEXT_TYPES = {".md": "text/markdown", ".csv": "text/csv", ".txt": "text/plain"}
OFFICE_TYPES = {
    "word/document.xml":
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    "xl/workbook.xml":
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
}
OPEN_DOCUMENT_TYPES = {"application/vnd.oasis.opendocument.text": ".odt",
                       "application/vnd.oasis.opendocument.spreadsheet": ".ods"}


class RefusedFile(ValueError):
    """The file is of a type the toolkit does not take."""


def sniff(data, filename):
    """(content type, extension) told from the bytes; the name only picks the kind of text."""
    if data.startswith(b"%PDF-"):
        return "application/pdf", ".pdf"
    if data.startswith(b"PK\x03\x04"):
        return _office_type(data)
    if b"\x00" in data:
        raise RefusedFile("binary")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RefusedFile("not UTF-8 text") from exc
    extension = Path(filename).suffix.lower()
    if extension not in TEXT_TYPES:
        extension = ".txt"
    return TEXT_TYPES[extension], extension


def _office_type(data):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                declared = archive.read("mimetype").decode("ascii", "replace").strip()
                if declared in OPEN_DOCUMENT_TYPES:
                    return declared, OPEN_DOCUMENT_TYPES[declared]
            for marker, found in OFFICE_TYPES.items():
                if marker in names:
                    return found
    except zipfile.BadZipFile as exc:
        raise RefusedFile("broken archive") from exc
    raise RefusedFile("archive of another kind")


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
