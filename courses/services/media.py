"""The media store: files checked by their content, kept once per SHA-256 in the instance folder."""
import hashlib

from flask import current_app
from sqlalchemy import select

from courses.models import MediaFile
from lms import filetypes
from lms.extensions import db
from lms.filestore import ContentStore

STORE = ContentStore("media")


def sniff(head):
    """(content type, kind) from a file's first bytes, or None for a type we do not take."""
    found = filetypes.signature(head)
    if found == filetypes.PDF:
        return found, "pdf"
    if found is None:
        return None
    return found, found.split("/")[0]        # image, audio or video


def size_limit(kind):
    return current_app.config["COURSES_MEDIA_MAX_BYTES"][kind]


def largest_limit():
    return max(current_app.config["COURSES_MEDIA_MAX_BYTES"].values())


def media_root():
    return STORE.root()


def path_for(sha256):
    return STORE.path_for(sha256)


def store(data, content_type, kind, original_name, alt_text, uploader):
    """Keep `data` (already checked) once per content hash; the same file twice is one row."""
    sha256 = hashlib.sha256(data).hexdigest()
    found = db.session.scalar(select(MediaFile).where(MediaFile.sha256 == sha256))
    if found is not None:
        if alt_text and not found.alt_text:
            found.alt_text = alt_text
        return found
    STORE.write(data)
    media = MediaFile(sha256=sha256, content_type=content_type, kind=kind, size=len(data),
                      original_name=(original_name or "")[:255], alt_text=alt_text or "",
                      uploaded_by_id=uploader.id if uploader else None)
    db.session.add(media)
    db.session.flush()
    return media


def library(limit=200):
    """The newest files of the store (it is shared by all trainers)."""
    return db.session.scalars(select(MediaFile).order_by(MediaFile.created_at.desc())
                              .limit(limit)).all()
