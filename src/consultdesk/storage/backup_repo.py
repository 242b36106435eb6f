"""What a restore reads and rewrites in the restored database (services/backup.py)."""

from __future__ import annotations

from sqlalchemy import Connection, text

from consultdesk.domain.hlc import Hlc, packed_of
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


# An HLC's text with its device part replaced by :new ("wall-counter-device", see domain.hlc).
_RENAMED = "substr({c}, 1, 17 + instr(substr({c}, 18), '-')) || :new"


def rename_unsent(conn: Connection, device: str) -> None:
    """The unsent changes become the new device's: their device and the device part of their
    HLC (a teammate refuses a change whose HLC names another device), in change_log and in
    the field states they set (what another team is sent later is rebuilt from those), and
    the bases that name them. Every change_log row is unsent (see SqliteSyncStore.mark_sent),
    and a base names an earlier change of the same field, so both are found by the field
    state's key."""
    unsent = conn.exec_driver_sql("SELECT entity, record_id, field, hlc FROM change_log").all()
    wanted = {device}
    for entity, _, name, hlc in unsent:
        wanted |= {entity, name, Hlc.parse(hlc).device}
    names = field_clock.name_ids(conn, wanted)
    by_entity: dict[str, set[str]] = {}
    for entity, record_id, _, _ in unsent:
        by_entity.setdefault(entity, set()).add(record_id)
    records = {
        entity: field_clock.record_numbers(conn, names[entity], ids, create=False)
        for entity, ids in by_entity.items()
    }
    new, keys = names[device], []
    for entity, record_id, name, hlc in unsent:
        record = records[entity].get(record_id)
        if record is not None:
            packed, former = packed_of(hlc)
            keys.append((new, record, names[name], packed, names[former]))
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
    unsent_hlcs = "(SELECT hlc FROM change_log)"
    for statement in (
        f"UPDATE change_log SET base_hlc = {_RENAMED.format(c='base_hlc')} "
        f"WHERE base_hlc IN {unsent_hlcs}",
        f"UPDATE change_log SET hlc = {_RENAMED.format(c='hlc')}, device = :new",
    ):
        conn.execute(text(statement), {"new": device})


def forget_sent_bundles(conn: Connection) -> None:
    conn.execute(text("DELETE FROM sync_sent_bundle"))
