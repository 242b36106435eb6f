"""sync: field states, ledger, bundles sent, conflicts, records waiting for their parents

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 22:00:00

Besides the new tables, two things change in place, both safe only because nothing was ever
synced before this revision:

* ``field_clock`` gains ``device``, ``base_hlc`` and ``value`` (the full state a merge compares
  against), filled from the change-log row that set each field.
* The device id loses its hyphens. It becomes a folder name on the share, and bundle device ids
  are limited to letters, digits and "_" (sync.team.ID_PATTERN). Every HLC carries the device id
  as its tie-breaker, so the change log and the field clocks are rewritten with it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("field_clock", schema=None) as batch_op:
        batch_op.add_column(sa.Column("device", sa.String(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("base_hlc", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("value", sa.String(), nullable=True))
        # Start-up reads the newest clock (max(hlc)); without an index that scans every field.
        batch_op.create_index(batch_op.f("ix_field_clock_hlc"), ["hlc"], unique=False)
    bind = op.get_bind()
    _rewrite_device_id(bind)
    # Every field clock so far was set by a local change with the very same HLC.
    bind.exec_driver_sql(
        """
        UPDATE field_clock SET
          device = coalesce((SELECT c.device FROM change_log c
                             WHERE c.record_id = field_clock.record_id
                               AND c.entity = field_clock.entity
                               AND c.field = field_clock.field
                               AND c.hlc = field_clock.hlc), ''),
          base_hlc = (SELECT c.base_hlc FROM change_log c
                      WHERE c.record_id = field_clock.record_id
                        AND c.entity = field_clock.entity
                        AND c.field = field_clock.field
                        AND c.hlc = field_clock.hlc),
          value = (SELECT c.value FROM change_log c
                   WHERE c.record_id = field_clock.record_id
                     AND c.entity = field_clock.entity
                     AND c.field = field_clock.field
                     AND c.hlc = field_clock.hlc)
        """
    )

    op.create_table(
        "sync_ledger",
        sa.Column("device", sa.String(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("bundle_hash", sa.String(), nullable=False),
        sa.Column("imported_at", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("device"),
    )
    op.create_table(
        "sync_sent_bundle",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("bundle_hash", sa.String(), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("record_id", sa.String(), nullable=False),
        sa.Column("field", sa.String(), nullable=False),
        sa.Column("requires_person", sa.Boolean(), nullable=False),
        sa.Column("kept_field", sa.String(), nullable=False),
        sa.Column("kept_value", sa.String(), nullable=False),
        sa.Column("kept_hlc", sa.String(), nullable=False),
        sa.Column("kept_device", sa.String(), nullable=False),
        sa.Column("other_field", sa.String(), nullable=False),
        sa.Column("other_value", sa.String(), nullable=False),
        sa.Column("other_hlc", sa.String(), nullable=False),
        sa.Column("other_device", sa.String(), nullable=False),
        sa.Column("raised_at", sa.String(), nullable=False),
        sa.Column("resolved_at", sa.String(), nullable=True),
        sa.Column("resolution", sa.String(), nullable=True),
        sa.Column("resolved_by", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflict_record_id"), ["record_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_sync_conflict_resolved_at"), ["resolved_at"], unique=False
        )
    op.create_table(
        "sync_pending",
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("record_id", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "record_id"),
    )


def _rewrite_device_id(bind: sa.Connection) -> None:
    row = bind.exec_driver_sql("SELECT value FROM setting WHERE key = 'device_id'").first()
    if row is None or "-" not in row[0]:
        return
    old, new = row[0], row[0].replace("-", "")
    bind.exec_driver_sql("UPDATE setting SET value = ? WHERE key = 'device_id'", (new,))
    # An HLC is "<wall>-<counter>-<device>": the device id is its tail, after 22 characters.
    for table, columns in (("change_log", ("hlc", "base_hlc")), ("field_clock", ("hlc",))):
        for column in columns:
            bind.exec_driver_sql(
                f"UPDATE {table} SET {column} = substr({column}, 1, 22) || ? "
                f"WHERE {column} = substr({column}, 1, 22) || ?",
                (new, old),
            )
    bind.exec_driver_sql("UPDATE change_log SET device = ? WHERE device = ?", (new, old))


def downgrade() -> None:
    op.drop_table("sync_pending")
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflict_resolved_at"))
        batch_op.drop_index(batch_op.f("ix_sync_conflict_record_id"))
    op.drop_table("sync_conflict")
    op.drop_table("sync_sent_bundle")
    op.drop_table("sync_ledger")
    with op.batch_alter_table("field_clock", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_field_clock_hlc"))
        batch_op.drop_column("value")
        batch_op.drop_column("base_hlc")
        batch_op.drop_column("device")
