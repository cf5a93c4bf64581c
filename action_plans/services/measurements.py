"""Measurements of an indicator: saving a draft, submitting it, approving or returning it, and
the evidence files, checked by their content and kept by content hash."""
import io
import zipfile

from action_plans.models import Measurement
from lms.extensions import db
from lms.filestore import ContentStore
from lms.security import audit
from lms.timeutil import utcnow

STORE = ContentStore("action_plans/evidence")
EDITABLE = frozenset({"draft", "returned"})

ZIP_TYPES = {
    "application/vnd.oasis.opendocument.text": "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet":
        "application/vnd.oasis.opendocument.spreadsheet",
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _office_type(data):
    """The type of an ODT, ODS, DOCX or XLSX file (all ZIP archives), else None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                declared = archive.read("mimetype").decode("ascii", "replace").strip()
                return ZIP_TYPES.get(declared)
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return DOCX
                if "xl/workbook.xml" in names:
                    return XLSX
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return None
    return None


def _is_csv(data):
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def evidence_type(data, filename):
    """The MIME type of an evidence file by its content: PDF, PNG, JPEG, ODT, DOCX, XLSX, ODS,
    or CSV (UTF-8 text named .csv); None for anything else."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"PK\x03\x04"):
        return _office_type(data)
    if (filename or "").lower().endswith(".csv") and data and _is_csv(data):
        return "text/csv"
    return None


def save(indicator, measurement, user, values, evidence=None, submit=False):
    """Store a new measurement (`measurement` None) or change a draft or returned one; with
    `submit`, it goes to the approver. `evidence`: (bytes, file name, type), already checked."""
    if measurement is None:
        measurement = Measurement(indicator=indicator)
        db.session.add(measurement)
    for name, value in values.items():
        setattr(measurement, name, value)
    if evidence is not None:
        data, filename, kind = evidence
        measurement.evidence_sha256 = STORE.write(data)
        measurement.evidence_name = (filename or "evidence")[-200:]
        measurement.evidence_type = kind
    if submit:
        measurement.status = "submitted"
        measurement.submitted_by_id = user.id
        measurement.submitted_at = utcnow()
    elif measurement.status not in EDITABLE:
        measurement.status = "draft"
    db.session.flush()
    audit("action_plan_measurement_submitted" if submit else "action_plan_measurement_saved",
          indicator=indicator.code, measurement=measurement.id)
    return measurement


def approve(measurement, user):
    measurement.status = "approved"
    measurement.approved_by_id = user.id
    measurement.approved_at = utcnow()
    measurement.review_comment = ""
    db.session.flush()
    audit("action_plan_measurement_approved", measurement=measurement.id)


def send_back(measurement, comment):
    """Return a submitted measurement to its submitter with a comment; they can change it and
    submit it again."""
    measurement.status = "returned"
    measurement.review_comment = comment
    db.session.flush()
    audit("action_plan_measurement_returned", measurement=measurement.id)
