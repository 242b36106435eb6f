"""Keep the team folder small: after a sync, publish what this laptop has imported, offer a
snapshot when one is due, and remove this laptop's own bundles nobody needs any more
(docs/sync.md, "Snapshots and folder compaction").

Only this laptop's own folder is ever written or deleted here. A bundle goes only when every
known device (folders listed, devices imported from, devices named in any seen file; retired
ones left out) has a seen file that opens and says it imported the bundle (a laptop more than
AWAY_AFTER_BUNDLES behind is not waited for: it catches up from a snapshot), when every offered
snapshot covers it, and never the last bundle marked sent (so the file a crash left after it,
and the newest bundle every reader checks the folder against, stay).
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from pathlib import Path

from consultdesk.sync.folder import bundle_file_seq
from consultdesk.sync.report import SyncReport
from consultdesk.sync.seen import SeenFile, SnapshotOffer, read_all_seen, write_seen
from consultdesk.sync.snapshot import (
    own_parts_whole,
    own_snapshot_ids,
    read_manifest,
    remove_snapshot,
    write_snapshot,
)
from consultdesk.sync.store import SyncStore
from consultdesk.sync.team import Team

# Bundles of ours a laptop may lag behind before we stop keeping them for it: about a month of
# three syncs a day. A laptop further behind catches up from a snapshot (docs/sync.md).
AWAY_AFTER_BUNDLES = 100


def tidy_folder(
    team: Team,
    device_id: str,
    store: SyncStore,
    report: SyncReport,
    *,
    retired: Collection[str] = frozenset(),
) -> None:
    """The end of a sync whose import ran through. Any file-system error stops it quietly:
    what was not done here is done by the next sync, and nothing half-done can mislead."""
    try:
        _tidy(team, device_id, store, report, retired)
    except OSError:
        return


def _tidy(
    team: Team, device_id: str, store: SyncStore, report: SyncReport, retired: Collection[str]
) -> None:
    seen_files = read_all_seen(team)
    previous = seen_files.pop(device_id, None)
    ledger = {device: mark.seq for device, mark in store.ledger().items()}
    last = store.last_sent()
    own_last = last.seq if last else 0
    named = {device for seen in seen_files.values() if seen for device in seen.imported}
    known = (set(seen_files) | set(ledger) | named) - {device_id} - set(retired)
    offers = {
        device: seen.snapshot
        for device, seen in seen_files.items()
        if seen is not None and seen.snapshot is not None and device not in retired
    }
    own_offer = previous.snapshot if previous is not None else None
    if own_offer is not None:
        offered = read_manifest(team, device_id, own_offer.snapshot_id)
        # Removed by hand, never finished, or a part damaged on the share (a newcomer would
        # wait on it for ever): not offered any more, so it is written again when due. Each
        # part is read and hashed once a run of the app, and again whenever it changes.
        if offered is None or not own_parts_whole(offered):
            own_offer = None
    if own_offer is not None and any(
        _dominates(other, writer, own_offer, device_id) and _opens(team, writer, other)
        for writer, other in offers.items()
    ):
        own_offer = None  # another laptop offers one covering at least as much: ours goes
    tip = {**ledger, device_id: own_last}
    if (own_last or ledger) and _snapshot_due(report, retired, offers, own_offer, tip, known):
        written = write_snapshot(team, device_id, store, max(own_snapshot_ids(team, device_id),
                                                             default=0) + 1)  # fmt: skip
        own_offer = written.offer
        report.snapshot_written = written.folder
    if own_offer is not None:
        offers[device_id] = own_offer
    through = previous.compacted_through if previous is not None else 0
    if _may_compact(team, offers, own_offer, seen_files, known, device_id):
        # A laptop away for long (it imported nothing of ours for AWAY_AFTER_BUNDLES bundles)
        # is not waited for: it catches up from a snapshot when it is back.
        away = own_last - AWAY_AFTER_BUNDLES
        limit = min(
            [own_last - 1]
            + [max(away, seen.imported.get(device_id, 0)) for seen in _present(seen_files, known)]
            + [offer.covers(device_id) for offer in offers.values()]
        )
        through = max(through, limit)
    seen = SeenFile(device_id, own_last, through, ledger, own_offer)
    if seen != previous:
        write_seen(team, seen)  # announced first, removed after: a reader never has to guess
    report.removed.extend(_remove_own_bundles(team, device_id, through))
    for snapshot_id in own_snapshot_ids(team, device_id):
        if own_offer is None or snapshot_id != own_offer.snapshot_id:
            remove_snapshot(team, device_id, snapshot_id)


def _present(seen_files: Mapping[str, SeenFile | None], known: Collection[str]) -> list[SeenFile]:
    return [seen for device in known if (seen := seen_files.get(device)) is not None]


def _may_compact(
    team: Team,
    offers: Mapping[str, SnapshotOffer],
    own_offer: SnapshotOffer | None,
    seen_files: Mapping[str, SeenFile | None],
    known: Collection[str],
    device_id: str,
) -> bool:
    """Every known device has a seen file that opens, and some offered snapshot opens."""
    if not offers or any(seen_files.get(device) is None for device in known):
        return False
    if own_offer is not None:
        return True  # checked (or written) just now
    return any(_opens(team, writer, offer) for writer, offer in offers.items())


def _opens(team: Team, writer: str, offer: SnapshotOffer) -> bool:
    snapshot = read_manifest(team, writer, offer.snapshot_id)
    return snapshot is not None and snapshot.offer == offer


def _dominates(other: SnapshotOffer, writer: str, own: SnapshotOffer, device_id: str) -> bool:
    """``other`` covers at least what ``own`` does on every device; of two equal ones, the
    writer with the smaller id keeps its own (so that one always stays)."""
    devices = set(own.coverage) | set(other.coverage)
    if any(other.covers(device) < own.covers(device) for device in devices):
        return False
    if all(other.covers(device) == own.covers(device) for device in devices):
        return writer < device_id
    return True


def _snapshot_due(
    report: SyncReport,
    retired: Collection[str],
    offers: Mapping[str, SnapshotOffer],
    own_offer: SnapshotOffer | None,
    tip: Mapping[str, int],
    known: Collection[str],
) -> bool:
    """Caught up with everything, and no offered snapshot, or the bundles beyond the best one
    reach one per known device and one more."""
    if report.export_error is not None or any(w.device_id not in retired for w in report.waiting):
        return False
    candidates = list(offers.values()) + ([own_offer] if own_offer is not None else [])
    if not candidates:
        return True
    behind = min(
        sum(max(0, seq - offer.covers(device)) for device, seq in tip.items())
        for offer in candidates
    )
    return behind >= len(known) + 1


def _remove_own_bundles(team: Team, device_id: str, through: int) -> list[Path]:
    folder = team.changes_folder(device_id)
    removed = []
    for name in sorted(os.listdir(folder)):
        seq = bundle_file_seq(name)
        if seq is None or seq > through:
            continue
        try:
            (folder / name).unlink()
        except OSError:
            continue  # held by the sync client: the next sync removes it
        removed.append(folder / name)
    return removed
