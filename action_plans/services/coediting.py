"""Saving a record that several people edit at once, without ever losing what anyone wrote.

A form carries the version it was loaded from. A save from the current version is stored as it
is. A save from an older one is first kept as an "edit" revision (so it is never lost), then
merged with what was saved meanwhile (`merging.merge_fields`: different fields, or different
sentences of one long text, merge by themselves); when both changed the same words, nothing is
stored and the editor gets the resolution page, where they choose or rewrite and save again.
Every save stores the record's fields as a "saved" revision: the history, the base of later
merges, and what "restore" brings back.
"""
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import Date, Float, Numeric, String, delete, select

from action_plans.models import Presence, Revision
from action_plans.services.merging import Conflict, merge_fields
from lms.extensions import db
from lms.security import audit
from lms.timeutil import utcnow

# Someone counts as "also editing" for this long after their page last said it is open.
PRESENCE_WINDOW = timedelta(seconds=45)


@dataclass(frozen=True)
class Kind:
    """What co-editing needs to know of one kind of record: its name in revisions, the fields
    people edit, which of them are long texts (merged sentence by sentence), and what to do
    after fields change (render Markdown, say)."""
    name: str
    fields: tuple
    long_fields: frozenset = frozenset()
    after_change: object = None


@dataclass
class Outcome:
    """`status`: "saved" (as submitted), "merged" (with someone else's save), "conflict"
    (nothing stored; `conflicts` and `edit` say what to resolve) or "unchanged"."""
    status: str
    conflicts: tuple = ()
    edit: Revision | None = None
    changed: frozenset = field(default_factory=frozenset)


def _plain(value):
    """A field's value as JSON keeps it in a revision (dates as ISO text, money as text)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _read(record, name, value):
    """A revision's value back in the column's own type."""
    if value is None or value == "":
        return None if not isinstance(getattr(type(record), name).type, String) else ""
    column_type = getattr(type(record), name).type
    if isinstance(column_type, Date) and isinstance(value, str):
        return date.fromisoformat(value)
    if isinstance(column_type, Numeric) and not isinstance(column_type, Float):
        return Decimal(str(value))
    return value


def values_of(kind, record):
    return {name: _plain(getattr(record, name)) for name in kind.fields}


def record_revision(plan_id, kind, record, user, revision_kind="saved", merged=False,
                    base_version=None):
    revision = Revision(plan_id=plan_id, record_type=kind.name, record_id=record.id,
                        version=record.version, base_version=base_version, kind=revision_kind,
                        fields=values_of(kind, record), merged=merged,
                        author_id=user.id if user is not None else None)
    db.session.add(revision)
    return revision


def created(plan_id, kind, record, user):
    """A new record's first revision (version 1): the base of any merge with it."""
    db.session.flush()
    return record_revision(plan_id, kind, record, user)


def revision_at(kind, record, version):
    return db.session.scalar(select(Revision).where(
        Revision.record_type == kind.name, Revision.record_id == record.id,
        Revision.version == version, Revision.kind.in_(("saved", "restored")))
        .order_by(Revision.id.desc()).limit(1))


def _apply(plan_id, kind, record, values, user, revision_kind="saved", merged=False,
           base_version=None):
    for name in kind.fields:
        setattr(record, name, _read(record, name, values[name]))
    if kind.after_change is not None:
        kind.after_change(record)
    record.version += 1
    record.updated_at = utcnow()
    # no flush here: the record and its revision are written together, by the next query's
    # autoflush or at the commit
    return record_revision(plan_id, kind, record, user, revision_kind, merged, base_version)


def save(plan_id, kind, record, submitted, base_version, user):
    """Store `submitted` (a value for every field of `kind`), made from `base_version`."""
    current = values_of(kind, record)
    submitted = {name: _plain(submitted[name]) for name in kind.fields}
    if base_version == record.version:
        if submitted == current:
            return Outcome("unchanged")
        _apply(plan_id, kind, record, submitted, user, base_version=base_version)
        audit("action_plan_record_saved", record=f"{kind.name}:{record.id}",
              version=record.version)
        return Outcome("saved", changed=frozenset(n for n in kind.fields
                                                  if submitted[n] != current[n]))
    edit = Revision(plan_id=plan_id, record_type=kind.name, record_id=record.id,
                    version=record.version, base_version=base_version, kind="edit",
                    fields=submitted, author_id=user.id if user is not None else None)
    db.session.add(edit)
    base_revision = revision_at(kind, record, base_version)
    base = base_revision.fields if base_revision is not None else current
    result = merge_fields(base, current, submitted, kind.long_fields)
    if not result.clean:
        db.session.flush()
        return Outcome("conflict", conflicts=result.conflicts, edit=edit)
    edit.resolved_at = utcnow()
    if not result.changed:
        return Outcome("unchanged")
    _apply(plan_id, kind, record, result.values, user, merged=True, base_version=base_version)
    audit("action_plan_record_saved", record=f"{kind.name}:{record.id}", version=record.version,
          merged=True)
    return Outcome("merged", changed=result.changed)


def resolve(plan_id, kind, record, chosen, edit_id, user):
    """The resolution page's save: `chosen` was made against the current version; the edit
    revision it settles is marked resolved (it stays in the history)."""
    outcome = save(plan_id, kind, record, chosen, record.version, user)
    edit = db.session.get(Revision, edit_id) if edit_id else None
    if edit is not None and edit.record_id == record.id and edit.record_type == kind.name \
            and edit.kind == "edit" and edit.author_id == (user.id if user else None):
        edit.resolved_at = utcnow()
    return outcome


def restore(plan_id, kind, record, revision, user):
    """Bring back an earlier version's fields, as a new version."""
    values = dict(values_of(kind, record))
    values.update({name: revision.fields[name] for name in kind.fields
                   if name in revision.fields})
    _apply(plan_id, kind, record, values, user, revision_kind="restored",
           base_version=record.version)
    audit("action_plan_record_restored", record=f"{kind.name}:{record.id}",
          version=record.version, restored=revision.version)


def history(kind, record):
    """Every revision of the record, newest first."""
    return db.session.scalars(select(Revision).where(
        Revision.record_type == kind.name, Revision.record_id == record.id)
        .order_by(Revision.id.desc())).all()


def open_edits(kind, record, user):
    """`user`'s submitted texts that still wait to be resolved."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    return db.session.scalars(select(Revision).where(
        Revision.record_type == kind.name, Revision.record_id == record.id,
        Revision.kind == "edit", Revision.author_id == user.id,
        Revision.resolved_at.is_(None)).order_by(Revision.id)).all()


def others_here(kind, record, user):
    """The others who have the record open now."""
    return db.session.scalars(select(Presence).where(
        Presence.record_type == kind.name, Presence.record_id == record.id,
        Presence.user_id != user.id, Presence.seen_at >= utcnow() - PRESENCE_WINDOW)).all()


def here(kind, record, user):
    """Say that `user` has the record open, and return the others who have it open now."""
    now = utcnow()
    found = db.session.get(Presence, (kind.name, record.id, user.id))
    if found is None:
        db.session.add(Presence(record_type=kind.name, record_id=record.id, user_id=user.id,
                                seen_at=now))
    else:
        found.seen_at = now
    db.session.execute(delete(Presence).where(Presence.seen_at < now - PRESENCE_WINDOW * 20))
    db.session.flush()
    return others_here(kind, record, user)


__all__ = ["Conflict", "Kind", "Outcome", "created", "here", "history", "others_here", "open_edits", "resolve",
           "restore", "save"]
