"""core: one table of invitations for every kind (organisations here; the courses and networks
plugins move theirs in with their own migrations)

Revision ID: core_0004
Revises: core_0003
Create Date: 2026-12-07 22:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'core_0004'
down_revision = 'core_0003'
branch_labels = None
depends_on = None

KIND = "core.organisation"
COLUMNS = ("id", "email", "role", "invited_by_id", "token_id", "created_at", "accepted_at")


def invitations_table():
    return sa.table("invitations", *(sa.column(name) for name in (
        "kind", "target_id", "email", "role", "locale", "organisation_id", "organisation_name",
        "organisation_kind", "invited_by_id", "token_id", "created_at", "accepted_at")),
        sa.column("details", sa.JSON))


def upgrade():
    op.create_table('invitations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('organisation_name', sa.String(length=200), nullable=False),
    sa.Column('organisation_kind', sa.String(length=32), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('invited_by_id', sa.Integer(), nullable=True),
    sa.Column('token_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('accepted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['invited_by_id'], ['users.id'], name=op.f('fk_invitations_invited_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_invitations_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['token_id'], ['account_tokens.id'], name=op.f('fk_invitations_token_id_account_tokens'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invitations'))
    )
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.create_index('ix_invitations_kind_target', ['kind', 'target_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitations_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitations_token_id'), ['token_id'], unique=False)

    bind = op.get_bind()
    old = sa.table("organisation_invitations", sa.column("organisation_id"),
                   *(sa.column(name) for name in COLUMNS))
    rows = [dict(row._mapping) for row in bind.execute(sa.select(old).order_by(old.c.id))]
    if rows:
        bind.execute(sa.insert(invitations_table()), [
            {"kind": KIND, "target_id": row["organisation_id"], "email": row["email"],
             "role": row["role"], "locale": "en", "organisation_id": row["organisation_id"],
             "organisation_name": "", "organisation_kind": "", "details": {},
             "invited_by_id": row["invited_by_id"], "token_id": row["token_id"],
             "created_at": row["created_at"], "accepted_at": row["accepted_at"]}
            for row in rows])
    with op.batch_alter_table('organisation_invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_invitations_organisation_id'))
    op.drop_table('organisation_invitations')


def downgrade():
    op.create_table('organisation_invitations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('invited_by_id', sa.Integer(), nullable=True),
    sa.Column('token_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('accepted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['invited_by_id'], ['users.id'], name=op.f('fk_organisation_invitations_invited_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_organisation_invitations_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['token_id'], ['account_tokens.id'], name=op.f('fk_organisation_invitations_token_id_account_tokens'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation_invitations'))
    )
    with op.batch_alter_table('organisation_invitations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_invitations_organisation_id'), ['organisation_id'], unique=False)

    bind = op.get_bind()
    new = invitations_table()
    rows = [dict(row._mapping) for row in bind.execute(
        sa.select(new).where(new.c.kind == KIND).order_by(new.c.created_at))]
    if rows:
        old = sa.table("organisation_invitations", sa.column("organisation_id"),
                       *(sa.column(name) for name in COLUMNS if name != "id"))
        bind.execute(sa.insert(old), [
            {"organisation_id": row["target_id"], "email": row["email"], "role": row["role"],
             "invited_by_id": row["invited_by_id"], "token_id": row["token_id"],
             "created_at": row["created_at"], "accepted_at": row["accepted_at"]}
            for row in rows])
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitations_token_id'))
        batch_op.drop_index(batch_op.f('ix_invitations_organisation_id'))
        batch_op.drop_index('ix_invitations_kind_target')
    op.drop_table('invitations')
