"""What an uploaded document is, told from its bytes, never from its name or what the browser
says: PDF, PNG and JPEG pictures, Word, Excel and OpenDocument files (ZIP archives, told by
what they hold), and UTF-8 text, whose kind (Markdown, CSV, plain) only the name picks.

Each place that takes files says which of these it accepts: the toolkit's resources, the
evidence of an action plan's measurements.
"""
import io
import zipfile
from pathlib import Path

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
GIF, WEBP = "image/gif", "image/webp"
MP3, WAV, OGG, M4A = "audio/mpeg", "audio/wav", "audio/ogg", "audio/mp4"
MP4, WEBM = "video/mp4", "video/webm"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
MARKDOWN, CSV, TEXT = "text/markdown", "text/csv", "text/plain"

EXTENSIONS = {PDF: ".pdf", PNG: ".png", JPEG: ".jpg", GIF: ".gif", WEBP: ".webp", MP3: ".mp3",
              WAV: ".wav", OGG: ".ogg", M4A: ".m4a", MP4: ".mp4", WEBM: ".webm", DOCX: ".docx", XLSX: ".xlsx", ODT: ".odt",
              ODS: ".ods", MARKDOWN: ".md", CSV: ".csv", TEXT: ".txt"}
TEXT_TYPES = {".md": MARKDOWN, ".csv": CSV, ".txt": TEXT}
# what an OOXML archive holds tells Word from Excel; OpenDocument names itself in `mimetype`
OFFICE_MARKERS = {"word/document.xml": DOCX, "xl/workbook.xml": XLSX}
OPEN_DOCUMENT = frozenset({ODT, ODS})


def sniff(data, filename=""):
    """(media type, extension) of the file, or None when it is none of the kinds above (a
    broken archive, binary data, text that is not UTF-8)."""
    found = signature(data)
    if found is None and data.startswith(b"PK\x03\x04"):
        found = office_type(data)
    elif found is None:
        found = text_type(data, filename)
    return (found, EXTENSIONS[found]) if found else None


def signature(head):
    """The type of a PDF, picture, sound or video file from its first 16 bytes, else None."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if head[:4] == b"RIFF":
        return {b"WEBP": WEBP, b"WAVE": WAV}.get(head[8:12])
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return MP3
    if head.startswith(b"OggS"):
        return OGG
    if head[4:8] == b"ftyp":
        return M4A if head[8:12] in (b"M4A ", b"M4B ") else MP4
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return WEBM
    return None


def office_type(data):
    """The type of a Word, Excel or OpenDocument file (all ZIP archives), else None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                declared = archive.read("mimetype").decode("ascii", "replace").strip()
                return declared if declared in OPEN_DOCUMENT else None
            if "[Content_Types].xml" in names:
                return next((kind for marker, kind in OFFICE_MARKERS.items()
                             if marker in names), None)
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return None
    return None


def text_type(data, filename=""):
    """Markdown, CSV or plain text (by the name's ending) for UTF-8 text, else None."""
    if not data or b"\x00" in data:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return TEXT_TYPES.get(Path(filename or "").suffix.lower(), TEXT)
