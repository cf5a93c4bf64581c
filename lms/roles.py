"""Granting and taking back scoped roles; every change is written to the audit log."""
from sqlalchemy import delete, select

from lms.extensions import db
from lms.models import RoleAssignment
from lms.permissions import registry
from lms.security import audit


def _scope(obj):
    return obj.__tablename__, obj.id


def assign_role(user, role, obj):
    """Give `user` the scoped `role` on `obj` (a registered ScopedRole); idempotent."""
    scoped = registry().scoped_roles.get(role)
    scope_type, scope_id = _scope(obj)
    if scoped is None or scoped.scope_type != scope_type:
        raise ValueError(f"{role!r} is not a registered role for {scope_type!r}")
    existing = db.session.scalar(select(RoleAssignment).where(
        RoleAssignment.user_id == user.id, RoleAssignment.role == role,
        RoleAssignment.scope_type == scope_type, RoleAssignment.scope_id == scope_id))
    if existing is not None:
        return existing
    assignment = RoleAssignment(user_id=user.id, role=role, scope_type=scope_type,
                                scope_id=scope_id)
    db.session.add(assignment)
    db.session.flush()
    audit("role_changed", subject=user, scope=f"{scope_type}:{scope_id}", granted=role)
    return assignment


def revoke_role(user, role, obj):
    scope_type, scope_id = _scope(obj)
    result = db.session.execute(delete(RoleAssignment).where(
        RoleAssignment.user_id == user.id, RoleAssignment.role == role,
        RoleAssignment.scope_type == scope_type, RoleAssignment.scope_id == scope_id))
    if result.rowcount:
        audit("role_changed", subject=user, scope=f"{scope_type}:{scope_id}", revoked=role)
    return bool(result.rowcount)


def holders(role, obj):
    """The ids of the people holding `role` on `obj`."""
    scope_type, scope_id = _scope(obj)
    return db.session.scalars(select(RoleAssignment.user_id).where(
        RoleAssignment.role == role, RoleAssignment.scope_type == scope_type,
        RoleAssignment.scope_id == scope_id)).all()
