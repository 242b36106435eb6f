"""Snapshots of the team's data, for newcomers and for laptops away for long (docs/sync.md,
"Snapshots and folder compaction").

``devices/<id>/snapshots/NNNNNN/`` holds ``part-NNNN.cdsnap`` files (every field state of whole
records, up to PART_STATES each) and ``manifest.cdsnap``, written last: the parts' sizes and
hashes, the coverage (per device the last bundle the writer had imported, its own last bundle
included) and the conflicts open on the writer. Every file is sealed under the team key; the
associated data names the team, the writer, the snapshot and the part, so no file can be moved
into another snapshot.

Reading checks the manifest and every part (present, size, hash) before any of it is applied.
Each part is then opened (the sealed manifest vouches for its hash) and merged like a bundle
(inbound.merge_bundle, one transaction per part), and the ledger moves to the coverage last, in
one transaction with the manifest's conflicts.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from consultdesk.sync.bundle import BundleHeader
from consultdesk.sync.changes import Change
from consultdesk.sync.merge import Conflict, ConflictKind
from consultdesk.sync.seen import SNAPSHOTS_FOLDER, SnapshotOffer, open_sealed, seal
from consultdesk.sync.store import LedgerMark, SyncStore
from consultdesk.sync.team import Team

PART_STATES = 200_000  # field states per part: a few MB sealed, a few hundred MB at most in use
MANIFEST = "manifest.cdsnap"
# A record as a part holds it: (entity, record_id, states), each state
# [field, value, hlc, device, base_hlc], their items not checked yet.
PartRecord = tuple[Any, Any, list[list[Any]]]
MAX_PART_BYTES = 256 * 1024 * 1024
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
_LABEL = b"ConsultDesk snapshot v1\x00"


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A snapshot whose manifest opened: where it is and what it says."""

    writer: str
    snapshot_id: int
    folder: Path
    parts: tuple[tuple[str, int], ...]  # (sha256 hex, size) per part, in order
    coverage: Mapping[str, LedgerMark]
    conflicts: tuple[Conflict, ...]

    @property
    def offer(self) -> SnapshotOffer:
        return SnapshotOffer(self.snapshot_id, {d: m.seq for d, m in self.coverage.items()})


def snapshot_folder(team: Team, writer: str, snapshot_id: int) -> Path:
    return team.devices_folder / writer / SNAPSHOTS_FOLDER / f"{snapshot_id:06d}"


def own_snapshot_ids(team: Team, device_id: str) -> list[int]:
    """The snapshot folders in this laptop's own folder (complete or not), oldest first."""
    folder = team.devices_folder / device_id / SNAPSHOTS_FOLDER
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return []
    # Six ASCII digits: str.isdigit alone also takes ０ (full width) and ² (which int() refuses).
    return sorted(
        int(name) for name in names if len(name) == 6 and name.isascii() and name.isdigit()
    )


def _associated(team: Team, writer: str, snapshot_id: int, part: str) -> bytes:
    text = f"{team.team_id}\x00{writer}\x00{snapshot_id}\x00{part}"
    return _LABEL + text.encode("ascii")


# --- writing ---------------------------------------------------------------------------------


