"""The SyncStore of the real, encrypted database (sync.store.SyncStore over SQLite).

Where it lives: it is an adapter that joins the database and sync, and services should hold only
user actions. It is here, in storage, because it is SQL on storage's tables (all SQL lives in
storage), and sync is the lower of the two: sync is pure logic and file transport with no
database, so storage may use sync's data types (Change, MergedBundle, the merge rules) while
sync never imports storage (pyproject.toml, "Layers point down": storage above sync). A separate
adapter package between services and {sync, storage} would keep storage unaware of sync too,
but would be a package of one module holding SQL outside storage.

Sync never touches the database except through the SyncStore protocol, and nothing else in
storage imports sync.

How the parts of the protocol map onto the tables:

* A field's state (value, HLC, device, base HLC) is its ``field_clock`` row, kept with numbers
  for names, record ids and HLCs (storage/field_clock.py) and read back as texts. The value is kept
  there as the JSON that travelled, not re-read from the record's column: a merge then compares
  exactly what was sent (a date stays the text it was), and a field this version has no column
  for is still carried along. The record's own columns are the copy the screens read.
* This laptop's own changes are its ``change_log`` rows; imported changes are never written there,
  so they can never be sent on. A row is deleted once its bundle is published (mark_sent):
  change_log holds only what is still to send (docs/sync.md, "The local change log"), keyed
  by the same numbers as field_clock (migration 0015) and read back as texts.
* Rows are written generically for any table in SHARED_TABLES, by column type.

Records arrive field by field, and not always parent first: a consultation can come from a
laptop whose bundle is read before the bundle holding its resident (still uploading), and a
large first bundle can end in the middle of a record. A row is therefore written only when it
can be written whole — every required column known and every parent row present; otherwise it
waits in ``sync_pending`` (its field states are already saved) and is retried on every import.
Foreign keys stay switched on; tables are written parents first.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import Any

import sqlalchemy as sa
from sqlalchemy.sql.ddl import sort_tables
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session, SQLModel

from consultdesk.domain.hlc import COUNTER_BITS, hlc_text, packed_of
from consultdesk.domain.ids import new_id
from consultdesk.domain.rrn import text_problems
from consultdesk.storage import access_log, field_clock, snapshot_repo, team_repo
from consultdesk.storage.changes import SYNC, encode_value, note
from consultdesk.storage.database import Database
from consultdesk.storage.models import SHARED_TABLES
from consultdesk.sync.bundle import AccessRow
from consultdesk.sync.changes import TOMBSTONE_FIELD, Change, JsonValue
from consultdesk.sync.merge import (
    Conflict,
    FieldState,
    FollowUp,
    OpenConflict,
    RecordState,
    follow_up,
    is_deleted,
)
from consultdesk.sync.snapshot import conflict_key
from consultdesk.sync.store import (
    BundleMark,
    FreshRecord,
    LedgerMark,
    MergedBundle,
    RecordKey,
    Remerge,
)

# SQLite's limit on bound parameters is 32766 in current versions, 999 in old ones.
_CHUNK = 900
# Columns sync never writes from a field: the key, and the deleted flag, which follows the
# tombstone (demo data logs "deleted": false as a field).
_NOT_FIELDS = frozenset({"id", "deleted"})


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- values: JSON as it travels <-> Python as the column holds it -----------------------------


_KIND = "consultdesk_python_type"  # the key in Column.info under which python_type_of keeps it


def python_type_of(column: sa.Column[Any]) -> type | None:
    """The Python type a column holds (None if SQLAlchemy cannot say), worked out once per
    column and kept in its ``info`` (a join converts millions of values)."""
    if _KIND in column.info:
        return column.info[_KIND]  # type: ignore[no-any-return]
    kind = _python_type(column)
    column.info[_KIND] = kind
    return kind


def _python_type(column: sa.Column[Any]) -> type | None:
    kind = column.type
    # SQLModel's AutoString wraps String and reports "object"; look at what it wraps.
    while isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
    try:
        return kind.python_type
    except NotImplementedError:
        return None


def column_value(column: sa.Column[Any], value: JsonValue) -> Any:
    """The Python value for ``column`` from a change's JSON value; ValueError if it cannot be."""
    if value is None:
        if not column.nullable:
            raise ValueError(f"{column.name} cannot be empty")
        return None
    kind = python_type_of(column)
    if kind is str:  # most columns: first
        # JSON-text columns (lists inside a record) travel as the text they hold.
        return value if isinstance(value, str) else _json_text(value)
    if kind is bool:
        if not isinstance(value, bool):
            raise ValueError(f"{column.name} expects true or false")
        return value
    if kind is datetime:
        return datetime.fromisoformat(str(value))
    if kind is date:
        if not isinstance(value, str):
            raise ValueError(f"{column.name} expects a date")
        return date.fromisoformat(value)
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
            raise ValueError(f"{column.name} expects a whole number")
        return int(value)
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{column.name} expects a number")
        return float(value)
    if kind is dict or kind is list:
        return value
    raise ValueError(f"{column.name}: no sync conversion for {kind}")


