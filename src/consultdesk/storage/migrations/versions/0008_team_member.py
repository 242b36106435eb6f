"""team_member: who works on each laptop of the team, shared through sync

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 04:30:00

One row per device of the team: its pharmacist's name and organisation, so that the team's
measures and lists can name who recorded what. This laptop's own row comes from its profile;
the others' come with their bundles (storage/team_repo.py). The table itself is local, and the
contact phone never leaves the laptop.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_member",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("pharmacist_name", sa.String(), nullable=False, server_default=""),
        sa.Column("organisation", sa.String(), nullable=False, server_default=""),
        sa.Column("deleted", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("team_member")
