"""The database side of team snapshots (docs/sync.md, "Snapshots and folder compaction"): every
field state to offer in one, the open conflicts it carries, and the ledger a snapshot moves.

Functions taking a connection; SqliteSyncStore's snapshot methods call them. The states are read
with sync_store.load_states and written through SqliteSyncStore's apply path, as for a bundle;
the one statement here that knows field_clock's layout lists the records (``record_keys``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from consultdesk.sync.changes import Change
from consultdesk.sync.merge import Conflict, ConflictKind, RecordState
from consultdesk.sync.store import LedgerMark, RecordKey

# The records that have field states, in key order. This is the only SQL here that depends on
# field_clock's layout (the states themselves are read with sync_store.load_states): the layout
# with texts in field_clock, and the one with numbers (a sync_record table).
_KEYS_TEXT = "SELECT DISTINCT entity, record_id FROM field_clock ORDER BY entity, record_id"
_KEYS_NUMBERED = (
    "SELECT n.name, r.record_id FROM sync_record r JOIN sync_name n ON n.id = r.entity "
    "WHERE EXISTS (SELECT 1 FROM field_clock f WHERE f.record = r.id) ORDER BY n.name, r.record_id"
)
_CHUNK = 900

ConflictPair = tuple[str, str, str, str, str]  # snapshot.conflict_key: the field, both HLCs
LoadStates = Callable[[sa.Connection, Collection[RecordKey]], Mapping[RecordKey, RecordState]]


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def record_keys(conn: sa.Connection, parents_first: Sequence[str] = ()) -> list[RecordKey]:
    """Every record with field states: the entities of ``parents_first`` in that order, then
    any other (a newer release's) by name; by id within an entity."""
    numbered = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_record'"
    ).first()
    rows = conn.exec_driver_sql(_KEYS_NUMBERED if numbered else _KEYS_TEXT).all()
    keys = [(entity, record_id) for entity, record_id in rows]
    if parents_first:
        rank = {entity: n for n, entity in enumerate(parents_first)}
        last = len(rank)
        keys.sort(key=lambda key: (rank.get(key[0], last), key[0], key[1]))
    return keys


def field_states(
    conn: sa.Connection, page: int, load: LoadStates, parents_first: Sequence[str] = ()
) -> Iterator[list[tuple[RecordKey, RecordState]]]:
    """Every record's field states (read with ``load``) in pages of about ``page`` states,
    each record whole. The caller holds ``conn`` in one read transaction, so all pages are of
    one moment. Records go in the order of ``record_keys``: with the entities parents first, a
    laptop that starts from the snapshot finds each record's parent already written, instead
    of holding the children of one part back until their parents come in a later one."""
    keys = record_keys(conn, parents_first)
    batch: list[tuple[RecordKey, RecordState]] = []
    count = 0
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        states = load(conn, chunk)
        for key in chunk:
            record = states.get(key)
            if record:
                batch.append((key, record))
                count += len(record)
        if count >= page:
            yield batch
            batch, count = [], 0
    if batch:
        yield batch


_OPEN = (
    "SELECT kind, entity, record_id, requires_person, kept_field, kept_value, kept_hlc, "
    "kept_device, other_field, other_value, other_hlc, other_device FROM sync_conflict "
    "WHERE resolved_at IS NULL ORDER BY raised_at, id"
)


def open_conflicts(conn: sa.Connection) -> list[Conflict]:
    found = []
    for row in conn.exec_driver_sql(_OPEN):
        kind, entity, record_id, person = row[:4]
        kept = Change(entity, record_id, row[4], _loads(row[5]), row[6], row[7], None)
        other = Change(entity, record_id, row[8], _loads(row[9]), row[10], row[11], None)
        found.append(Conflict(ConflictKind(kind), kept, other, bool(person)))
    return found


def open_pairs(conn: sa.Connection) -> set[ConflictPair]:
    """The open conflicts' keys (sync.snapshot.conflict_key)."""
    rows = conn.exec_driver_sql(
        "SELECT entity, record_id, field, kept_hlc, other_hlc FROM sync_conflict "
        "WHERE resolved_at IS NULL"
    )
    return {tuple(row) for row in rows}  # type: ignore[misc]


def raise_ledger(
    conn: sa.Connection, coverage: Mapping[str, LedgerMark], own_device: str, now: str
) -> None:
    """Each device's ledger row moves up to ``coverage`` where that is ahead; never down,
    never this laptop's own."""
    rows = [
        (device, mark.seq, mark.bundle_hash, now, mark.newest_hlc)
        for device, mark in coverage.items()
        if device != own_device and mark.seq > 0
    ]
    if rows:
        conn.exec_driver_sql(
            "INSERT INTO sync_ledger (device, seq, bundle_hash, imported_at, newest_hlc) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (device) DO UPDATE SET seq = excluded.seq, "
            "bundle_hash = excluded.bundle_hash, imported_at = excluded.imported_at, "
            "newest_hlc = CASE WHEN excluded.newest_hlc = '' THEN sync_ledger.newest_hlc "
            "ELSE excluded.newest_hlc END WHERE excluded.seq > sync_ledger.seq",
            rows,
        )