def write_snapshot(team: Team, device_id: str, store: SyncStore, snapshot_id: int) -> Snapshot:
    """Write this laptop's snapshot ``snapshot_id``: every field state it holds and what they
    cover. The manifest goes last, so a snapshot without one is incomplete and never read."""
    folder = snapshot_folder(team, device_id, snapshot_id)
    folder.mkdir(parents=True, exist_ok=False)
    newest = store.seen_clocks()
    coverage = {
        device: LedgerMark(mark.seq, mark.bundle_hash, newest.get(device, ""))
        for device, mark in store.ledger().items()
    }
    last = store.last_sent()
    if last is not None:
        coverage[device_id] = LedgerMark(last.seq, last.bundle_hash, "")
    conflicts = tuple(store.conflicts_open())
    parts: list[tuple[str, int]] = []
    for page in store.snapshot_records(PART_STATES):
        rows = [
            [entity, record_id, [[name, s.value, s.hlc, s.device, s.base_hlc]
                                 for name, s in sorted(states.items())]]
            for (entity, record_id), states in page
        ]  # fmt: skip
        index = len(parts) + 1
        data = seal(
            team.key, _associated(team, device_id, snapshot_id, str(index)), {"records": rows}
        )
        path = folder / _part_name(index)
        _write_new(path, data)
        digest = hashlib.sha256(data).hexdigest()
        parts.append((digest, len(data)))
        written = path.stat()
        _whole[path] = (written.st_size, written.st_mtime_ns, digest)  # whole: just written
    manifest = {
        "writer": device_id,
        "id": snapshot_id,
        "parts": [[digest, size] for digest, size in parts],
        "coverage": {d: [m.seq, m.bundle_hash, m.newest_hlc] for d, m in coverage.items()},
        "conflicts": [_conflict_row(conflict) for conflict in conflicts],
    }
    data = seal(team.key, _associated(team, device_id, snapshot_id, "manifest"), manifest)
    _write_new(folder / MANIFEST, data)
    return Snapshot(device_id, snapshot_id, folder, tuple(parts), coverage, conflicts)


def remove_snapshot(team: Team, device_id: str, snapshot_id: int) -> None:
    """Remove one of this laptop's own snapshots (the manifest first: never half-readable)."""
    folder = snapshot_folder(team, device_id, snapshot_id)
    with contextlib.suppress(OSError):
        (folder / MANIFEST).unlink()
    shutil.rmtree(folder, ignore_errors=True)
    for path in [path for path in _whole if path.parent == folder]:
        del _whole[path]


def _part_name(index: int) -> str:
    return f"part-{index:04d}.cdsnap"