# A value as the JSON it travels as: the change writer's encoder (one kept encoder, not one per
# value as json.dumps with an option makes; a join encodes millions).
_json_text = encode_value


def _loads(text: str | None) -> JsonValue:
    return None if text is None else json.loads(text)


# --- what sync needs to know about each shared table -------------------------------------------


@dataclass
class _TableSpec:
    entity: str
    table: sa.Table
    columns: dict[str, sa.Column[Any]]  # fields sync may write
    defaults: dict[str, Any]  # what a new row holds where no field state says otherwise
    required: frozenset[str]  # NOT NULL without a default: a new row waits for these
    parents: dict[str, str] = field(default_factory=dict)  # FK column -> parent entity
    # The columns holding text (python_type_of): a text value goes in as it is (column_value).
    text_columns: frozenset[str] = frozenset()


def _spec(entity: str, model: type[SQLModel]) -> _TableSpec:
    table: sa.Table = model.__table__  # type: ignore[attr-defined]
    columns, defaults, required, parents = {}, {}, set(), {}
    for column in table.columns:
        if column.name in _NOT_FIELDS:
            continue
        columns[column.name] = column
        default = column.default
        if default is not None and getattr(default, "is_scalar", False):
            defaults[column.name] = default.arg  # type: ignore[attr-defined]
        elif column.nullable:
            defaults[column.name] = None
        else:
            required.add(column.name)
        for key in column.foreign_keys:
            parents[column.name] = key.column.table.name
    texts = frozenset(name for name, column in columns.items() if python_type_of(column) is str)
    return _TableSpec(entity, table, columns, defaults, frozenset(required), parents, texts)


def _specs() -> list[_TableSpec]:
    """Shared tables, parents before children (computed from the foreign keys)."""
    by_table = {model.__table__.name: entity for entity, model in SHARED_TABLES.items()}  # type: ignore[attr-defined]
    ordered = sort_tables([model.__table__ for model in SHARED_TABLES.values()])  # type: ignore[attr-defined]
    return [_spec(by_table[table.name], SHARED_TABLES[by_table[table.name]]) for table in ordered]


def _bookkeeping_fields() -> frozenset[tuple[str, str]]:
    """The timestamps the app stamps on a record when it is saved, finalised, recorded or
    decided (``updated_at``, ``finalised_at``, …: every shared column named ``*_at``). Two
    laptops saving one record in parallel always differ there; that is not a disagreement a
    person could resolve, and it once made nearly half of all conflicts. The later save's time
    wins, silently; the fields a person typed still raise their own conflicts."""
    return frozenset(
        (entity, column.name)
        for entity, model in SHARED_TABLES.items()
        for column in model.__table__.columns  # type: ignore[attr-defined]
        if column.name.endswith("_at")
    )


BOOKKEEPING_FIELDS = _bookkeeping_fields()


# Free pages given back to the file system per bundle marked sent (mark_sent): 1,000 pages of
# 4 KiB, 4 MiB, 0.2 s here on a busy machine (2,000 took 0.42 s; all 286,067 that 0015 left in
# the 10k / 50k demo took 46.5 s). A bundle of 5,000 changes frees a few hundred.
VACUUM_PAGES_PER_BUNDLE = 1_000


