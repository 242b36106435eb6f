"""change_log: an index on hlc

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 04:20:00

Marking a bundle's changes as sent looks them up by HLC (unique per change of this laptop).
Without an index each look-up scanned every unsent row, which kept the window between a
bundle's rename and its "sent" mark open for seconds on a laptop with much unsent work, and
a crash in that window is what the next sync has to recover from.
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_change_log_hlc", "change_log", ["hlc"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_change_log_hlc", table_name="change_log")
