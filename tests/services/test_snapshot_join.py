"""A newcomer joining from a team snapshot of several parts: the progress bar moves with each
part and never goes back (a snapshot given up halfway for the bundles), and a kill in the
middle of the join (a part's field states written, its rows not yet, the transaction open)
loses nothing: it ends like the team on its next sync. The parts committed
before the kill are held then, so they go the merge's way, and the rest are taken whole
(docs/sync.md, "Figures": records taken whole).

The kill is real: a child process runs the newcomer's first sync and stops inside the second
part's transaction; the test kills it there with SIGKILL.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from consultdesk.demo import fill_demo
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import residents, sync
from consultdesk.services.workspace import Workspace
from consultdesk.storage import snapshot_repo
from consultdesk.sync import snapshot
from tests.python_process import kill_when_marked
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    DB_PASSPHRASE,
    MakeLaptop,
    field_states,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
    visible,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

# Runs in the child: the newcomer's sync, stopped in the second part's transaction once its
# field states are written and before its rows are (SqliteSyncStore.apply_snapshot_part).
CHILD = r"""
import os, sys, time
from pathlib import Path

from consultdesk.services import sync
from consultdesk.services.workspace import Workspace
from consultdesk.storage.sync_store import SqliteSyncStore

data_dir, marker = Path(sys.argv[1]), Path(sys.argv[2])
real_write_rows = SqliteSyncStore._write_rows
calls = []


def stop_here(self, *args, **kwargs):
    calls.append(1)
    if len(calls) == 2:
        marker.write_text("in the second part")
        time.sleep(600)
    return real_write_rows(self, *args, **kwargs)


