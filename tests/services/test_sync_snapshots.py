"""Real encrypted laptops and a real folder: the team folder stays small, a newcomer starts from
a snapshot, a laptop away for long catches up from one and keeps its unsent work
(docs/sync.md, "Snapshots and folder compaction")."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import residents, sync
from consultdesk.services.workspace import Workspace
from consultdesk.sync import compaction
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    MakeLaptop,
    field_states,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
    three_laptops,
    visible,
)


def own_bundles(ws: Workspace, team_folder: Path) -> list[str]:
    return sorted(p.name for p in (team_folder / "devices" / ws.device / "changes").iterdir())


def rounds(laptops: list[Workspace], count: int, prefix: str) -> None:
    for number in range(count):
        for ws in laptops:
            residents.save_resident(ws, ResidentDraft(name=f"{prefix} {ws.device[:4]} {number}"))
            sync.sync_now(ws)


def test_three_laptops_keep_a_few_files_each_and_a_newcomer_starts_from_a_snapshot(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b, c = new_laptop("a"), new_laptop("b"), new_laptop("c")
    team = start_team(a, share)
    join(b, share)
    join(c, share)
    rounds([a, b, c], 8, "주민")
    for ws in (a, b, c):
        sync.sync_now(ws)
    for ws in (a, b, c):
        assert 1 <= len(own_bundles(ws, team.folder)) <= 3, own_bundles(ws, team.folder)
    d = new_laptop("d")
    join(d, share)
    report = sync.sync_now(d)
    assert report.snapshot_read is not None and not report.snapshot_read.rejoined
    assert report.waiting == [] and report.conflicts == [] and report.skipped == []
    for ws in (a, b, c, d):
        sync.sync_now(ws)
    assert visible(d) == visible(a) == visible(c)
    assert field_states(d) == field_states(a)
    assert len(visible(d)["resident"]) == 24


def test_a_laptop_away_for_long_catches_up_and_its_unsent_work_reaches_the_team(
    new_laptop: MakeLaptop, share: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compaction, "AWAY_AFTER_BUNDLES", 2)
    a, b, c = three_laptops(new_laptop, share)
    rounds([a, b, c], 2, "주민")
    # C goes away with work it has not sent; the others go on for long.
    kept = residents.save_resident(c, ResidentDraft(name="박영수", allergies="페니실린"))
    rounds([a, b], 8, "방문")
    # And C changes a resident of A's that the snapshot holds as it was: C's is the newer.
    of_a = next(i for i, r in visible(c)["resident"].items() if r["name"].startswith("주민 "))
    residents.save_resident(c, ResidentDraft(name="주민 이름 고침"), of_a)
    report = sync.sync_now(c)
    assert report.snapshot_read is not None and report.snapshot_read.rejoined
    assert report.waiting == [] and report.conflicts == []
    assert report.changes_sent > 0
    for ws in (a, b, c):
        sync.sync_now(ws)
    assert visible(a) == visible(b) == visible(c)
    assert field_states(a) == field_states(c)
    assert visible(a)["resident"][kept]["allergies"] == "페니실린"
    assert visible(c)["resident"][of_a]["name"] == "주민 이름 고침"
    assert sync.sync_status(c).waiting == 0


def test_a_joined_laptop_that_never_synced_keeps_every_bundle_in_place(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b, c = new_laptop("a"), new_laptop("b"), new_laptop("c")
    team = start_team(a, share)
    join(b, share)
    rounds([a, b], 2, "주민")
    join(c, share)  # its folder is there; it has not read anything yet
    before = own_bundles(a, team.folder)
    rounds([a, b], 4, "방문")
    assert own_bundles(a, team.folder)[: len(before)] == before
    report = sync.sync_now(c)
    assert report.waiting == [] and report.conflicts == []
    assert visible(c) == visible(b)


def test_a_laptop_back_through_a_snapshot_raises_no_conflict_its_writer_had_answered(
    new_laptop: MakeLaptop, share: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # B's note meets A's in a conflict, and B writes the note again knowing both: on A, that
    # answers it. C, left behind meanwhile, comes back through a snapshot that shows only B's
    # last note: holding A's note (which the snapshot's writer had imported), C must not raise
    # a conflict of its own about it. (Found by the hypothesis convergence test.)
    from consultdesk.services.sync_conflicts import list_conflicts

    monkeypatch.setattr(compaction, "AWAY_AFTER_BUNDLES", 2)
    a, b, c = three_laptops(new_laptop, share)
    resident = residents.save_resident(a, ResidentDraft(name="김순자"))
    for ws in (a, b, c):
        sync.sync_now(ws)
    residents.save_resident(a, ResidentDraft(name="김순자", notes="혼자 사심"), resident)
    sync.sync_now(a)
    sync.sync_now(c)  # C holds A's note, then goes away
    residents.save_resident(b, ResidentDraft(name="김순자", notes="딸과 사심"), resident)
    assert len(sync.sync_now(b).conflicts) == 1  # B's note met A's
    residents.save_resident(b, ResidentDraft(name="김순자", notes="딸과 사심, 주 1회"), resident)
    sync.sync_now(b)
    assert len(sync.sync_now(a).conflicts) == 1
    sync.sync_now(b)
    assert list_conflicts(a) == [], "B's second note answers the conflict on A"
    rounds([a, b], 4, "방문")

    report = sync.sync_now(c)

    assert report.snapshot_read is not None and report.snapshot_read.rejoined
    assert report.conflicts == []
    writer = {a.device: a, b.device: b}[report.snapshot_read.writer]
    held = {(item.field, item.other.value) for item in list_conflicts(c)}
    assert held == {(item.field, item.other.value) for item in list_conflicts(writer)}
    for ws in (a, b, c):
        sync.sync_now(ws)
    assert visible(a) == visible(b) == visible(c)
    assert visible(c)["resident"][resident]["notes"] == "딸과 사심, 주 1회"


@pytest.mark.parametrize("deleted_last", [False, True], ids=["edited_last", "deleted_last"])
def test_a_laptop_back_through_a_snapshot_meets_a_delete_as_a_bundle_would_have(
    new_laptop: MakeLaptop, share: Path, monkeypatch: pytest.MonkeyPatch, deleted_last: bool
) -> None:
    """A deletes a resident while C, away, edits it. C comes back through a snapshot that
    holds A's tombstone, the real stores on both sides. An edit newer than the delete keeps
    the record and raises an edit-after-delete conflict for a person, on every laptop; a
    delete newer than the edit wins everywhere, quietly (sync/merge.py)."""
    from consultdesk.services.sync_conflicts import list_conflicts
    from consultdesk.sync.merge import ConflictKind

    monkeypatch.setattr(compaction, "AWAY_AFTER_BUNDLES", 2)
    a, b, c = three_laptops(new_laptop, share)
    resident = residents.save_resident(a, ResidentDraft(name="김순자", phone="010-0000-1111"))
    for ws in (a, b, c):
        sync.sync_now(ws)
    edit = ResidentDraft(name="김순자", phone="010-0000-2222")
    if deleted_last:
        residents.save_resident(c, edit, resident)  # C's edit, unsent, before the delete
        residents.delete_resident(a, resident)
    else:
        residents.delete_resident(a, resident)
        residents.save_resident(c, edit, resident)  # after it, on a laptop that has not seen it
    rounds([a, b], 6, "방문")  # A's delete is in a snapshot; its bundle is removed

    report = sync.sync_now(c)

    assert report.snapshot_read is not None and report.snapshot_read.rejoined
    for ws in (a, b, c, a, b):
        sync.sync_now(ws)
    assert visible(a) == visible(b) == visible(c)
    assert field_states(a) == field_states(b) == field_states(c)
    shown = resident in visible(c)["resident"]
    assert shown == (not deleted_last)
    for ws in (a, b, c):
        kinds = {(item.kind, item.requires_person) for item in list_conflicts(ws)}
        if deleted_last:
            assert kinds == set(), ws.device
        else:
            assert kinds == {(ConflictKind.EDIT_AFTER_DELETE, True)}, ws.device
            assert visible(ws)["resident"][resident]["phone"] == "010-0000-2222"
