"""One sync run: export what this laptop changed, then import what the others did (SYNC.md).

The service layer calls ``run_sync`` for "sync now", at start-up and on close, off the GUI
thread. A share that cannot be reached raises ShareUnavailable before anything changes here;
every other problem is reported per file and the rest of the run goes on. Last, the run keeps
the folder small (compaction.py): it publishes what it imported, offers a snapshot when one is
due and removes its own bundles nobody needs any more.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta

from consultdesk.domain.hlc import HlcClock
from consultdesk.sync.compaction import tidy_folder
from consultdesk.sync.errors import BundleExists, BundleWriteFailed, TeamMismatch
from consultdesk.sync.inbound import SafetyFields, import_bundles
from consultdesk.sync.outbound import ACCESS_LOG_ALONE_AFTER, export_changes
from consultdesk.sync.report import SyncReport
from consultdesk.sync.store import SyncStore
from consultdesk.sync.team import Team, read_team_file, retired_devices

Progress = Callable[[float], None]

# Share of the progress bar given to writing; reading usually dominates.
_EXPORT_SHARE = 0.1
# Of the reading's share, what a snapshot's parts take when the sync starts or catches up
# from one: nearly all of a join's time (the bundles after it are few).
_SNAPSHOT_SHARE = 0.9


def run_sync(
    team: Team,
    device_id: str,
    store: SyncStore,
    clock: HlcClock,
    *,
    safety_fields: SafetyFields = frozenset(),
    progress: Progress | None = None,
    author: Mapping[str, str] | None = None,
    access_log_alone_after: timedelta = ACCESS_LOG_ALONE_AFTER,
) -> SyncReport:
    """Sync this laptop with the team folder once and say what happened. ``author`` (this
    laptop's pharmacist: {"name", "organisation"}) goes in the bundles it writes; see
    outbound.py for when its access-log rows go."""
    report_progress = progress or (lambda fraction: None)
    report_progress(0.0)
    document = read_team_file(team.folder)  # raises ShareUnavailable when the drive is gone
    if document["team_id"] != team.team_id:
        raise TeamMismatch(path=str(team.folder), detail=document["team_id"])
    report = SyncReport()
    try:
        export_changes(
            team,
            device_id,
            store,
            report,
            author=author,
            access_log_alone_after=access_log_alone_after,
        )
    except (BundleExists, BundleWriteFailed) as error:
        # Importing is still safe and useful; the report tells the user why nothing went out.
        report.export_error = error
    report_progress(_EXPORT_SHARE)

    furthest = 0.0  # the bar never goes back (a snapshot given up halfway: bundles next)

    def reading(fraction: float) -> None:
        nonlocal furthest
        furthest = max(furthest, min(1.0, fraction))
        report_progress(_EXPORT_SHARE + (1 - _EXPORT_SHARE) * furthest)

    def part_done(done: int, total: int) -> None:
        reading(_SNAPSHOT_SHARE * done / total)

    def bundle_done(done: int, total: int) -> None:
        start = _SNAPSHOT_SHARE if report.snapshot_read is not None else 0.0
        reading(start + (1 - start) * done / total)

    retired = set(retired_devices(team))
    import_bundles(
        team,
        device_id,
        store,
        clock,
        report,
        safety_fields=safety_fields,
        progress=bundle_done,
        retired=retired,
        snapshot_progress=part_done,
    )
    # Only after an import that ran through (ShareUnavailable stops the run before this).
    tidy_folder(team, device_id, store, report, retired=retired)
    report_progress(1.0)
    return report
