"""Import: read other laptops' bundles, verify them, merge them, one transaction per bundle.

Order matters twice. Per device, bundles go strictly by seq (the hash chain needs it, and a gap
waits). Across devices, the next bundle applied is the one whose newest change is oldest: an edit
made on top of another laptop's edit always carries a later HLC than it, so that edit's bundle
comes first and the merge sees a clean update rather than a false parallel one.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from consultdesk.domain.hlc import Hlc, HlcClock
from consultdesk.process import collection_paused
from consultdesk.sync.bundle import (
    GENESIS_HASH,
    MAX_BUNDLE_BYTES,
    Bundle,
    bundle_length,
    decode_bundle,
)
from consultdesk.sync.changes import (
    TOMBSTONE_FIELD,
    Change,
    record_states_checked,
    value_problem,
)
from consultdesk.sync.errors import (
    BundleChainBroken,
    BundleError,
    BundleMalformedPayload,
    BundleMisplaced,
    BundleOtherTeam,
    BundleTooLarge,
    BundleTruncated,
    BundleUnreadable,
)
from consultdesk.sync.folder import BundleFile, DeviceWaiting, SkippedFile, peek, scan
from consultdesk.sync.merge import (
    Action,
    Conflict,
    FieldState,
    FollowUp,
    OpenConflict,
    RecordState,
    carried,
    decide,
    follow_up,
    has_seen,
    hlc_key,
    is_deleted,
    newest_hlc,
)
from consultdesk.sync.report import (
    BundleOutcome,
    FutureClock,
    RefusedChange,
    SnapshotRead,
    SyncReport,
)
from consultdesk.sync.seen import SeenFile, read_all_seen
from consultdesk.sync.snapshot import (
    PartRecord,
    Snapshot,
    best_snapshot,
    header_for,
    part_records,
    parts_ready,
    read_manifest,
)
from consultdesk.sync.store import FreshRecord, MergedBundle, RecordKey, Remerge, SyncStore
from consultdesk.sync.team import Team

SafetyFields = Collection[tuple[str, str]]  # (entity, field) pairs a person must decide


@dataclass(order=True)
class _Head:
    newest: tuple[int, int, str]
    device_id: str
    seq: int
    bundle: Bundle = field(compare=False)
    path: Path = field(compare=False)


def import_bundles(
    team: Team,
    device_id: str,
    store: SyncStore,
    clock: HlcClock,
    report: SyncReport,
    *,
    safety_fields: SafetyFields,
    progress: Callable[[int, int], None],
    retired: Collection[str] = frozenset(),
    snapshot_progress: Callable[[int, int], None] = lambda done, total: None,
) -> None:
    """Import every bundle of the team folder this laptop has not (starting or catching up
    from a snapshot first, where bundles it needs were removed). ``progress`` is told
    (bundles done, bundles to read) after each bundle, ``snapshot_progress`` (parts done,
    parts) after each part of a snapshot."""
    ledger = store.ledger()
    own = store.last_sent()
    compacted = _start_from_snapshot(
        team, device_id, store, clock, report, safety_fields, retired, snapshot_progress
    )
    if report.snapshot_read is not None:
        ledger = store.ledger()
    found = scan(
        team.folder,
        device_id,
        {device: mark.seq for device, mark in ledger.items()},
        team_id=team.team_id,
        own_last_seq=own.seq if own else 0,
        compacted=compacted,
    )
    report.skipped.extend(found.skipped)
    report.waiting.extend(found.waiting)
    report.missing_devices.extend(found.missing_devices)
    queues = {device: deque(files) for device, files in found.pending.items()}
    chain = {device: ledger[device].bundle_hash if device in ledger else GENESIS_HASH
             for device in queues}  # fmt: skip
    total = sum(len(files) for files in queues.values())
    heads: list[_Head] = []

    def load_next(device: str) -> None:
        queue = queues[device]
        if not queue:
            return
        bundle_file = queue.popleft()
        try:
            bundle = _read_verified(team, bundle_file, chain[device])
        except BundleError as error:
            # Nothing of this bundle is applied, and the device's later bundles wait: they
            # chain to this one. The next sync tries again (it may still be uploading).
            report.skipped.append(SkippedFile(bundle_file.path, error.code, error.message))
            report.waiting.append(
                DeviceWaiting(device, bundle_file.seq - 1, bundle_file.seq, error.code)
            )
            queue.clear()
            return
        newest = max((hlc_key(c.hlc) for c in bundle.changes), default=(0, 0, ""))
        heapq.heappush(heads, _Head(newest, device, bundle.seq, bundle, bundle_file.path))

    for device in sorted(queues):
        load_next(device)
    done = 0
    while heads:
        head = heapq.heappop(heads)
        merged = merge_bundle(head.bundle, store, safety_fields)
        merged = store.apply_bundle(merged, remerge(head.bundle, store, safety_fields))
        chain[head.device_id] = head.bundle.sha256
        _observe_clock(clock, head, report)
        report.conflicts.extend(merged.conflicts)
        report.refused.extend(
            RefusedChange(head.path, head.device_id, head.seq, change.entity, change.field, code)
            for change, code in merged.refused
        )
        report.read.append(
            BundleOutcome(
                head.path,
                head.device_id,
                head.seq,
                len(head.bundle.changes),
                len(merged.writes),
                len(merged.conflicts),
            )
        )
        done += 1
        progress(done, total)
        load_next(head.device_id)


def _start_from_snapshot(
    team: Team,
    device_id: str,
    store: SyncStore,
    clock: HlcClock,
    report: SyncReport,
    safety_fields: SafetyFields,
    retired: Collection[str],
    part_done: Callable[[int, int], None],
) -> dict[str, int]:
    """A laptop whose next bundles of some device were removed (compacted) — a newcomer, or one
    away for long — starts or catches up from the offered snapshot that bridges every such gap
    and covers most. Returns, per device, the seq its owner removed bundles up to, where that is
    still beyond our ledger (those devices wait)."""
    try:
        seen_files = {d: s for d, s in read_all_seen(team).items() if s and d not in retired}
    except OSError:
        return {}  # the scan says why the folder cannot be read
    seen_files.pop(device_id, None)
    behind = _behind(store, seen_files)
    if not behind:
        return behind  # every bundle still there: read them, as a newcomer always did
    newcomer = not store.ledger() and store.last_sent() is None
    candidates = [
        found
        for writer, seen in seen_files.items()
        if seen.snapshot is not None
        and (found := read_manifest(team, writer, seen.snapshot.snapshot_id)) is not None
    ]
    imported = {device: mark.seq for device, mark in store.ledger().items()}
    # The best that is whole: one with a part missing or damaged is passed over for the next
    # best (each part's size and hash checked; a snapshot opens only once, as it is merged).
    choice = best_snapshot(candidates, imported, behind)
    while choice is not None and not parts_ready(choice):
        candidates.remove(choice)
        choice = best_snapshot(candidates, imported, behind)
    if choice is None:
        return behind  # waits, reason "compacted"; the next sync looks again
    records = _apply_snapshot(
        team, device_id, store, clock, choice, report, safety_fields, part_done
    )
    if records is not None:
        report.snapshot_read = SnapshotRead(
            choice.writer, choice.snapshot_id, records, not newcomer
        )
    return _behind(store, seen_files)


def _behind(store: SyncStore, seen_files: dict[str, SeenFile]) -> dict[str, int]:
    ledger = store.ledger()
    return {
        device: seen.compacted_through
        for device, seen in seen_files.items()
        if (ledger[device].seq if device in ledger else 0) < seen.compacted_through
    }


def _apply_snapshot(
    team: Team,
    device_id: str,
    store: SyncStore,
    clock: HlcClock,
    snapshot: Snapshot,
    report: SyncReport,
    safety_fields: SafetyFields,
    part_done: Callable[[int, int], None],
) -> int | None:
    """Merge every part like a bundle, then move the ledger; the number of records, or None if
    a part changed meanwhile (nothing of the ledger moved: the next sync starts again).
    ``part_done`` is told (parts applied, parts) after each part."""
    records = 0
    # What the writer had imported of each device (its own changes it holds anyway).
    covered = {d: mark.newest_hlc for d, mark in snapshot.coverage.items() if mark.newest_hlc}
    try:
        with collection_paused():
            parts = len(snapshot.parts)
            for applied, part_records_ in enumerate(part_records(team, snapshot), start=1):
                held, mark = store.read_records({(e, r) for e, r, _ in part_records_})
                fresh, changes, refused = _split_part(part_records_, held)
                part = Bundle(header_for(team, snapshot, len(changes)), changes, "", seen={})
                quiet = store.quiet_conflict_fields
                merged = merge_states(part, held, mark, quiet, safety_fields, covered)
                again = remerge(part, store, safety_fields, covered)
                merged = store.apply_snapshot_part(merged, again, fresh)
                records += len(merged.deleted) + len(fresh)
                hlcs = [state[2] for record in fresh for state in record.states]
                if merged.newest_hlc:
                    hlcs.append(merged.newest_hlc)
                if hlcs:
                    # As for a bundle: our next edits must come after everything we now hold.
                    newest = Hlc.parse(newest_hlc(hlcs))
                    if clock.observe(newest):
                        report.future_clocks.append(FutureClock(newest.device, str(newest)))
                report.conflicts.extend(merged.conflicts)
                report.refused.extend(
                    RefusedChange(
                        snapshot.folder, snapshot.writer, 0, change.entity, change.field, code
                    )
                    for change, code in (*refused, *merged.refused)
                )
                part_done(applied, parts)
    except ValueError:
        return None
    coverage = {d: mark for d, mark in snapshot.coverage.items() if d != device_id}
    store.finish_snapshot(coverage, snapshot.conflicts)
    return records


def _split_part(
    records: Sequence[PartRecord], held: Mapping[RecordKey, RecordState]
) -> tuple[list[FreshRecord], tuple[Change, ...], list[tuple[Change, str]]]:
    """A part's records as the ones taken whole (FreshRecord: none of their states held here,
    no tombstone, each field once), the changes of the others (for merge_states) and the
    fresh ones' refused changes with their codes. ValueError as Change.checked: a part of
    another shape is not applied from there on."""
    fresh: list[FreshRecord] = []
    changes: list[Change] = []
    refused: list[tuple[Change, str]] = []
    checked: dict[str, str | None] = {}  # the texts checked in this part (value_problem)
    for entity, record_id, states in records:
        names = {state[0] for state in states if type(state[0]) is str}
        if (
            (entity, record_id) in held
            or TOMBSTONE_FIELD in names
            or len(names) != len(states)  # a field twice, or a name that is not one
        ):
            changes.extend(
                Change.checked(entity, record_id, name, value, hlc, device, base)
                for name, value, hlc, device, base in states
            )
            continue
        taken, refused_states = record_states_checked(entity, record_id, states, checked)
        refused.extend((Change(entity, record_id, *state), code) for state, code in refused_states)
        if taken:
            fresh.append(FreshRecord(entity, record_id, taken))
    return fresh, tuple(changes), refused


def merge_bundle(
    bundle: Bundle,
    store: SyncStore,
    safety_fields: SafetyFields,
    covered: Mapping[str, str] | None = None,
) -> MergedBundle:
    """Decide every change of one bundle against the current state; writes nothing.
    ``covered``: for a snapshot's part, what its writer had imported (merge_states)."""
    states, mark = store.read_records(_keys(bundle))
    return merge_states(bundle, states, mark, store.quiet_conflict_fields, safety_fields, covered)