class SqliteSyncStore:
    """sync.store.SyncStore over the local database. Cheap to create; holds no connection."""

    def __init__(
        self,
        db: Database,
        device_id: str,
        *,
        quiet_conflict_fields: Collection[tuple[str, str]] = frozenset(),
    ) -> None:
        self.db = db
        self.device_id = device_id
        # Fields derived from another one (a name's search initials): a conflict on them says
        # nothing the conflict on their source does not. And the bookkeeping fields, always:
        # they merge by HLC alone (merge.decide_field, quiet).
        self.quiet_conflict_fields = frozenset(quiet_conflict_fields) | BOOKKEEPING_FIELDS
        self.specs = _specs()
        self.spec_by_entity = {spec.entity: spec for spec in self.specs}

    # --- outbox ----------------------------------------------------------------------------------

    def unsent_changes(self, limit: int) -> Sequence[Change]:
        with self.db.reading() as conn:
            rows = field_clock.unsent_rows(conn, self.device_id, limit)
        return [
            Change(entity, record_id, name, json.loads(value), hlc, device, base)
            for entity, record_id, name, value, hlc, device, base in rows
        ]

    def mark_sent(self, seq: int, bundle_hash: str, changes: Sequence[Change]) -> None:
        # An HLC is unique per change of this laptop (each change takes a fresh one) and
        # indexed (migrations 0006, 0015), so this is one index look-up per change.
        # A sent change is deleted, not kept: the bundle carries it from now on, and the field's
        # state stays in field_clock (docs/sync.md, "The local change log").
        hlcs = [packed_of(change.hlc)[0] for change in changes]
        with self.db.session() as s:
            conn = s.connection()
            device = field_clock.name_id(conn, self.device_id)
            for chunk in _chunks(hlcs if device is not None else []):
                marks = ",".join("?" * len(chunk))
                conn.exec_driver_sql(
                    f"DELETE FROM change_log WHERE hlc IN ({marks}) AND device = ?",
                    (*chunk, device),
                )
            conn.exec_driver_sql(
                "INSERT INTO sync_sent_bundle (seq, bundle_hash, changes, sent_at) "
                "VALUES (?, ?, ?, ?)",
                (seq, bundle_hash, len(changes), now_text()),
            )
            # The deleted rows' pages leave the file (a database made with auto_vacuum; a
            # no-op for an older one, whose free pages are reused by later writes), at most
            # VACUUM_PAGES_PER_BUNDLE of them: a migration that rewrote a large table (0012,
            # 0015) leaves hundreds of thousands free, and freeing them all here held the write
            # lock for most of a minute (a save waits BUSY_TIMEOUT_MS, then fails). The rest
            # leave with the next bundles, or are reused by later writes.
            # The pragma frees one page per step and declares no columns, so SQLAlchemy would
            # stop after the first: the driver's cursor steps through them all.
            cursor = conn.connection.cursor()
            try:
                cursor.execute(f"PRAGMA incremental_vacuum({VACUUM_PAGES_PER_BUNDLE})").fetchall()
            finally:
                cursor.close()

    def unsent_access_log(self, limit: int) -> Sequence[AccessRow]:
        with self.db.reading() as conn:
            return access_log.unsent_rows(conn, self.device_id, limit)

    def mark_access_log_sent(self, up_to_seq: int) -> None:
        last = self.last_sent()
        if last is None:
            return
        with self.db.session() as s:
            access_log.mark_sent(s.connection(), up_to_seq, last.seq, last.bundle_hash)

    def last_sent(self) -> BundleMark | None:
        with self.db.reading() as conn:
            row = conn.exec_driver_sql(
                "SELECT seq, bundle_hash FROM sync_sent_bundle ORDER BY seq DESC LIMIT 1"
            ).first()
        return BundleMark(row[0], row[1]) if row else None

    def waiting_records(self) -> int:
        """How many changes of this laptop are not sent yet (what the status bar says).

        Every change_log row is unsent (mark_sent deletes the sent ones, migration 0011 those
        sent before) and this laptop's (imported changes are not logged), so this counts the
        table, on its HLC index; a distinct count of records had to sort every unsent row —
        seconds for a laptop with years of unsent work."""
        with self.db.reading() as conn:
            row = conn.exec_driver_sql("SELECT count(*) FROM change_log").one()
        return int(row[0])

    # --- inbox -----------------------------------------------------------------------------------

    def ledger(self) -> Mapping[str, BundleMark]:
        with self.db.reading() as conn:
            rows = conn.exec_driver_sql("SELECT device, seq, bundle_hash FROM sync_ledger").all()
        return {device: BundleMark(seq, digest) for device, seq, digest in rows}

    def seen_clocks(self) -> Mapping[str, str]:
        with self.db.reading() as conn:
            rows = conn.exec_driver_sql(
                "SELECT device, newest_hlc FROM sync_ledger WHERE newest_hlc != ''"
            ).all()
        return dict(rows)

    def read_records(
        self, keys: Collection[RecordKey]
    ) -> tuple[Mapping[RecordKey, RecordState], object]:
        with self.db.reading() as conn, conn.begin():  # both as of one moment
            return load_states(conn, keys), _states_mark(conn)

    def _as_of_now(
        self, conn: sa.Connection, merged: MergedBundle, remerge: Remerge | None
    ) -> tuple[MergedBundle, Mapping[RecordKey, RecordState] | None]:
        """The merge to apply, inside the write transaction (it holds the write lock from its
        BEGIN IMMEDIATE, so nothing else writes until it ends), and the states its records will
        have (None: read them back). A save since the merge read the states means its
        decisions may be stale: merged again on what this transaction sees."""
        if merged.read_mark is not None and merged.read_mark == _states_mark(conn):
            return merged, merged.states
        if remerge is None:
            return merged, None
        again = remerge(lambda keys: load_states(conn, keys))
        return again, again.states

    def apply_bundle(self, bundle: MergedBundle, remerge: Remerge | None = None) -> MergedBundle:
        now = now_text()
        with self.db.session() as s:
            conn = s.connection()
            bundle, known = self._as_of_now(conn, bundle, remerge)
            self._move_ledger(conn, bundle, now)
            self._save_states(conn, bundle.writes)
            touched = {(w.entity, w.record_id) for w in bundle.writes} | set(bundle.deleted)
            for entity, record_id in touched:  # the open screens hear of them after the commit
                note(s, entity, (record_id,), SYNC)
            waiting = {
                (entity, record_id)
                for entity, record_id in conn.exec_driver_sql(
                    "SELECT entity, record_id FROM sync_pending"
                )
            }
            for entity, record_id in waiting:  # some may be written at last
                note(s, entity, (record_id,), SYNC)
            self._write_rows(conn, touched | waiting, bundle.deleted, waiting, known)
            # Conflicts open before this bundle first: those it raised were followed up already
            # (inbound.merge_bundle) and must not be closed by the edits that raised them.
            followed = self._follow_up_conflicts(conn, bundle, now)
            followed |= self._close_quiet_conflicts(conn, now)
            self._keep_conflicts(conn, bundle.conflicts, now)
            if followed or bundle.conflicts:
                note(s, "sync_conflict", (), SYNC)
            # The writer's access-log rows, kept as its own, and the name of its pharmacist.
            rows = [dict(row) for row in bundle.access_log]
            if access_log.keep_imported(conn, bundle.device_id, rows):
                note(s, "audit_log", (), SYNC)
            self._remember_author(s, bundle)
        return bundle

    def _remember_author(self, s: Session, bundle: MergedBundle) -> None:
        author = bundle.author or {}
        name = _plain_name(author.get("name", ""))
        if name:
            organisation = _plain_name(author.get("organisation", "")) or ""
            if team_repo.remember(s, bundle.device_id, name, organisation):
                note(s, "team_member", (bundle.device_id,), SYNC)

    # --- team changes ----------------------------------------------------------------------------

    def reset_for_new_team(self) -> None:
        """Joining another team: its folder has none of our bundles, and we none of its.

        Sent changes are not kept (mark_sent deletes them), so what this laptop sends the new
        team is rebuilt from the field states it set itself: every field_clock row of this
        device not already waiting in change_log, oldest first."""
        with self.db.session() as s:
            conn = s.connection()
            device = field_clock.name_id(conn, self.device_id)
            conn.exec_driver_sql(
                f"INSERT INTO change_log ({', '.join(field_clock.STATE_COLUMNS)}) "
                f"SELECT {', '.join(f'f.{c}' for c in field_clock.STATE_COLUMNS)} "
                "FROM field_clock f WHERE f.device = ? AND f.value IS NOT NULL "
                "AND NOT EXISTS (SELECT 1 FROM change_log c "
                "WHERE c.hlc = f.hlc AND c.device = f.device) "
                "ORDER BY f.hlc",
                (device,),
            )
            conn.exec_driver_sql("DELETE FROM sync_sent_bundle")
            conn.exec_driver_sql("DELETE FROM sync_ledger")

    # --- the steps of apply_bundle ---------------------------------------------------------------

    def _move_ledger(self, conn: sa.Connection, bundle: MergedBundle, now: str) -> None:
        # The ledger only moves forward one bundle at a time; anything else is a bug upstream.
        # newest_hlc stays where it was for a bundle without changes (HLCs only grow per device).
        moved = conn.exec_driver_sql(
            "UPDATE sync_ledger SET seq = ?, bundle_hash = ?, imported_at = ?, "
            "newest_hlc = CASE WHEN ? = '' THEN newest_hlc ELSE ? END "
            "WHERE device = ? AND seq = ?",
            (
                bundle.seq,
                bundle.bundle_hash,
                now,
                bundle.newest_hlc,
                bundle.newest_hlc,
                bundle.device_id,
                bundle.seq - 1,
            ),
        ).rowcount
        if moved == 1:
            return
        if bundle.seq != 1:
            raise RuntimeError(f"the ledger of {bundle.device_id} is not at {bundle.seq - 1}")
        # A second "first bundle" of a device fails here on the primary key.
        conn.exec_driver_sql(
            "INSERT INTO sync_ledger (device, seq, bundle_hash, imported_at, newest_hlc) "
            "VALUES (?, ?, ?, ?, ?)",
            (bundle.device_id, bundle.seq, bundle.bundle_hash, now, bundle.newest_hlc),
        )

    def _save_states(self, conn: sa.Connection, writes: Sequence[Change]) -> None:
        if not writes:
            return
        hlcs = {w.hlc: packed_of(w.hlc) for w in writes}
        bases = {w.base_hlc: packed_of(w.base_hlc) for w in writes if w.base_hlc is not None}
        names = field_clock.name_ids(
            conn,
            {
                *(w.entity for w in writes),
                *(w.field for w in writes),
                *(device for _, device in (*hlcs.values(), *bases.values())),
            },
        )
        by_entity: dict[str, set[str]] = defaultdict(set)
        for w in writes:
            by_entity[w.entity].add(w.record_id)
        records = {
            entity: field_clock.record_numbers(conn, names[entity], ids)
            for entity, ids in by_entity.items()
        }
        rows = []
        texts: dict[str, str] = {}  # each text value's JSON once: they recur (this save only)
        for w in writes:
            hlc, device = hlcs[w.hlc]
            base, base_device = bases[w.base_hlc] if w.base_hlc is not None else (None, None)
            value = w.value
            if isinstance(value, str):
                encoded = texts.get(value)
                if encoded is None:
                    encoded = texts[value] = _json_text(value)
            else:
                encoded = _json_text(value)
            rows.append(
                (
                    records[w.entity][w.record_id],
                    names[w.field],
                    hlc,
                    names[device],
                    base,
                    None if base_device is None else names[base_device],
                    encoded,
                )
            )
        field_clock.upsert_states(conn, rows)
        field_clock.note_newest(conn, max(hlcs))

    def _save_fresh(
        self, conn: sa.Connection, fresh: Sequence[FreshRecord]
    ) -> dict[RecordKey, dict[str, JsonValue]]:
        """The field states of records this laptop held nothing of (SyncStore.apply_snapshot_part),
        inserted, never replacing one; their values by record and field, for their rows."""
        if not fresh:
            return {}
        # (Comprehensions over every state rather than one loop adding to three: a join has
        # a quarter of a million states in each part.)
        devices = {state[3] for record in fresh for state in record.states}
        devices.update(
            state[4].split("-", 2)[2]
            for record in fresh
            for state in record.states
            if state[4] is not None
        )
        names = field_clock.name_ids(
            conn,
            {
                *(record.entity for record in fresh),
                *(state[0] for record in fresh for state in record.states),
                *devices,
            },
        )
        by_entity: dict[str, list[str]] = defaultdict(list)
        for record in fresh:
            by_entity[record.entity].append(record.record_id)
        numbers = {
            entity: field_clock.record_numbers(conn, names[entity], ids)
            for entity, ids in by_entity.items()
        }
        rows: list[tuple[Any, ...]] = []
        add = rows.append
        fields: dict[RecordKey, dict[str, JsonValue]] = {}
        texts: dict[str, str] = {}  # each text value's JSON once: they recur (this save only)
        for record in fresh:
            number = numbers[record.entity][record.record_id]
            values = fields[(record.entity, record.record_id)] = {}
            for name, value, hlc, device, base in record.states:
                values[name] = value
                if type(value) is str:
                    encoded = texts.get(value)
                    if encoded is None:
                        encoded = texts[value] = _json_text(value)
                else:
                    encoded = _json_text(value)
                wall, counter, _ = hlc.split("-", 2)
                if base is None:
                    base_packed = base_device = None
                else:
                    base_packed, base_name = packed_of(base)
                    base_device = names[base_name]
                add(
                    (
                        number,
                        names[name],
                        int(wall) << COUNTER_BITS | int(counter),
                        names[device],
                        base_packed,
                        base_device,
                        encoded,
                    )
                )
        field_clock.insert_states(conn, rows)
        field_clock.note_newest(conn, max(state[2] for record in fresh for state in record.states))
        return fields

    def _write_rows(
        self,
        conn: sa.Connection,
        keys: set[RecordKey],
        deleted: Mapping[RecordKey, bool],
        waiting: set[RecordKey],
        known: Mapping[RecordKey, RecordState] | None = None,
        fresh: Mapping[RecordKey, Mapping[str, JsonValue]] | None = None,
    ) -> None:
        """Bring the rows of ``keys`` in line with their field states, parents first.
        ``known``: states as they now are in field_clock (the merge's, still current), so
        only the others are read. ``fresh``: the values of records written whole just now
        (FreshRecord, never deleted), field by field."""
        wanted = [key for key in keys if key[0] in self.spec_by_entity]
        # Tables this version does not know (a newer laptop's) keep their states in field_clock
        # only, ready for when this laptop is updated.
        fresh = fresh or {}
        known = known or {}
        states = {key: known[key] for key in wanted if key in known}
        states.update(
            load_states(conn, [key for key in wanted if key not in known and key not in fresh])
        )
        values: dict[RecordKey, Mapping[str, JsonValue]] = {}
        gone: dict[RecordKey, bool] = {}
        by_entity: dict[str, list[str]] = defaultdict(list)
        for key in wanted:
            if key in fresh:
                values[key], gone[key] = fresh[key], False
            else:
                record = states.get(key, {})
                values[key] = {name: state.value for name, state in record.items()}
                gone[key] = deleted[key] if key in deleted else is_deleted(record)
            by_entity[key[0]].append(key[1])
        still_waiting: set[RecordKey] = set()
        for spec in self.specs:
            ids = by_entity.get(spec.entity)
            if ids:
                still_waiting |= self._write_table(conn, spec, ids, values, gone)
        done = [key for key in waiting if key not in still_waiting]
        if done:
            conn.exec_driver_sql(
                "DELETE FROM sync_pending WHERE entity = ? AND record_id = ?", done
            )
        new = [key for key in still_waiting if key not in waiting]
        if new:
            conn.exec_driver_sql(
                "INSERT OR IGNORE INTO sync_pending (entity, record_id) VALUES (?, ?)", new
            )

    def _write_table(
        self,
        conn: sa.Connection,
        spec: _TableSpec,
        ids: list[str],
        fields: Mapping[RecordKey, Mapping[str, JsonValue]],
        gone_of: Mapping[RecordKey, bool],
    ) -> set[RecordKey]:
        """Write the rows ``ids`` of ``spec``'s table from their fields' values, each deleted
        or not as ``gone_of`` says; the records that must wait for a parent or a field."""
        table = spec.table
        existing = _existing_ids(conn, table, ids)
        values_by_id: dict[str, dict[str, Any]] = {}
        parent_ids: dict[str, set[str]] = defaultdict(set)
        spec_columns = spec.columns
        texts = spec.text_columns
        for record_id in ids:
            values: dict[str, Any] = {}
            for name, value in fields[(spec.entity, record_id)].items():
                if type(value) is str and name in texts:
                    values[name] = value  # column_value's answer for most fields, inline
                    continue
                column = spec_columns.get(name)
                if column is None:
                    continue
                try:
                    values[name] = column_value(column, value)
                except (ValueError, TypeError):
                    continue  # kept in field_clock; the column keeps what it had
            values_by_id[record_id] = values
            for column_name, parent in spec.parents.items():
                if values.get(column_name) is not None:
                    parent_ids[parent].add(values[column_name])
        present = {
            parent: _existing_ids(conn, self.spec_by_entity[parent].table, sorted(targets))
            if parent in self.spec_by_entity
            else set()
            for parent, targets in parent_ids.items()
        }
        inserts: list[dict[str, Any]] = []
        updates: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
        waiting: set[RecordKey] = set()
        for record_id in ids:
            key = (spec.entity, record_id)
            values = values_by_id[record_id]
            gone = gone_of[key]
            complete = True
            for column_name, parent in spec.parents.items():
                target = values.get(column_name)
                if target is None or target in present[parent]:
                    continue
                complete = False  # the parent has not arrived yet: wait for it
                if spec.columns[column_name].nullable:
                    values[column_name] = None
                else:
                    del values[column_name]
            if record_id in existing:
                if not complete:
                    waiting.add(key)
                columns = tuple(sorted(values))
                row = {f"v_{name}": value for name, value in values.items()}
                updates[columns].append({**row, "v_deleted": gone, "v_id": record_id})
                continue
            if not values:
                continue  # only a tombstone (or unknown fields): nothing to show
            if spec.required - values.keys():
                complete = False
            if not complete:
                if not gone:
                    waiting.add(key)
                continue
            inserts.append({**spec.defaults, **values, "id": record_id, "deleted": gone})
        if inserts:
            _insert_rows(conn, table, inserts)
        for columns, rows in updates.items():
            # Parameter names must differ from the column names in an UPDATE's SET clause.
            statement = (
                table.update()
                .where(table.c.id == sa.bindparam("v_id"))
                .values({name: sa.bindparam(f"v_{name}") for name in (*columns, "deleted")})
            )
            conn.execute(statement, rows)
        return waiting

    def _keep_conflicts(self, conn: sa.Connection, conflicts: Iterable[Conflict], now: str) -> None:
        rows = []
        for conflict in conflicts:
            if (conflict.entity, conflict.field) in self.quiet_conflict_fields:
                continue
            kept, other = conflict.applied, conflict.other
            rows.append(
                (
                    new_id(),
                    conflict.kind.value,
                    conflict.entity,
                    conflict.record_id,
                    conflict.field,
                    conflict.requires_person,
                    kept.field,
                    _json_text(kept.value),
                    kept.hlc,
                    kept.device,
                    other.field,
                    _json_text(other.value),
                    other.hlc,
                    other.device,
                    now,
                )
            )
        if rows:
            conn.exec_driver_sql(
                "INSERT INTO sync_conflict (id, kind, entity, record_id, field, requires_person, "
                "kept_field, kept_value, kept_hlc, kept_device, other_field, other_value, "
                "other_hlc, other_device, raised_at, resolved_by) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')",
                rows,
            )

    def _close_quiet_conflicts(self, conn: sa.Connection, now: str) -> bool:
        """Conflicts on quiet fields raised before they were quiet (a version that asked about
        updated_at): closed with the value shown, which the HLC already chose. Uses the
        resolved_at index, so it costs nothing once none is left open."""
        rows = conn.exec_driver_sql(
            "SELECT id, entity, field FROM sync_conflict WHERE resolved_at IS NULL"
        ).all()
        quiet = [(conflict_id,) for conflict_id, entity, name in rows
                 if (entity, name) in self.quiet_conflict_fields]  # fmt: skip
        if quiet:
            conn.exec_driver_sql(
                "UPDATE sync_conflict SET resolved_at = ?, resolution = kept_value, "
                "resolved_by = 'sync' WHERE id = ?",
                [(now, conflict_id) for (conflict_id,) in quiet],
            )
        return bool(quiet)

    def _follow_up_conflicts(self, conn: sa.Connection, bundle: MergedBundle, now: str) -> bool:
        """Close the open conflicts the bundle's edits answer, and carry forward those an edit
        made without seeing the other value (merge.follow_up). True if any changed."""
        if not bundle.writes:
            return False
        open_rows = conn.exec_driver_sql(
            "SELECT id, entity, record_id, field, kept_field, kept_hlc, other_hlc, other_device, "
            "other_value FROM sync_conflict WHERE resolved_at IS NULL"
        ).all()
        if not open_rows:
            return False
        by_record: dict[RecordKey, dict[str, Change]] = defaultdict(dict)
        for change in bundle.writes:
            by_record[(change.entity, change.record_id)][change.field] = change
        closed, carried = [], []
        for row in open_rows:
            conflict_id, entity, record_id, name, kept_field, kept_hlc, other_hlc = row[:7]
            writes = by_record.get((entity, record_id))
            if not writes:
                continue
            conflict = OpenConflict(name, kept_field, kept_hlc, other_hlc, row[7], _loads(row[8]))
            outcome, write = follow_up(conflict, writes, bundle.device_id, bundle.seen)
            if write is None or outcome is FollowUp.OPEN:
                continue
            if outcome is FollowUp.CARRY:
                carried.append((_json_text(write.value), write.hlc, write.device, conflict_id))
                continue
            answer = "delete_record" if write.is_tombstone else write.value
            if name == TOMBSTONE_FIELD and not write.is_tombstone:
                answer = "keep_record"
            closed.append((now, _json_text(answer), conflict_id))
        if closed:
            conn.exec_driver_sql(
                "UPDATE sync_conflict SET resolved_at = ?, resolution = ?, resolved_by = 'sync' "
                "WHERE id = ? AND resolved_at IS NULL",
                closed,
            )
        if carried:
            conn.exec_driver_sql(
                "UPDATE sync_conflict SET kept_value = ?, kept_hlc = ?, kept_device = ? "
                "WHERE id = ? AND resolved_at IS NULL",
                carried,
            )
        return bool(closed or carried)

    # --- snapshots (docs/sync.md, "Snapshots and folder compaction"; SQL in snapshot_repo) ---

    def snapshot_records(self, page: int) -> Iterator[Sequence[tuple[RecordKey, RecordState]]]:
        with self.db.reading() as conn, conn.begin():
            parents_first = [spec.entity for spec in self.specs]
            yield from snapshot_repo.field_states(conn, page, load_states, parents_first)

    def conflicts_open(self) -> Sequence[Conflict]:
        with self.db.reading() as conn:
            return snapshot_repo.open_conflicts(conn)

    def apply_snapshot_part(
        self,
        part: MergedBundle,
        remerge: Remerge | None = None,
        fresh: Sequence[FreshRecord] = (),
    ) -> MergedBundle:
        with self.db.session() as s:
            conn = s.connection()
            part, known = self._as_of_now(conn, part, remerge)
            self._save_states(conn, part.writes)
            fresh_fields = self._save_fresh(conn, fresh)
            touched = {(w.entity, w.record_id) for w in part.writes} | set(part.deleted)
            touched |= fresh_fields.keys()
            pending = conn.exec_driver_sql("SELECT entity, record_id FROM sync_pending")
            waiting = {(entity, record_id) for entity, record_id in pending}
            for entity, record_id in touched | waiting:
                note(s, entity, (record_id,), SYNC)
            self._write_rows(conn, touched | waiting, part.deleted, waiting, known, fresh_fields)
            self._keep_conflicts(conn, part.conflicts, now_text())
            if part.conflicts:
                note(s, "sync_conflict", (), SYNC)
        return part

    def finish_snapshot(
        self, coverage: Mapping[str, LedgerMark], conflicts: Sequence[Conflict]
    ) -> None:
        with self.db.session() as s:
            conn = s.connection()
            snapshot_repo.raise_ledger(conn, coverage, self.device_id, now_text())
            held = snapshot_repo.open_pairs(conn)
            new = [c for c in conflicts if conflict_key(c) not in held]
            self._keep_conflicts(conn, new, now_text())
            if new:
                note(s, "sync_conflict", (), SYNC)


