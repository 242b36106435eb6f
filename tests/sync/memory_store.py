"""An in-memory SyncStore, plus the local-write side a real database does (edit, delete).

It behaves like the SQLite store must: apply_bundle is all-or-nothing, the ledger only moves
forward, and local writes log a change in the same step as the write.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence

from consultdesk.domain.hlc import HlcClock
from consultdesk.sync.bundle import AccessRow
from consultdesk.sync.changes import TOMBSTONE_FIELD, Change, JsonValue, tombstone
from consultdesk.sync.merge import (
    Conflict,
    FieldState,
    FollowUp,
    OpenConflict,
    RecordState,
    carried,
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


class MemoryStore:
    def __init__(self, device_id: str, clock: HlcClock) -> None:
        self.device_id = device_id
        self.clock = clock
        self.records: dict[RecordKey, dict[str, FieldState]] = {}
        self.outbox: list[Change] = []
        self.sent: dict[tuple[str, str, str, str], int] = {}
        self.conflicts: list[Conflict] = []  # every conflict ever raised here
        self.open_conflicts: list[Conflict] = []  # those not answered yet (merge.follow_up)
        self.newest: dict[str, str] = {}  # device -> newest HLC imported from it
        self.made: list[Change] = []  # every local edit, for the "no edit lost" checks
        self._last_sent: BundleMark | None = None
        self._ledger: dict[str, BundleMark] = {}
        self.fail_next_apply = False
        self.quiet_conflict_fields: frozenset[tuple[str, str]] = frozenset()
        self.local_writes = 0  # the mark of read_records: every local edit moves it

    # --- local writes: what the database's change writer does --------------------------------

    def edit(self, entity: str, record_id: str, field: str, value: JsonValue) -> Change:
        current = self.records.get((entity, record_id), {}).get(field)
        change = Change(
            entity,
            record_id,
            field,
            value,
            str(self.clock.now()),
            self.device_id,
            current.hlc if current else None,
        )
        self._write_local(change)
        return change

    def delete(self, entity: str, record_id: str) -> Change:
        current = self.records.get((entity, record_id), {}).get(TOMBSTONE_FIELD)
        change = tombstone(
            entity,
            record_id,
            str(self.clock.now()),
            self.device_id,
            current.hlc if current else None,
        )
        self._write_local(change)
        return change

    def _write_local(self, change: Change) -> None:
        self.records.setdefault((change.entity, change.record_id), {})[change.field] = (
            FieldState.of(change)
        )
        self.outbox.append(change)
        self.made.append(change)
        self.local_writes += 1

    # --- what the screens would show ----------------------------------------------------------

    def visible(self) -> dict[RecordKey, dict[str, JsonValue]]:
        """Records that are not deleted, with their field values."""
        return {
            key: {name: state.value for name, state in fields.items() if name != TOMBSTONE_FIELD}
            for key, fields in self.records.items()
            if not is_deleted(fields)
        }

    def value(self, entity: str, record_id: str, field: str) -> JsonValue:
        return self.records[(entity, record_id)][field].value

    def states(self) -> dict[RecordKey, dict[str, FieldState]]:
        return {key: dict(fields) for key, fields in self.records.items()}

    # --- SyncStore ----------------------------------------------------------------------------

    def unsent_changes(self, limit: int) -> Sequence[Change]:
        return self.outbox[:limit]

    def mark_sent(self, seq: int, bundle_hash: str, changes: Sequence[Change]) -> None:
        sent = {(c.entity, c.record_id, c.field, c.hlc) for c in changes}
        self.outbox = [
            c for c in self.outbox if (c.entity, c.record_id, c.field, c.hlc) not in sent
        ]
        for key in sent:
            self.sent[key] = seq
        self._last_sent = BundleMark(seq, bundle_hash)

    def unsent_access_log(self, limit: int) -> Sequence[AccessRow]:
        return []  # the in-memory laptops keep no access log

    def mark_access_log_sent(self, up_to_seq: int) -> None:
        pass

    def last_sent(self) -> BundleMark | None:
        return self._last_sent

    def ledger(self) -> Mapping[str, BundleMark]:
        return dict(self._ledger)

    def seen_clocks(self) -> Mapping[str, str]:
        return dict(self.newest)

    def load_records(self, keys: Collection[RecordKey]) -> Mapping[RecordKey, RecordState]:
        return {key: dict(self.records[key]) for key in keys if key in self.records}

    def read_records(
        self, keys: Collection[RecordKey]
    ) -> tuple[Mapping[RecordKey, RecordState], object]:
        return self.load_records(keys), self.local_writes

    def _as_of_now(self, merged: MergedBundle, remerge: Remerge | None) -> MergedBundle:
        if merged.read_mark == self.local_writes or remerge is None:
            return merged
        return remerge(self.load_records)

    def apply_bundle(self, bundle: MergedBundle, remerge: Remerge | None = None) -> MergedBundle:
        bundle = self._as_of_now(bundle, remerge)
        previous = self._ledger.get(bundle.device_id)
        expected = previous.seq + 1 if previous else 1
        assert bundle.seq == expected, f"ledger would skip from {expected} to {bundle.seq}"
        if self.fail_next_apply:
            # Like a failed SQLite transaction: nothing of the bundle stays.
            self.fail_next_apply = False
            raise OSError("disk full")
        for change in bundle.writes:
            record = self.records.setdefault((change.entity, change.record_id), {})
            record[change.field] = FieldState.of(change)
        by_record: dict[RecordKey, dict[str, Change]] = {}
        for change in bundle.writes:
            by_record.setdefault((change.entity, change.record_id), {})[change.field] = change
        still_open = []
        for conflict in self.open_conflicts:
            writes = by_record.get((conflict.entity, conflict.record_id), {})
            outcome, write = follow_up(
                OpenConflict.of(conflict), writes, bundle.device_id, bundle.seen
            )
            if outcome is FollowUp.OPEN:
                still_open.append(conflict)
            elif outcome is FollowUp.CARRY and write is not None:
                still_open.append(carried(conflict, write))
        self.open_conflicts = still_open + list(bundle.conflicts)
        self.conflicts.extend(bundle.conflicts)
        for key, deleted in bundle.deleted.items():
            assert deleted == is_deleted(self.records[key])
        self._ledger[bundle.device_id] = BundleMark(bundle.seq, bundle.bundle_hash)
        if bundle.newest_hlc:
            self.newest[bundle.device_id] = bundle.newest_hlc
        return bundle

    # --- snapshots ----------------------------------------------------------------------------

    def snapshot_records(self, page: int) -> Iterator[Sequence[tuple[RecordKey, RecordState]]]:
        batch: list[tuple[RecordKey, RecordState]] = []
        states = 0
        for key in sorted(self.records):
            batch.append((key, dict(self.records[key])))
            states += len(self.records[key])
            if states >= page:
                yield batch
                batch, states = [], 0
        if batch:
            yield batch

    def conflicts_open(self) -> Sequence[Conflict]:
        return list(self.open_conflicts)

    def apply_snapshot_part(
        self,
        part: MergedBundle,
        remerge: Remerge | None = None,
        fresh: Sequence[FreshRecord] = (),
    ) -> MergedBundle:
        part = self._as_of_now(part, remerge)
        for change in part.writes:
            record = self.records.setdefault((change.entity, change.record_id), {})
            record[change.field] = FieldState.of(change)
        for taken in fresh:
            key = (taken.entity, taken.record_id)
            assert key not in self.records, f"{key} is held here: not fresh"
            self.records[key] = {change.field: FieldState.of(change) for change in taken.changes()}
        self.open_conflicts = self.open_conflicts + list(part.conflicts)
        self.conflicts.extend(part.conflicts)
        return part

    def finish_snapshot(
        self, coverage: Mapping[str, LedgerMark], conflicts: Sequence[Conflict]
    ) -> None:
        for device, mark in coverage.items():
            if device == self.device_id:
                continue
            current = self._ledger.get(device)
            if current is None or current.seq < mark.seq:
                self._ledger[device] = BundleMark(mark.seq, mark.bundle_hash)
                if mark.newest_hlc:
                    self.newest[device] = mark.newest_hlc
        held = {conflict_key(conflict) for conflict in self.open_conflicts}
        new = [conflict for conflict in conflicts if conflict_key(conflict) not in held]
        self.open_conflicts = self.open_conflicts + new
        self.conflicts.extend(new)