SqliteSyncStore._write_rows = stop_here
ws = Workspace.unlock(data_dir, os.environ["DB_PASS"])
sync.sync_now(ws)
raise SystemExit("the child was not killed")
"""


def kill_in_second_part(data_dir: Path, marker: Path) -> None:
    env = {**os.environ, "DB_PASS": DB_PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
    kill_when_marked(
        CHILD, str(data_dir), str(marker), marker=marker, env=env, waiting_for="the second part"
    )


def compacted_team(
    new_laptop: MakeLaptop, share: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Workspace, Workspace]:
    """Laptops a and b with a few residents each, synced until their first bundles were
    removed: a newcomer must start from the snapshot they offer, which has several parts."""
    # Small parts, so the snapshot the team offers has several (a part ends only between the
    # store's reading chunks, of 900 records).
    monkeypatch.setattr(snapshot, "PART_STATES", 150)
    monkeypatch.setattr(snapshot_repo, "_CHUNK", 20)
    a, b = new_laptop("a"), new_laptop("b")
    team = start_team(a, share)
    join(b, share)
    fill_demo(a, residents=4, sessions=6, seed=1)
    fill_demo(b, residents=4, sessions=6, seed=2)
    first_bundles = [
        team.folder / "devices" / ws.device / "changes" / "000001.cdsync" for ws in (a, b)
    ]
    for number in range(8):  # a bundle each, until the first ones are removed (compacted)
        for ws in (a, b):
            residents.save_resident(ws, ResidentDraft(name=f"주민 {ws.device[:4]} {number}"))
            sync.sync_now(ws)
        if not any(bundle.exists() for bundle in first_bundles):
            break
    assert not any(bundle.exists() for bundle in first_bundles), "the folder was not compacted"
    return a, b


def test_a_newcomer_s_progress_moves_with_each_part_of_the_snapshot(
    new_laptop: MakeLaptop, share: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, b = compacted_team(new_laptop, share, monkeypatch)  # b synced last: it has everything
    newcomer = new_laptop("newcomer")
    team = join(newcomer, share)
    shown: list[float] = []
    report = sync.sync_now(newcomer, progress=shown.append)
    assert report.snapshot_read is not None
    read = report.snapshot_read
    writer = team.folder / "devices" / read.writer
    parts = len(list(writer.glob(f"*/{read.snapshot_id:06d}/part-*.cdsnap")))
    assert parts >= 3
    assert shown[0] == 0.0 and shown[-1] == 1.0
    assert shown == sorted(shown)  # never back
    # Beyond the export's share and before the end: a step for each part (it stood still at
    # the export's 10 % for the whole join before).
    steps = sorted({f for f in shown if shown[1] < f < 1.0})
    assert len(steps) >= parts
    assert residents.count_residents(newcomer) == residents.count_residents(b)


def test_a_newcomer_killed_inside_a_snapshot_part_joins_whole_on_its_next_sync(
    new_laptop: MakeLaptop, share: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = compacted_team(new_laptop, share, monkeypatch)
    newcomer_dir = tmp_path / "newcomer"
    newcomer = new_laptop("newcomer")
    join(newcomer, share)
    newcomer.close()

    kill_in_second_part(newcomer_dir, tmp_path / "marker")

    newcomer = Workspace.unlock(newcomer_dir, DB_PASSPHRASE)
    try:
        # The first part stayed (its own transaction had committed), the second did not.
        partly = residents.count_residents(newcomer)
        held = len(field_states(newcomer))
        assert 0 < held < len(field_states(a))
        report = sync.sync_now(newcomer)
        assert report.snapshot_read is not None and not report.snapshot_read.rejoined
        assert report.waiting == [] and report.conflicts == [] and report.skipped == []
        assert report.refused == []
        for ws in (a, b, newcomer):
            sync.sync_now(ws)
        assert residents.count_residents(newcomer) == residents.count_residents(a) >= partly
        assert visible(newcomer) == visible(a) == visible(b)
        assert field_states(newcomer) == field_states(a)
    finally:
        newcomer.close()


def test_the_bar_never_goes_back_when_a_snapshot_is_given_up_for_the_bundles(
    new_laptop: MakeLaptop, share: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A newer copy of a snapshot's last part arrives while the newcomer merges the others (a
    sync tool replacing the file): the snapshot is given up at that part, and the bundles still
    in the folder are read instead. Their share of the bar starts below where the parts left
    it: the bar holds there rather than going back, then moves on with the bundles."""
    a, _ = compacted_team(new_laptop, share, monkeypatch)
    d = new_laptop("d")  # joins late; its own bundles are all still in the folder
    team = join(d, share)
    assert sync.sync_now(d).snapshot_read is not None
    for number in range(6):
        residents.save_resident(d, ResidentDraft(name=f"늦게 온 주민 {number}"))
        sync.sync_now(d)
    newcomer = new_laptop("newcomer")
    join(newcomer, share)
    last_parts = {
        parts[-1]: parts[-1].read_bytes()
        for folder in team.folder.rglob("snapshots/*")
        if len(parts := sorted(folder.glob("part-*.cdsnap"))) >= 3
    }
    assert last_parts
    shown: list[float] = []

    def progress(fraction: float) -> None:
        if 0.1 < fraction < 1.0 and not any(0.1 < f < 1.0 for f in shown):  # a first part
            for path, data in last_parts.items():
                path.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))  # not the manifest's hash
        shown.append(fraction)

    report = sync.sync_now(newcomer, progress=progress)

    assert report.snapshot_read is None  # given up at its last part
    assert [outcome.device_id for outcome in report.read] == [d.device] * 6
    assert shown == sorted(shown) and shown[0] == 0.0 and shown[-1] == 1.0
    # The first bundles' own share lies below the parts': the bar held where they left it.
    assert any(shown.count(f) >= 2 for f in shown if 0.1 < f < 1.0)
    # The whole copy arrives: the next sync takes the snapshot and ends like the team.
    for path, data in last_parts.items():
        path.write_bytes(data)
    assert sync.sync_now(newcomer).snapshot_read is not None
    for ws in (d, a, newcomer):
        sync.sync_now(ws)
    assert residents.count_residents(newcomer) == residents.count_residents(d)
    assert visible(newcomer) == visible(d)