def remerge(
    bundle: Bundle,
    store: SyncStore,
    safety_fields: SafetyFields,
    covered: Mapping[str, str] | None = None,
) -> Remerge:
    """The same merge again, for the store to run inside its write transaction when a field
    was saved here after merge_bundle read the states."""
    quiet = store.quiet_conflict_fields
    return lambda read: merge_states(
        bundle, read(_keys(bundle)), None, quiet, safety_fields, covered
    )


def _keys(bundle: Bundle) -> set[RecordKey]:
    return {(change.entity, change.record_id) for change in bundle.changes}


def merge_states(
    bundle: Bundle,
    states: Mapping[RecordKey, RecordState],
    mark: object,
    quiet_fields: Collection[tuple[str, str]],
    safety_fields: SafetyFields,
    covered: Mapping[str, str] | None = None,
) -> MergedBundle:
    """merge_bundle's decisions against ``states`` (read at ``mark``).

    ``covered`` is given for a snapshot's part: per device, the newest change its writer had
    imported. Where the value this laptop holds is among those, the writer's own merge has
    already decided about the two values, and a conflict it still holds open comes with the
    snapshot's manifest (finish_snapshot); one raised here would be about an edit the other
    side had seen (as when its author saw both values and edited again: the snapshot shows only
    that last edit). A value the writer had not imported (an unsent edit made here, or one
    from a device it had not heard from yet) raises its conflict as from a bundle."""
    keys = _keys(bundle)
    records = {key: dict(state) for key, state in states.items()}
    writes: dict[tuple[str, str, str], Change] = {}
    conflicts: dict[tuple[str, str, str], list[Conflict]] = {}
    refused: list[tuple[Change, str]] = []
    checked: dict[str, str | None] = {}  # the texts checked in this merge (value_problem)
    for change in bundle.changes:
        # A change whose value a person could not have typed here is refused alone, not its
        # bundle: every laptop refuses the same changes, so they still end alike, and the
        # sender's later bundles (chained to this one) are not held back by one bad value.
        problem = value_problem(change, checked)
        if problem is not None:
            refused.append((change, problem))
            continue
        record = records.setdefault((change.entity, change.record_id), {})
        if not change.is_tombstone and change.field not in record and TOMBSTONE_FIELD not in record:
            # A field this laptop holds nothing of, in a record never deleted: merge.decide
            # applies it as new and raises nothing, and no conflict raised before is on it.
            # (Most of a join; the decision itself is left out.)
            record[change.field] = FieldState.of(change)
            writes[(change.entity, change.record_id, change.field)] = change
            continue
        critical = (change.entity, change.field) in safety_fields
        quiet = (change.entity, change.field) in quiet_fields
        decision = decide(record, change, safety_critical=critical, quiet=quiet)
        if decision.action is Action.APPLY:
            record[change.field] = FieldState.of(change)
            writes[(change.entity, change.record_id, change.field)] = change
            # A conflict this bundle raised before, on this field: the same rules as for one
            # already open here (merge.follow_up), so the order bundles come in does not matter.
            _follow_up_raised(conflicts, change, bundle)
        for conflict in decision.conflicts:
            if covered is not None and _known_to_writer(conflict, change, bundle, covered):
                continue
            conflicts.setdefault(_conflict_key(conflict), []).append(conflict)
    newest = max((c.hlc for c in bundle.changes), key=hlc_key, default="")
    return MergedBundle(
        bundle.device_id,
        bundle.seq,
        bundle.sha256,
        len(bundle.changes),
        tuple(writes.values()),
        tuple(c for raised in conflicts.values() for c in raised),
        {key: is_deleted(records[key]) for key in keys if key in records},
        tuple(refused),
        bundle.seen,
        newest,
        bundle.access_log,
        bundle.author,
        {key: records[key] for key in keys if key in records},
        mark,
    )


