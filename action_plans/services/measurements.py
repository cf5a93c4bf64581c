"""Measurements of an indicator: saving a draft, submitting it, approving or returning it, and
the evidence files, checked by their content and kept by content hash."""
from action_plans.models import Measurement
from lms import filetypes
from lms.extensions import db
from lms.filestore import ContentStore
from lms.security import audit
from lms.timeutil import utcnow

STORE = ContentStore("action_plans/evidence")
EDITABLE = frozenset({"draft", "returned"})

# what counts as evidence: documents, spreadsheets, scans and photos
EVIDENCE_TYPES = frozenset({filetypes.PDF, filetypes.PNG, filetypes.JPEG, filetypes.ODT,
                            filetypes.DOCX, filetypes.XLSX, filetypes.ODS, filetypes.CSV})


def evidence_type(data, filename):
    """The MIME type of an evidence file by its content: PDF, PNG, JPEG, ODT, DOCX, XLSX, ODS,
    or CSV (UTF-8 text named .csv); None for anything else."""
    found = filetypes.sniff(data, filename)
    return found[0] if found and found[0] in EVIDENCE_TYPES else None


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
