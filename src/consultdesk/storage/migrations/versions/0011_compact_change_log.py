"""change_log keeps only unsent changes: drop the rows already sent

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 05:40:00

A change row was kept after its bundle was published, marked by bundle_seq, so that every value
was stored three times (in its record, in change_log and in field_clock). From now on mark_sent
deletes a row once its bundle has its final name, and joining another team rebuilds what to send
from the field states this laptop set (docs/sync.md, "The local change log"). This drops the rows
sent before. Their pages go to the file's free list and are reused by later writes: the file
itself shrinks only for databases made with auto_vacuum (storage/database.py), or when copied by
a backup (VACUUM INTO).
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM change_log WHERE bundle_seq IS NOT NULL")


def downgrade() -> None:
    pass  # the sent rows are in the published bundles; nothing here needs them back