def _known_to_writer(
    conflict: Conflict, incoming: Change, part: Bundle, covered: Mapping[str, str]
) -> bool:
    """Whether the snapshot's writer had imported the side of ``conflict`` held here (the side
    that is not ``incoming``: merge.decide puts the incoming change on one side as it is)."""
    held = conflict.other if conflict.applied == incoming else conflict.applied
    return has_seen(part.device_id, covered, held.device, held.hlc)


def _conflict_key(conflict: Conflict) -> tuple[str, str, str]:
    return conflict.entity, conflict.record_id, conflict.field


def _follow_up_raised(
    conflicts: dict[tuple[str, str, str], list[Conflict]], change: Change, bundle: Bundle
) -> None:
    for key in {(change.entity, change.record_id, change.field),
                (change.entity, change.record_id, TOMBSTONE_FIELD)}:  # fmt: skip
        raised = conflicts.get(key)
        if not raised:
            continue
        kept = []
        for conflict in raised:
            outcome, write = follow_up(
                OpenConflict.of(conflict), {change.field: change}, bundle.device_id, bundle.seen
            )
            if outcome is FollowUp.OPEN:
                kept.append(conflict)
            elif outcome is FollowUp.CARRY and write is not None:
                kept.append(carried(conflict, write))
        conflicts[key] = kept


