"""What a restore reads and rewrites in the restored database (services/backup.py)."""

from __future__ import annotations

from sqlalchemy import Connection, text

from consultdesk.storage.database import Database


def newest_change(db: Database) -> str:
    """The newest HLC of the field states, "" when there are none (or no such table yet)."""
    with db.engine.connect() as conn:
        has = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'field_clock'"
        ).first()
        if has is None:
            return ""
        row = conn.exec_driver_sql("SELECT max(hlc) FROM field_clock").first()
    return str(row[0] or "") if row else ""


# An HLC's text with its device part replaced by :new ("wall-counter-device", see domain.hlc).
_RENAMED = "substr({c}, 1, 17 + instr(substr({c}, 18), '-')) || :new"
_UNSENT = "(SELECT hlc FROM change_log WHERE bundle_seq IS NULL)"


def rename_unsent(conn: Connection, device: str) -> None:
    """The unsent changes become the new device's: their device and the device part of their
    HLC (a teammate refuses a change whose HLC names another device), in change_log and in
    the field states they set (what another team is sent later is rebuilt from those), and
    the bases that name them."""
    for statement in (
        f"UPDATE field_clock SET base_hlc = {_RENAMED.format(c='base_hlc')} "
        f"WHERE base_hlc IN {_UNSENT}",
        f"UPDATE field_clock SET hlc = {_RENAMED.format(c='hlc')}, device = :new "
        f"WHERE hlc IN {_UNSENT}",
        f"UPDATE change_log SET base_hlc = {_RENAMED.format(c='base_hlc')} "
        f"WHERE bundle_seq IS NULL AND base_hlc IN {_UNSENT}",
        f"UPDATE change_log SET hlc = {_RENAMED.format(c='hlc')}, device = :new "
        "WHERE bundle_seq IS NULL",
    ):
        conn.execute(text(statement), {"new": device})


def forget_sent_bundles(conn: Connection) -> None:
    conn.execute(text("DELETE FROM sync_sent_bundle"))