def _plain_name(text: str) -> str | None:
    """A name as the writer's profile holds it, or None if it is not one a person typed."""
    if len(text) > 200 or text_problems([("name", text)]):
        return None
    return text


def _states_mark(conn: sa.Connection) -> int:
    """A mark that moves with every field state saved here other than by a sync run: each
    local save logs its changes in change_log (storage/changes.py) in the same transaction,
    and a row's seq is above every row there (only a sync run deletes rows, in mark_sent, and
    runs are one at a time). Imports log nothing, so the run's own writes leave it alone."""
    return int(conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM change_log").one()[0])


def load_states(conn: sa.Connection, keys: Collection[RecordKey]) -> dict[RecordKey, RecordState]:
    by_entity: dict[str, list[str]] = defaultdict(list)
    for entity, record_id in keys:
        by_entity[entity].append(record_id)
    found: dict[RecordKey, dict[str, FieldState]] = {}
    for entity, ids in by_entity.items():
        number = field_clock.name_id(conn, entity)
        if number is None:
            continue  # no state of this entity was ever stored
        for chunk in _chunks(sorted(set(ids))):
            marks = ",".join("?" * len(chunk))
            rows = conn.exec_driver_sql(
                "SELECT r.record_id, n.name, f.value, f.hlc, d.name, f.base_hlc, b.name "
                "FROM sync_record r JOIN field_clock f ON f.record = r.id "
                "JOIN sync_name n ON n.id = f.field JOIN sync_name d ON d.id = f.device "
                "LEFT JOIN sync_name b ON b.id = f.base_device "
                f"WHERE r.entity = ? AND r.record_id IN ({marks})",
                (number, *chunk),
            )
            for record_id, name, value, hlc, device, base, base_device in rows:
                state = FieldState(
                    _loads(value),
                    hlc_text(hlc, device),
                    device,
                    None if base is None else hlc_text(base, base_device),
                )
                found.setdefault((entity, record_id), {})[name] = state
    return dict(found)


_BIND = "consultdesk_bind"  # the key in Column.info under which _bind_processor keeps it


def _bind_processor(conn: sa.Connection, column: sa.Column[Any]) -> Callable[[Any], Any]:
    """What SQLAlchemy does to a Python value of ``column`` before the driver gets it (a date
    made text, a flag a number), worked out once per column."""
    if _BIND not in column.info:
        kind = column.type.dialect_impl(conn.dialect)
        column.info[_BIND] = kind.bind_processor(conn.dialect) or _as_is
    return column.info[_BIND]  # type: ignore[no-any-return]


def _as_is(value: Any) -> Any:
    return value


def _insert_rows(conn: sa.Connection, table: sa.Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """INSERT rows that all name the same columns, converted as SQLAlchemy converts them but
    without its statement built per row (a newcomer's join inserts hundreds of thousands)."""
    names = list(rows[0])
    converted = [
        (at, convert)
        for at, name in enumerate(names)
        if (convert := _bind_processor(conn, table.c[name])) is not _as_is
    ]
    quote = conn.dialect.identifier_preparer.quote
    statement = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(name) for name in names)}) "
        f"VALUES ({', '.join('?' * len(names))})"
    )
    take = itemgetter(*names)
    params = []
    for row in rows:
        values = list(take(row)) if len(names) > 1 else [take(row)]
        for at, convert in converted:
            values[at] = convert(values[at])
        params.append(tuple(values))
    conn.exec_driver_sql(statement, params)


def _existing_ids(conn: sa.Connection, table: sa.Table, ids: Sequence[str]) -> set[str]:
    """Which of ``ids`` the table holds a row of. One statement text per chunk size, through
    the driver (the ids are texts, as the column holds them): a join asks for every record."""
    found: set[str] = set()
    select = f"SELECT id FROM {conn.dialect.identifier_preparer.quote(table.name)} WHERE id IN "
    for chunk in _chunks(ids):
        statement = select + "(" + ", ".join("?" * len(chunk)) + ")"
        found.update(row[0] for row in conn.exec_driver_sql(statement, tuple(chunk)))
    return found
