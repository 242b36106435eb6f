"""Write shared records and their change-log rows in the same transaction (SYNC.md).

Every field that changes gets one change row: the new value, the HLC of this edit, this device,
and the HLC of the value it replaced (its base), so that a merge can tell a later edit from a
parallel one. A delete is a tombstone: the `deleted` flag plus a "__deleted__" change.

Every write also notes which records it touched on its session (``note``); once the transaction
commits, the database publishes them as one frozen ``ChangeSet`` to its ``ChangeFeed``, so the
open screens can refresh what they show (see docs/architecture.md, "Change sets").
"""

from __future__ import annotations

import dataclasses
import json
import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, SQLModel

from consultdesk.domain.hlc import Hlc, HlcClock, hlc_text
from consultdesk.storage import field_clock
from consultdesk.storage.bulk import insert_rows, insert_tuples
from consultdesk.storage.models import SHARED_TABLES

TOMBSTONE = "__deleted__"

LOCAL, SYNC = "local", "sync"  # where the changes of a transaction came from
_PENDING = "consultdesk.changes"  # key in Session.info

log = logging.getLogger(__name__)
_initiator: ContextVar[object | None] = ContextVar("change_initiator", default=None)


@dataclass(frozen=True)
class ChangeSet:
    """What one committed transaction (or several, merged) changed: which records of which
    entities (SHARED_TABLES names, and "sync_conflict"), where the change came from (LOCAL:
    this laptop's own edit; SYNC: an import from the team), and who asked for it when a screen
    said so (``initiated_by``), so that a screen can leave its own writes alone."""

    records: frozenset[tuple[str, str]] = frozenset()
    # Entities changed without a list of ids (noted with none); also every entity of `records`.
    entities: frozenset[str] = frozenset()
    origin: str = LOCAL
    initiator: object | None = dataclasses.field(default=None, compare=False)

    def __bool__(self) -> bool:
        return bool(self.entities)

    def touches(self, *entities: str) -> bool:
        return not self.entities.isdisjoint(entities)

    def ids(self, entity: str) -> frozenset[str]:
        return frozenset(record_id for name, record_id in self.records if name == entity)

    def merged(self, other: ChangeSet) -> ChangeSet:
        """Both together: SYNC if either came from a sync; the initiator only if the same."""
        return ChangeSet(
            self.records | other.records,
            self.entities | other.entities,
            SYNC if SYNC in (self.origin, other.origin) else LOCAL,
            self.initiator if self.initiator is other.initiator else None,
        )


def note(
    session: Session, entity: str, record_ids: Iterable[str] = (), origin: str = LOCAL
) -> None:
    """Remember on `session` that its transaction changes these records of `entity` (or some
    of its rows, when no ids are given); published once the transaction commits."""
    pending = session.info.setdefault(_PENDING, {"records": set(), "entities": set()})
    pending["entities"].add(entity)
    pending["records"].update((entity, record_id) for record_id in record_ids)
    if origin == SYNC:
        pending["origin"] = SYNC


def committed(session: Session) -> ChangeSet | None:
    """The changes noted on `session`, taken off it: call after a commit (and after a
    rollback, to drop them)."""
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return None
    return ChangeSet(
        frozenset(pending["records"]),
        frozenset(pending["entities"]),
        pending.get("origin", LOCAL),
        _initiator.get(),
    )


@contextmanager
def initiated_by(who: object) -> Iterator[None]:
    """Change sets committed in this block (on this thread) carry `who` as their initiator."""
    token = _initiator.set(who)
    try:
        yield
    finally:
        _initiator.reset(token)


Listener = Callable[[ChangeSet], None]


