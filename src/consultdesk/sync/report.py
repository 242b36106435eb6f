"""The sync report shown after each run (SYNC.md, "What the user sees")."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from consultdesk.sync.errors import SyncError
from consultdesk.sync.folder import DeviceWaiting, SkippedFile
from consultdesk.sync.merge import Conflict


@dataclass(frozen=True, slots=True)
class BundleOutcome:
    path: Path
    device_id: str
    seq: int
    changes: int
    applied: int  # fields that took the incoming value
    conflicts: int


@dataclass(frozen=True, slots=True)
class FutureClock:
    """A laptop whose edits carry a time well ahead of ours: probably a wrong date setting."""

    device_id: str
    hlc: str


@dataclass(frozen=True, slots=True)
class RefusedChange:
    """One change of an imported bundle that was not stored (the rest of the bundle was)."""

    path: Path
    device_id: str
    seq: int
    entity: str
    field: str
    code: str  # rrn_refused, text_unreadable, value_invalid (sync.changes.value_problem)


@dataclass(frozen=True, slots=True)
class SnapshotRead:
    """A team snapshot this laptop started from (a newcomer) or caught up from (a laptop whose
    next bundles were removed while it was away; its unsent changes were kept)."""

    writer: str
    snapshot_id: int
    records: int
    rejoined: bool  # True: it had data of its own before (caught up), False: a newcomer


@dataclass
class SyncReport:
    written: list[BundleOutcome] = field(default_factory=list)
    read: list[BundleOutcome] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    waiting: list[DeviceWaiting] = field(default_factory=list)
    future_clocks: list[FutureClock] = field(default_factory=list)
    missing_devices: list[str] = field(default_factory=list)
    refused: list[RefusedChange] = field(default_factory=list)
    export_error: SyncError | None = None
    # Of ``skipped``, the files an earlier sync already reported and that are still there
    # unchanged in reason: the service layer remembers them, and the report names only the rest.
    already_reported: list[SkippedFile] = field(default_factory=list)
    # docs/sync.md, "Snapshots and folder compaction": this laptop's own files it removed, the
    # snapshot it wrote, and the one it started or caught up from.
    removed: list[Path] = field(default_factory=list)
    snapshot_written: Path | None = None
    snapshot_read: SnapshotRead | None = None

    @property
    def bundles_written(self) -> int:
        return len(self.written)

    @property
    def bundles_read(self) -> int:
        return len(self.read)

    @property
    def changes_sent(self) -> int:
        return sum(outcome.changes for outcome in self.written)

    @property
    def changes_applied(self) -> int:
        return sum(outcome.applied for outcome in self.read)

    @property
    def conflicts_raised(self) -> int:
        return len(self.conflicts)

    @property
    def newly_skipped(self) -> list[SkippedFile]:
        known = set(self.already_reported)
        return [skipped for skipped in self.skipped if skipped not in known]

    @property
    def nothing_new(self) -> bool:
        return not (self.written or self.read or self.conflicts or self.snapshot_read)
