"""audit_log: the reason given for a download

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 04:30:00

The safety-measure standard (개인정보의 안전성 확보조치 기준) asks that the reason be checked
when personal data is downloaded. ``audit_log.reason`` holds it for an export row: a reason
code (services.access_log.DownloadReason) and, after ": ", what the pharmacist wrote. Rows
without a reason keep '' and their hash (storage.access_log hashes the reason only when set).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("reason", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("audit_log", "reason")
