"""networks: invitations into networks move to the core's invitations table (kind
networks.network)

Revision ID: networks_0003
Revises: networks_0002
Create Date: 2026-12-07 22:45:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'networks_0003'
down_revision = 'networks_0002'
branch_labels = None
depends_on = 'core_0004'

KIND = "networks.network"
SHARED = ("email", "role", "locale", "organisation_id", "organisation_name", "organisation_kind",
          "invited_by_id", "token_id", "created_at", "accepted_at")


def invitations_table():
    return sa.table("invitations", sa.column("id"), sa.column("kind"), sa.column("target_id"),
                    *(sa.column(name) for name in SHARED), sa.column("details", sa.JSON))


def old_table():
    return sa.table("networks_invitation", sa.column("network_id"),
                    *(sa.column(name) for name in SHARED))


def upgrade():
    bind = op.get_bind()
    old = old_table()
    rows = [dict(row._mapping) for row in bind.execute(sa.select(old))]
    if rows:
        bind.execute(sa.insert(invitations_table()), [
            {"kind": KIND, "target_id": row["network_id"], "details": {},
             **{name: row[name] for name in SHARED}}
            for row in sorted(rows, key=lambda row: row["created_at"])])
    with op.batch_alter_table('networks_invitation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_networks_invitation_network_id'))
    op.drop_table('networks_invitation')


def downgrade():
    op.create_table('networks_invitation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('network_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('organisation_name', sa.String(length=200), nullable=False),
    sa.Column('organisation_kind', sa.String(length=32), nullable=False),
    sa.Column('invited_by_id', sa.Integer(), nullable=True),
    sa.Column('token_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('accepted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['invited_by_id'], ['users.id'], name=op.f('fk_networks_invitation_invited_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['network_id'], ['networks_network.id'], name=op.f('fk_networks_invitation_network_id_networks_network'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_networks_invitation_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['token_id'], ['account_tokens.id'], name=op.f('fk_networks_invitation_token_id_account_tokens'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_networks_invitation'))
    )
    with op.batch_alter_table('networks_invitation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_networks_invitation_network_id'), ['network_id'], unique=False)

    bind = op.get_bind()
    new = invitations_table()
    rows = [dict(row._mapping) for row in bind.execute(
        sa.select(new).where(new.c.kind == KIND).order_by(new.c.id))]
    if rows:
        bind.execute(sa.insert(old_table()), [
            {"network_id": row["target_id"], **{name: row[name] for name in SHARED}}
            for row in rows])
    bind.execute(sa.delete(new).where(new.c.kind == KIND))
