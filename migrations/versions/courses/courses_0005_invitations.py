"""courses: invitations into courses move to the core's invitations table (kind
courses.course, the cohort in details)

Revision ID: courses_0005
Revises: courses_0004_quiz_versions
Create Date: 2026-12-07 22:45:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'courses_0005'
down_revision = 'courses_0004_quiz_versions'
branch_labels = None
depends_on = 'core_0004'

KIND = "courses.course"
SHARED = ("email", "invited_by_id", "token_id", "created_at", "accepted_at")


def invitations_table():
    return sa.table("invitations", sa.column("id"), *(sa.column(name) for name in (
        "kind", "target_id", "role", "locale", "organisation_id", "organisation_name",
        "organisation_kind") + SHARED), sa.column("details", sa.JSON))


def old_table():
    return sa.table("courses_invitation", sa.column("course_id"), sa.column("cohort_id"),
                    *(sa.column(name) for name in SHARED))


def upgrade():
    bind = op.get_bind()
    old = old_table()
    rows = [dict(row._mapping) for row in bind.execute(sa.select(old))]
    if rows:
        bind.execute(sa.insert(invitations_table()), [
            {"kind": KIND, "target_id": row["course_id"], "role": "", "locale": "en",
             "organisation_id": None, "organisation_name": "", "organisation_kind": "",
             "details": {"cohort_id": row["cohort_id"]} if row["cohort_id"] else {},
             **{name: row[name] for name in SHARED}}
            for row in sorted(rows, key=lambda row: row["created_at"])])
    with op.batch_alter_table('courses_invitation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_courses_invitation_course_id'))
    op.drop_table('courses_invitation')


def downgrade():
    op.create_table('courses_invitation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('cohort_id', sa.Integer(), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('token_id', sa.Integer(), nullable=False),
    sa.Column('invited_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('accepted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['cohort_id'], ['courses_cohort.id'], name=op.f('fk_courses_invitation_cohort_id_courses_cohort'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['course_id'], ['courses_course.id'], name=op.f('fk_courses_invitation_course_id_courses_course'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['invited_by_id'], ['users.id'], name=op.f('fk_courses_invitation_invited_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['token_id'], ['account_tokens.id'], name=op.f('fk_courses_invitation_token_id_account_tokens'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_courses_invitation'))
    )
    with op.batch_alter_table('courses_invitation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_courses_invitation_course_id'), ['course_id'], unique=False)

    bind = op.get_bind()
    new = invitations_table()
    rows = [dict(row._mapping) for row in bind.execute(
        sa.select(new).where(new.c.kind == KIND).order_by(new.c.id))]
    cohorts = {row[0] for row in bind.execute(sa.text("SELECT id FROM courses_cohort"))}
    if rows:
        bind.execute(sa.insert(old_table()), [
            {"course_id": row["target_id"],
             "cohort_id": row["details"].get("cohort_id")
             if row["details"].get("cohort_id") in cohorts else None,
             **{name: row[name] for name in SHARED}} for row in rows])
    bind.execute(sa.delete(new).where(new.c.kind == KIND))
