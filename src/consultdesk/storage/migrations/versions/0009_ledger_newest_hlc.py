"""sync_ledger: the newest clock imported from each device

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 04:50:00

Each bundle this laptop writes says how far it had read every other laptop (the newest HLC
imported from each). A laptop that receives a later edit then knows whether its author had
seen the value a conflict on that field is about, and keeps the conflict open when not. Rows
from before this revision start empty: the next bundle imported from the device fills them in.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "sync_ledger",
        sa.Column("newest_hlc", sa.String(), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_column("sync_ledger", "newest_hlc")
