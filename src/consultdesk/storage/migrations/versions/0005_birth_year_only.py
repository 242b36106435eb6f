"""resident: a birth date may be known only by its year

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 23:20:00

``resident.birth_approximate`` is true when only the birth year is known (the registered
birthday of many older Koreans is not the real one). ``birth_date`` then holds 1 July of that
year, so ages come out within a year, and the older-adult checks can run.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: a batch (copy-and-move) would drop `resident`, which other tables'
    # foreign keys refer to.
    op.add_column(
        "resident",
        sa.Column("birth_approximate", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("resident", "birth_approximate")  # SQLite 3.35+ drops a column in place
