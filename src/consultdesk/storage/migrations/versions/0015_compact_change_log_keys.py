"""change_log keyed by integers, as field_clock is since 0012

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 18:40:00

An unsent change carried its entity name, its 36-character record id, its field name, a
54-character text HLC (again in the HLC index) and the 32-character device id as text: about
200 bytes per change before its value, and a laptop that has not synced yet (or never joins a
team) keeps one change per field it ever set. The 10,000-resident demo held 4.6 million of
them, about half of its 1.8 GB file. Now a change row holds what field_clock holds for a field
state (docs/sync.md, "The local change log"):

* ``record``: the record's number in ``sync_record`` (entity and record id, stored once);
* ``field`` and ``device``: numbers in ``sync_name``;
* ``hlc``: one integer, ``wall_ms << 16 | counter`` (domain.hlc.Hlc.packed), and the base HLC
  likewise, with ``base_device`` beside it; the HLC index is on the integer.

``bundle_seq`` goes: always NULL since 0011 (mark_sent deletes a sent change); a row that still
had one was sent already and is not copied (the rebuild for a new team deleted such rows too).
The texts are rebuilt where a change is sent (storage/field_clock.py, ``unsent_rows``).

The old table is read once into the new one, in its order (seq, so the changes are sent in the
order they were made), then dropped, in the one transaction every migration runs in
(storage/schema.py): a crash before the commit leaves the 0014 database as it was. Names and
records a change names that field_clock does not (none should: a change and its field state
are written in one transaction) are numbered first, so no change is left behind.
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# As in 0012: an HLC text is canonical (16 digits of milliseconds, a dash, 4 of counter, a
# dash, the device), which sync.changes.check_hlc and the local clock both keep.
_PACKED = "((CAST(substr({c}, 1, 16) AS INTEGER) << 16) | CAST(substr({c}, 18, 4) AS INTEGER))"


def upgrade() -> None:
    op.execute(
        "CREATE TABLE change_log_compact (seq INTEGER PRIMARY KEY, record INTEGER NOT NULL, "
        "field INTEGER NOT NULL, value TEXT NOT NULL, hlc INTEGER NOT NULL, "
        "device INTEGER NOT NULL, base_hlc INTEGER, base_device INTEGER)"
    )
    for names in (
        "SELECT DISTINCT entity FROM change_log",
        "SELECT DISTINCT field FROM change_log",
        "SELECT DISTINCT device FROM change_log",
        "SELECT DISTINCT substr(base_hlc, 23) FROM change_log WHERE base_hlc IS NOT NULL",
    ):
        op.execute(f"INSERT OR IGNORE INTO sync_name (name) {names}")
    op.execute(
        "INSERT OR IGNORE INTO sync_record (entity, record_id) "
        "SELECT n.id, c.record_id FROM (SELECT DISTINCT entity, record_id FROM change_log) c "
        "JOIN sync_name n ON n.name = c.entity"
    )
    # The device column, not the HLC's device part: rename_unsent (a restored backup that
    # became a new device) keeps the two the same, and mark_sent found rows by the column.
    op.execute(
        "INSERT INTO change_log_compact "
        "(seq, record, field, value, hlc, device, base_hlc, base_device) "
        f"SELECT c.seq, r.id, fn.id, c.value, {_PACKED.format(c='c.hlc')}, dn.id, "
        f"CASE WHEN c.base_hlc IS NULL THEN NULL ELSE {_PACKED.format(c='c.base_hlc')} END, "
        "bn.id FROM change_log c "
        "JOIN sync_name en ON en.name = c.entity "
        "JOIN sync_record r ON r.record_id = c.record_id AND r.entity = en.id "
        "JOIN sync_name fn ON fn.name = c.field "
        "JOIN sync_name dn ON dn.name = c.device "
        "LEFT JOIN sync_name bn ON bn.name = substr(c.base_hlc, 23) "
        "WHERE c.bundle_seq IS NULL ORDER BY c.seq"
    )
    op.execute("DROP TABLE change_log")
    op.execute("ALTER TABLE change_log_compact RENAME TO change_log")
    op.execute("CREATE INDEX ix_change_log_hlc ON change_log (hlc)")


def downgrade() -> None:
    raise NotImplementedError("the text change_log is not rebuilt; restore a backup instead")
