"""The field states as field_clock keeps them (migration 0012; docs/sync.md, "The local change
log"): entity, field and device names numbered in ``sync_name``, each record id once in
``sync_record``, and the HLC as one integer (domain.hlc.Hlc.packed) beside its device's number.

The rest of the code sees what it saw before, the texts: ``load_states`` and the change rows
rebuild an HLC's text from its number and its device's name (domain.hlc.hlc_text, or
``hlc_sql`` inside a statement). The newest HLC start-up reads is the setting ``newest_hlc``,
raised by every transaction that writes a field state (``note_newest``), so no index on the
HLC is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

import sqlalchemy as sa

from consultdesk.domain.hlc import COUNTER_BITS, COUNTER_MASK

NEWEST_SETTING = "newest_hlc"
# SQLite's limit on bound parameters is 32766 in current versions, 999 in old ones.
_CHUNK = 900

# A field state's columns in the order ``upsert_states`` takes them.
STATE_COLUMNS = ("record", "field", "hlc", "device", "base_hlc", "base_device", "value")


def hlc_sql(packed: str, device_name: str) -> str:
    """SQL for the text of the HLC in column ``packed`` with the device name ``device_name``
    (as domain.hlc.hlc_text builds it)."""
    return (
        f"printf('%016d-%04d-%s', {packed} >> {COUNTER_BITS}, {packed} & {COUNTER_MASK}, "
        f"{device_name})"
    )


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def name_ids(conn: sa.Connection, names: Iterable[str]) -> dict[str, int]:
    """The numbers of these entity, field or device names, numbering the new ones."""
    wanted = sorted(set(names))
    found: dict[str, int] = {}

    def read(chunk: Sequence[str]) -> None:
        rows = conn.exec_driver_sql(
            f"SELECT name, id FROM sync_name WHERE name IN ({_marks(len(chunk))})", tuple(chunk)
        )
        found.update((name, number) for name, number in rows)

    for chunk in _chunks(wanted):
        read(chunk)
    missing = [name for name in wanted if name not in found]
    if missing:
        conn.exec_driver_sql(
            "INSERT INTO sync_name (name) VALUES (?)", [(name,) for name in missing]
        )
        for chunk in _chunks(missing):
            read(chunk)
    return found


def name_id(conn: sa.Connection, name: str) -> int | None:
    """The number of a name, or None if nothing was ever stored under it."""
    row = conn.exec_driver_sql("SELECT id FROM sync_name WHERE name = ?", (name,)).first()
    return None if row is None else int(row[0])


def record_numbers(
    conn: sa.Connection, entity: int, record_ids: Iterable[str], create: bool = True
) -> dict[str, int]:
    """The numbers of these records of ``entity`` (a sync_name number); with ``create``, the
    records not known yet are numbered."""
    wanted = sorted(set(record_ids))
    found: dict[str, int] = {}

    def read(chunk: Sequence[str]) -> None:
        rows = conn.exec_driver_sql(
            "SELECT record_id, id FROM sync_record "
            f"WHERE entity = ? AND record_id IN ({_marks(len(chunk))})",
            (entity, *chunk),
        )
        found.update((record_id, number) for record_id, number in rows)

    for chunk in _chunks(wanted):
        read(chunk)
    missing = [record_id for record_id in wanted if record_id not in found]
    if missing and create:
        # Numbered here rather than read back (a newcomer's join numbers every record).
        found.update(zip(missing, number_new_records(conn, entity, missing), strict=True))
    return found


def number_new_records(conn: sa.Connection, entity: int, record_ids: Sequence[str]) -> range:
    """Number records that have no field state yet (a bulk insert of new records), in their
    order: one statement, no look-up. Fails on the unique key if one was known already."""
    row = conn.exec_driver_sql("SELECT max(id) FROM sync_record").one()
    first = int(row[0] or 0) + 1
    numbers = range(first, first + len(record_ids))
    conn.exec_driver_sql(
        "INSERT INTO sync_record (id, entity, record_id) VALUES (?, ?, ?)",
        [
            (number, entity, record_id)
            for number, record_id in zip(numbers, record_ids, strict=True)
        ],
    )
    return numbers


def upsert_states(conn: sa.Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """Write field states, given as tuples in STATE_COLUMNS order, over any state they replace."""
    if rows:
        conn.exec_driver_sql(
            f"INSERT INTO field_clock ({', '.join(STATE_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (record, field) DO UPDATE SET hlc = excluded.hlc, "
            "device = excluded.device, base_hlc = excluded.base_hlc, "
            "base_device = excluded.base_device, value = excluded.value",
            list(rows),
        )


def insert_states(conn: sa.Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """Write the field states of fields that have none yet (STATE_COLUMNS order); a field
    that has one fails on the key, and nothing of the transaction stays."""
    if rows:
        conn.exec_driver_sql(
            f"INSERT INTO field_clock ({', '.join(STATE_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?)",
            list(rows),
        )


def note_newest(conn: sa.Connection, hlc: str) -> None:
    """Raise the newest-HLC setting to ``hlc`` (an HLC text; they sort as the clocks do)."""
    conn.exec_driver_sql(
        "INSERT INTO setting (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)",
        (NEWEST_SETTING, hlc),
    )


def newest(conn: sa.Connection) -> str:
    """The newest HLC of the field states, as text; "" when there are none."""
    row = conn.exec_driver_sql("SELECT value FROM setting WHERE key = ?", (NEWEST_SETTING,)).first()
    return str(row[0]) if row else ""


TextState = tuple[str, str, str, str | None, str, str, str | None]


class LoggedChange(NamedTuple):
    """A change_log row as texts (``unsent_rows``)."""

    entity: str
    record_id: str
    field: str
    value: str  # JSON; never NULL (a tombstone's is true)
    hlc: str
    device: str
    base_hlc: str | None


def _as_texts(table: str) -> str:
    """SELECT of ``table``'s rows (field_clock or change_log, aliased f: both keep a state in
    STATE_COLUMNS) as texts: (entity, record_id, field, value, hlc, device, base_hlc)."""
    hlc, base = hlc_sql("f.hlc", "d.name"), hlc_sql("f.base_hlc", "b.name")
    return (
        f"SELECT e.name, r.record_id, n.name, f.value, {hlc}, d.name, "
        f"CASE WHEN f.base_hlc IS NULL THEN NULL ELSE {base} END "
        f"FROM {table} f JOIN sync_record r ON r.id = f.record "
        "JOIN sync_name e ON e.id = r.entity JOIN sync_name n ON n.id = f.field "
        "JOIN sync_name d ON d.id = f.device LEFT JOIN sync_name b ON b.id = f.base_device"
    )


def all_states(conn: sa.Connection) -> list[TextState]:
    """Every field state as texts: (entity, record_id, field, value, hlc, device, base_hlc)."""
    rows = conn.exec_driver_sql(f"{_as_texts('field_clock')} ORDER BY f.record, f.field")
    return [tuple(row) for row in rows]  # type: ignore[misc]


def log_changes(conn: sa.Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """Append changes to change_log, given as field states are (STATE_COLUMNS order): a change
    row is the field state its edit set (migration 0015)."""
    if rows:
        conn.exec_driver_sql(
            f"INSERT INTO change_log ({', '.join(STATE_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?)",
            list(rows),
        )


def log_states_of(conn: sa.Connection, first: int, stop: int) -> None:
    """Append the field states of the records numbered ``first`` to ``stop - 1`` to change_log,
    in key order (record, then field): for new records whose states were written in the order
    their HLCs were taken (ChangeWriter.bulk_create), the order of the edits."""
    columns = ", ".join(STATE_COLUMNS)
    conn.exec_driver_sql(
        f"INSERT INTO change_log ({columns}) SELECT {columns} FROM field_clock "
        "WHERE record >= ? AND record < ? ORDER BY record, field",
        (first, stop),
    )


def unsent_rows(
    conn: sa.Connection, device: str | None = None, limit: int = -1
) -> list[LoggedChange]:
    """The change_log rows as texts, oldest first: those of ``device`` only if it is given
    (none if it never set a field), at most ``limit`` (-1: all)."""
    if device is None:
        rows = conn.exec_driver_sql(f"{_as_texts('change_log')} ORDER BY f.seq LIMIT ?", (limit,))
    else:
        number = name_id(conn, device)
        if number is None:
            return []
        rows = conn.exec_driver_sql(
            f"{_as_texts('change_log')} WHERE f.device = ? ORDER BY f.seq LIMIT ?",
            (number, limit),
        )
    return [LoggedChange(*row) for row in rows]
