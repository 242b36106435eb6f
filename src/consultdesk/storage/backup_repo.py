"""What a restore reads and rewrites in the restored database (services/backup.py)."""

from __future__ import annotations

from sqlalchemy import Connection, text

from consultdesk.storage import field_clock
from consultdesk.storage.database import Database


def newest_change(db: Database) -> str:
    """The newest HLC of the field states, "" when there are none (or no such table yet). A
    database not yet upgraded to the compact field_clock (0012) is read as it is."""
    with db.reading() as conn:
        columns = {
            row[0]
            for row in conn.exec_driver_sql("SELECT name FROM pragma_table_info('field_clock')")
        }
        if "entity" in columns:  # the text field_clock of 0011 and before
            row = conn.exec_driver_sql("SELECT max(hlc) FROM field_clock").first()
            return str(row[0] or "") if row else ""
        if not columns:
            return ""
        return field_clock.newest(conn)


def rename_unsent(conn: Connection, device: str) -> None:
    """The unsent changes become the new device's: their device (an HLC's text names it, and
    a teammate refuses a change whose HLC names another device), in change_log and in the
    field states they set (what another team is sent later is rebuilt from those), and the
    bases that name them. Every change_log row is unsent (see SqliteSyncStore.mark_sent), and
    a base names an earlier change of the same field, so both are found by the field state's
    key. Both tables keep an HLC as its number and its device's (migrations 0012, 0015)."""
    new = field_clock.name_ids(conn, {device})[device]
    keys = [
        (new, record, name, hlc, former)
        for record, name, hlc, former in conn.exec_driver_sql(
            "SELECT record, field, hlc, device FROM change_log"
        )
    ]
    if keys:
        conn.exec_driver_sql(
            "UPDATE field_clock SET base_device = ? WHERE record = ? AND field = ? "
            "AND base_hlc = ? AND base_device = ?",
            keys,
        )
        conn.exec_driver_sql(
            "UPDATE field_clock SET device = ? WHERE record = ? AND field = ? "
            "AND hlc = ? AND device = ?",
            keys,
        )
    # The bases first: they are found by the unsent changes' devices, which change next.
    conn.exec_driver_sql(
        "UPDATE change_log SET base_device = ? WHERE base_hlc IS NOT NULL AND EXISTS "
        "(SELECT 1 FROM change_log c WHERE c.hlc = change_log.base_hlc "
        "AND c.device = change_log.base_device)",
        (new,),
    )
    conn.exec_driver_sql("UPDATE change_log SET device = ?", (new,))


def forget_sent_bundles(conn: Connection) -> None:
    conn.execute(text("DELETE FROM sync_sent_bundle"))
