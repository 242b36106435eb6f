"""field_clock keyed by integers: names and record ids stored once, HLCs as integers

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 07:30:00

A field state carried its entity name, its 32-character record id and its field name as text,
in the row and again in its primary-key index, a 54-character text HLC (again in its index) and
the 32-character device id: about 4,100 bytes per medicine row of the demo. Now
(docs/sync.md, "The local change log"):

* ``sync_name`` numbers the entity, field and device names;
* ``sync_record`` holds each record's id once, numbered;
* ``field_clock`` is a WITHOUT ROWID table keyed by (record, field) as those numbers; its HLC
  is one integer, ``wall_ms << 16 | counter`` (domain.hlc.Hlc.packed), with the device's
  number beside it, and the base HLC likewise. The HLC text is rebuilt where a change is sent
  or compared (storage/field_clock.py);
* the newest HLC, which start-up reads, is the setting ``newest_hlc`` instead of an index.

change_log also loses its indexes on record_id (read by nothing) and bundle_seq (always NULL
since 0011: the unsent rows are all its rows); the HLC index stays (mark_sent).

The old table is read once into the new ones, then dropped, in the one transaction every
migration runs in (storage/schema.py): a crash before the commit leaves the 0011 database as it
was. An HLC text is canonical (sync.changes.check_hlc refuses any other): 16 digits of
milliseconds, a dash, 4 digits of counter, a dash, the device.
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_PACKED = "((CAST(substr({c}, 1, 16) AS INTEGER) << 16) | CAST(substr({c}, 18, 4) AS INTEGER))"


def upgrade() -> None:
    op.execute("CREATE TABLE sync_name (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)")
    op.execute(
        "CREATE TABLE sync_record (id INTEGER PRIMARY KEY, entity INTEGER NOT NULL, "
        "record_id TEXT NOT NULL, UNIQUE (record_id, entity))"
    )
    op.execute(
        "CREATE TABLE field_clock_compact (record INTEGER NOT NULL, field INTEGER NOT NULL, "
        "hlc INTEGER NOT NULL, device INTEGER NOT NULL, base_hlc INTEGER, base_device INTEGER, "
        "value TEXT, PRIMARY KEY (record, field)) WITHOUT ROWID"
    )
    for names in (
        "SELECT DISTINCT entity FROM field_clock",
        "SELECT DISTINCT field FROM field_clock",
        "SELECT DISTINCT substr(hlc, 23) FROM field_clock",
        "SELECT DISTINCT substr(base_hlc, 23) FROM field_clock WHERE base_hlc IS NOT NULL",
    ):
        op.execute(f"INSERT OR IGNORE INTO sync_name (name) {names}")
    op.execute(
        "INSERT INTO sync_record (entity, record_id) "
        "SELECT n.id, f.record_id FROM (SELECT DISTINCT entity, record_id FROM field_clock) f "
        "JOIN sync_name n ON n.name = f.entity"
    )
    # The device is the HLC's (a change whose HLC names another device is refused on import;
    # rows from before 0003 had an empty device column).
    op.execute(
        "INSERT INTO field_clock_compact "
        "(record, field, hlc, device, base_hlc, base_device, value) "
        f"SELECT r.id, fn.id, {_PACKED.format(c='f.hlc')}, dn.id, "
        f"CASE WHEN f.base_hlc IS NULL THEN NULL ELSE {_PACKED.format(c='f.base_hlc')} END, "
        "bn.id, f.value FROM field_clock f "
        "JOIN sync_name en ON en.name = f.entity "
        "JOIN sync_record r ON r.record_id = f.record_id AND r.entity = en.id "
        "JOIN sync_name fn ON fn.name = f.field "
        "JOIN sync_name dn ON dn.name = substr(f.hlc, 23) "
        "LEFT JOIN sync_name bn ON bn.name = substr(f.base_hlc, 23) "
        "ORDER BY r.id, fn.id"
    )
    op.execute(
        "INSERT OR REPLACE INTO setting (key, value) "
        "SELECT 'newest_hlc', max(hlc) FROM field_clock HAVING max(hlc) IS NOT NULL"
    )
    op.execute("DROP TABLE field_clock")
    op.execute("ALTER TABLE field_clock_compact RENAME TO field_clock")
    op.execute("DROP INDEX IF EXISTS ix_change_log_record_id")
    op.execute("DROP INDEX IF EXISTS ix_change_log_bundle_seq")


def downgrade() -> None:
    raise NotImplementedError("the text field_clock is not rebuilt; restore a backup instead")