def _read_verified(team: Team, bundle_file: BundleFile, previous_hash: str) -> Bundle:
    """Header, tag and chain are all checked here, before anything is applied (SYNC.md).

    The size comes first: the file's length must be what its header declares and at most
    MAX_BUNDLE_BYTES, or none of it past the header is read (a 3 GB file named like a bundle
    once took 3 GB of memory on every sync)."""
    found = peek(bundle_file.path)
    if found.header.team_id != team.team_id:
        raise BundleOtherTeam(detail=f"team {found.header.team_id}")
    expected = bundle_length(found.header, found.header_length)
    if found.size > MAX_BUNDLE_BYTES or expected > MAX_BUNDLE_BYTES:
        raise BundleTooLarge(detail=f"{max(found.size, expected)} bytes")
    if found.size < expected:
        raise BundleTruncated(detail=f"{found.size} of {expected} bytes")
    if found.size > expected:
        raise BundleMalformedPayload(detail="extra bytes after the bundle")
    try:
        with open(bundle_file.path, "rb") as handle:
            data = handle.read(expected + 1)  # one more: a file that grew meanwhile is refused
    except OSError as error:
        raise BundleUnreadable(detail=str(error)) from error
    bundle = decode_bundle(data, team.key, team.team_id)
    header = bundle.header
    if header.device_id != bundle_file.device_id or header.seq != bundle_file.seq:
        raise BundleMisplaced(detail=f"header says device {header.device_id}, seq {header.seq}")
    if header.previous_hash != previous_hash:
        raise BundleChainBroken(detail=f"seq {header.seq}")
    return bundle


def _observe_clock(clock: HlcClock, head: _Head, report: SyncReport) -> None:
    # Observing the newest clock of a bundle moves ours past all of its changes at once.
    if not head.bundle.changes:
        return
    wall_ms, counter, device = head.newest
    newest = Hlc(wall_ms, counter, device)
    if clock.observe(newest):
        report.future_clocks.append(FutureClock(head.device_id, str(newest)))
