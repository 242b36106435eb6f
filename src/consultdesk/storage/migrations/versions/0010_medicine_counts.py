"""medicine_count: each session's medicine counts, kept by triggers

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 05:00:00

The shared measures need, per session, the regular medicines still taken (as the polypharmacy
rule counts them), the medicines with leftovers or a storage problem, and the medicines
disposed. Counting them from medication_entry means reading (and decrypting) every medicine
row for every report; this small table holds the three counts per session instead. Triggers
on medication_entry keep it current after every insert, update and delete, whoever writes:
a local save, the demo fill or a sync import alike. A medicine counts while it is not deleted
and has a name. The table is local (never synced): it is worked out from synced rows.
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# The three counts of one medication_entry row ({r} is NEW or OLD); as
# storage/measures_repo.py reads them.
_LIVE = "{r}.deleted = 0 AND trim({r}.name_as_found) <> ''"
_REGULAR = (
    "(CASE WHEN {r}.action NOT IN ('stop', 'dispose') AND ({r}.morning <> '' OR "
    "{r}.noon <> '' OR {r}.evening <> '' OR {r}.bedtime <> '' OR {r}.as_needed = '') "
    "THEN 1 ELSE 0 END)"
)
_FOUND = "(CASE WHEN trim({r}.leftover) <> '' OR trim({r}.storage_problem) <> '' THEN 1 ELSE 0 END)"
_DISPOSED = "(CASE WHEN {r}.action = 'dispose' THEN 1 ELSE 0 END)"


def _add(r: str) -> str:
    return (
        "INSERT INTO medicine_count (consultation_id, regular, found, disposed) "
        f"VALUES ({r}.consultation_id, {_REGULAR.format(r=r)}, {_FOUND.format(r=r)}, "
        f"{_DISPOSED.format(r=r)}) "
        "ON CONFLICT (consultation_id) DO UPDATE SET regular = regular + excluded.regular, "
        "found = found + excluded.found, disposed = disposed + excluded.disposed;"
    )


def _take(r: str) -> str:
    return (
        f"UPDATE medicine_count SET regular = regular - {_REGULAR.format(r=r)}, "
        f"found = found - {_FOUND.format(r=r)}, disposed = disposed - {_DISPOSED.format(r=r)} "
        f"WHERE consultation_id = {r}.consultation_id;"
    )


def upgrade() -> None:
    op.execute(
        "CREATE TABLE medicine_count (consultation_id VARCHAR NOT NULL PRIMARY KEY, "
        "regular INTEGER NOT NULL DEFAULT 0, found INTEGER NOT NULL DEFAULT 0, "
        "disposed INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID"
    )
    op.execute(
        "CREATE TRIGGER medicine_count_insert AFTER INSERT ON medication_entry "
        f"WHEN {_LIVE.format(r='NEW')} BEGIN {_add('NEW')} END"
    )
    op.execute(
        "CREATE TRIGGER medicine_count_delete AFTER DELETE ON medication_entry "
        f"WHEN {_LIVE.format(r='OLD')} BEGIN {_take('OLD')} END"
    )
    # An update takes the old row's counts away and adds the new row's, each if it counts.
    op.execute(
        "CREATE TRIGGER medicine_count_update_old AFTER UPDATE ON medication_entry "
        f"WHEN {_LIVE.format(r='OLD')} BEGIN {_take('OLD')} END"
    )
    op.execute(
        "CREATE TRIGGER medicine_count_update_new AFTER UPDATE ON medication_entry "
        f"WHEN {_LIVE.format(r='NEW')} BEGIN {_add('NEW')} END"
    )
    live = _LIVE.format(r="m")
    op.execute(
        "INSERT INTO medicine_count (consultation_id, regular, found, disposed) "
        f"SELECT m.consultation_id, SUM({_REGULAR.format(r='m')}), SUM({_FOUND.format(r='m')}), "
        f"SUM({_DISPOSED.format(r='m')}) FROM medication_entry m WHERE {live} "
        "GROUP BY m.consultation_id"
    )


def downgrade() -> None:
    for name in ("insert", "delete", "update_old", "update_new"):
        op.execute(f"DROP TRIGGER medicine_count_{name}")
    op.execute("DROP TABLE medicine_count")