class ChangeFeed:
    """Observers of one database's committed changes. ``publish`` calls them on the thread
    that committed (a sync worker, say): a listener must hand the change set over to its own
    thread. A listener that fails is logged; the commit it reports on stands."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Start calling `listener`; returns the function that stops it."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, changes: ChangeSet) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:
                log.exception("a change listener failed")


_encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one per value


def encode_value(value: Any) -> str:
    if isinstance(value, date):
        return json.dumps(value.isoformat())
    return _encode(value)


_encoded: dict[tuple[type, Any], str] = {}


def _encode_cached(value: Any) -> str:
    """encode_value, remembered for the small values that recur across many records."""
    if isinstance(value, str) and len(value) > 40:
        return encode_value(value)
    key = (type(value), value)
    try:
        found = _encoded.get(key)
    except TypeError:  # not hashable
        return encode_value(value)
    if found is None:
        if len(_encoded) > 50_000:
            _encoded.clear()
        found = _encoded[key] = encode_value(value)
    return found


def last_hlc(session: Session) -> Hlc | None:
    """The newest clock value stored here, to start this device's clock after it: one
    setting, kept by every write of a field state (storage.field_clock.note_newest)."""
    text = field_clock.newest(session.connection())
    return Hlc.parse(text) if text else None


def _id_of(record: SQLModel) -> str:
    # Every shared table has a string id; SQLModel does not say so to the type checker.
    return str(record.id)  # type: ignore[attr-defined]


class ChangeWriter:
    """Applies local edits to shared tables and logs them. One per open database."""

    def __init__(self, device: str, clock: HlcClock) -> None:
        self.device = device
        self.clock = clock

    def _log(self, session: Session, entity: str, record_id: str, values: dict[str, Any]) -> None:
        if not values:
            return
        note(session, entity, (record_id,))
        conn = session.connection()
        ids = field_clock.name_ids(conn, (entity, self.device, *values))
        record = field_clock.record_numbers(conn, ids[entity], (record_id,))[record_id]
        clocks = {
            number: (hlc, device)
            for number, hlc, device in conn.exec_driver_sql(
                "SELECT field, hlc, device FROM field_clock WHERE record = ?", (record,)
            )
        }
        states, newest = [], ""
        device = ids[self.device]
        for name, value in values.items():
            hlc, encoded = self.clock.now(), encode_value(value)
            base = clocks.get(ids[name])
            newest = str(hlc)
            # The field's whole state, as sync compares it (value as sent, see FieldClock); the
            # change row is that state too (migration 0015).
            states.append(
                (
                    record,
                    ids[name],
                    hlc.packed,
                    device,
                    base[0] if base else None,
                    base[1] if base else None,
                    encoded,
                )
            )
        field_clock.log_changes(conn, states)
        field_clock.upsert_states(conn, states)
        field_clock.note_newest(conn, newest)

    def save(
        self, session: Session, record: SQLModel, values: dict[str, Any], *, force: bool = False
    ) -> SQLModel:
        """Create or update `record` with `values`; log only the fields that really change
        (every one of `values` with `force`: resolving a sync conflict re-affirms a value so
        that it wins on every laptop)."""
        entity = str(record.__tablename__)
        assert entity in SHARED_TABLES, entity
        is_new = session.get(type(record), record.id) is None  # type: ignore[attr-defined]
        changed = {}
        for field, value in values.items():
            if is_new or force or getattr(record, field) != value:
                changed[field] = value
                setattr(record, field, value)
        session.add(record)
        session.flush()
        self._log(session, entity, _id_of(record), changed)
        return record

    def delete(self, session: Session, record: SQLModel) -> None:
        entity = str(record.__tablename__)
        record.deleted = True  # type: ignore[attr-defined]
        session.add(record)
        self._log(session, entity, _id_of(record), {TOMBSTONE: True})

    def bulk_create(
        self, session: Session, model: type[SQLModel], rows: list[dict[str, Any]]
    ) -> None:
        """Insert many new records at once (demo data, imports) with their change rows.

        The field states are appended in key order (record, then field number), so the
        table's pages fill up; the change rows follow the same order."""
        if not rows:
            return
        entity = str(model.__tablename__)
        note(session, entity, (row["id"] for row in rows))
        insert_rows(session, model.__table__, rows)  # type: ignore[attr-defined]
        conn = session.connection()
        shapes: dict[tuple[str, ...], list[str]] = {}
        for row in rows:
            shapes.setdefault(tuple(row), [])
        device = self.device
        ids = field_clock.name_ids(conn, {entity, device, *(f for k in shapes for f in k)})
        for keys, order in shapes.items():
            order.extend(sorted((f for f in keys if f != "id"), key=ids.__getitem__))
        numbers = field_clock.number_new_records(conn, ids[entity], [row["id"] for row in rows])
        hlcs = iter(self.clock.many(sum(len(shapes[tuple(row)]) for row in rows)))
        encode, device_no = _encode_cached, ids[device]
        # Each new field's state, which is also its change row (migration 0015).
        states: list[tuple[Any, ...]] = []
        for row, number in zip(rows, numbers, strict=True):
            for name in shapes[tuple(row)]:
                value = encode(row[name])
                states.append((number, ids[name], next(hlcs), device_no, None, None, value))
        insert_tuples(session, "field_clock", field_clock.STATE_COLUMNS, states)
        if states:
            # The change rows are those states (migration 0015), copied inside SQLite: the
            # records are numbered in order and their fields in number order, and the HLCs were
            # taken in that same order, so the key order is the order of the edits.
            field_clock.log_states_of(conn, numbers.start, numbers.stop)
            # The clock's values grow: the last is the newest.
            field_clock.note_newest(conn, hlc_text(states[-1][2], device))