def _write_new(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.rename(temporary, path)


def conflict_key(conflict: Conflict) -> tuple[str, str, str, str, str]:
    """What tells two open conflicts apart: the field and the two values' HLCs. A snapshot's
    conflicts already held here are kept once."""
    return (
        conflict.entity,
        conflict.record_id,
        conflict.field,
        conflict.applied.hlc,
        conflict.other.hlc,
    )


def _conflict_row(conflict: Conflict) -> list[Any]:
    return [
        conflict.kind.value,
        conflict.applied.to_row(),
        conflict.other.to_row(),
        conflict.requires_person,
    ]


# --- reading ---------------------------------------------------------------------------------


def read_manifest(team: Team, writer: str, snapshot_id: int) -> Snapshot | None:
    """The snapshot if its manifest is there and opens; None otherwise (not finished, not
    downloaded yet, removed, damaged)."""
    folder = snapshot_folder(team, writer, snapshot_id)
    path = folder / MANIFEST
    try:
        if not path.is_file() or path.stat().st_size > MAX_MANIFEST_BYTES:
            return None
        document = open_sealed(
            team.key, _associated(team, writer, snapshot_id, "manifest"), path.read_bytes()
        )
        if document["writer"] != writer or document["id"] != snapshot_id:
            return None
        parts = tuple((str(digest), int(size)) for digest, size in document["parts"])
        coverage = {
            str(device): LedgerMark(int(seq), str(digest), str(newest))
            for device, (seq, digest, newest) in document["coverage"].items()
        }
        conflicts = tuple(
            Conflict(
                ConflictKind(kind), Change.from_row(applied), Change.from_row(other), bool(person)
            )
            for kind, applied, other, person in document["conflicts"]
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return Snapshot(writer, snapshot_id, folder, parts, coverage, conflicts)


def parts_ready(snapshot: Snapshot) -> bool:
    """Every part is there whole: the size and SHA-256 the manifest says. The manifest opened
    under the team key, so a part with its hash is the very file its writer sealed; it is
    opened as it is merged (part_changes), not twice (decrypting and parsing every part was
    a tenth of a join)."""
    return all(_part_data(snapshot, index) is not None for index in _indexes(snapshot))


# The parts this process has found whole, by path: (size, modification time in ns, SHA-256). A
# writer checks its own offered snapshot at every sync (compaction._tidy); a part unchanged
# since it was last found whole is not read again: about 50 MB a sync at 10k / 50k, which a
# sync client that keeps only online copies of older files would download each time.
_whole: dict[Path, tuple[int, int, str]] = {}


def own_parts_whole(snapshot: Snapshot) -> bool:
    """parts_ready for a snapshot this laptop wrote and checks at each sync: a part whose size
    and modification time are those it had when it was last found whole counts as whole. A
    part changed in place without either moving (the disk's own fault) is found at the next
    start of the app."""
    for index in _indexes(snapshot):
        digest, _ = snapshot.parts[index - 1]
        path = snapshot.folder / _part_name(index)
        try:
            stat = path.stat()
        except OSError:
            return False
        seen = (stat.st_size, stat.st_mtime_ns, digest)
        if _whole.get(path) == seen:
            continue
        if _part_data(snapshot, index) is None:
            _whole.pop(path, None)
            return False
        _whole[path] = seen
    return True


def _indexes(snapshot: Snapshot) -> range:
    return range(1, len(snapshot.parts) + 1)


def _part_data(snapshot: Snapshot, index: int) -> bytes | None:
    """The bytes of a part if they are the size and hash its manifest says."""
    digest, size = snapshot.parts[index - 1]
    path = snapshot.folder / _part_name(index)
    try:
        if size > MAX_PART_BYTES or path.stat().st_size != size:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == digest else None


def _read_part(team: Team, snapshot: Snapshot, index: int) -> list[Any] | None:
    data = _part_data(snapshot, index)
    if data is None:
        return None
    try:
        associated = _associated(team, snapshot.writer, snapshot.snapshot_id, str(index))
        document = open_sealed(team.key, associated, data)
        records = document["records"]
        if not isinstance(records, list):
            return None
        return records
    except (OSError, ValueError, KeyError, TypeError):
        return None


def part_records(team: Team, snapshot: Snapshot) -> Iterator[list[PartRecord]]:
    """The records of each part, part by part, each as (entity, record_id, states) with every
    state (field, value, hlc, device, base_hlc): only their shape is checked here, the items
    are the reader's to check (changes.check_items). ValueError if a part changed since
    parts_ready (a newer copy arrived), or holds a record or a state of another shape than the
    writer's: the caller stops and tries again next sync."""
    for index in _indexes(snapshot):
        records = _read_part(team, snapshot, index)
        if records is None:
            raise ValueError(f"part {index} of snapshot {snapshot.snapshot_id} changed")
        shaped: list[PartRecord] = []
        try:
            for entity, record_id, states in records:
                if not isinstance(entity, str) or not isinstance(record_id, str):
                    raise TypeError("a record's entity and id must be texts")
                # Every state a list (JSON's) of 5 items: the types and the lengths gathered
                # by map, not a Python step per state (a part has a quarter of a million).
                if type(states) is not list or (
                    states and (set(map(type, states)) != {list} or set(map(len, states)) != {5})
                ):
                    raise TypeError("a record's states must be lists of 5 items")
                shaped.append((entity, record_id, states))
        except (TypeError, ValueError) as error:  # not three items, or not a list
            raise ValueError(f"part {index} of snapshot {snapshot.snapshot_id}: {error}") from None
        yield shaped


def header_for(team: Team, snapshot: Snapshot, change_count: int) -> BundleHeader:
    """A bundle header naming the snapshot's writer, for merging a part like a bundle."""
    return BundleHeader(team.team_id, snapshot.writer, 1, change_count, "0" * 64, 16)


def best_snapshot(
    candidates: Sequence[Snapshot], ledger: Mapping[str, int], compacted: Mapping[str, int]
) -> Snapshot | None:
    """Of the snapshots that bridge every removed stretch (for each device, what we imported
    or the snapshot's coverage reaches its ``compacted``), the one covering most."""
    bridging = [
        snapshot
        for snapshot in candidates
        if all(
            max(ledger.get(device, 0), snapshot.coverage.get(device, LedgerMark(0, "")).seq)
            >= through
            for device, through in compacted.items()
        )
    ]
    return max(
        bridging,
        key=lambda s: (sum(m.seq for m in s.coverage.values()), s.writer, s.snapshot_id),
        default=None,
    )
