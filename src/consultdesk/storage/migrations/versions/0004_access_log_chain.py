"""access log: each device's rows are numbered and hash-chained

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 22:20:00

``audit_log`` gains ``device`` (who wrote the row), ``seq`` (1, 2, 3, … per device),
``prev_hash`` and ``row_hash`` (SHA-256 over the previous hash and the row's values; see
storage.access_log). Rows written before this revision keep empty values: they are listed, and
``consultdesk verify`` says they are from before the chain.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("device", sa.String(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("row_hash", sa.String(), nullable=False, server_default=""))
        batch_op.create_index("ix_audit_log_device_seq", ["device", "seq"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_device_seq")
        batch_op.drop_column("row_hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("seq")
        batch_op.drop_column("device")
