"""sample: notes

Revision ID: sample_0001
Revises:
Create Date: 2026-11-22 09:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = "sample_0001"
down_revision = None
branch_labels = ("sample",)
depends_on = "core_0001"


def upgrade():
    op.create_table("sample_note",
                    sa.Column("id", sa.Integer(), nullable=False),
                    sa.Column("text", sa.String(length=200), nullable=False),
                    sa.PrimaryKeyConstraint("id", name=op.f("pk_sample_note")))


def downgrade():
    op.drop_table("sample_note")
