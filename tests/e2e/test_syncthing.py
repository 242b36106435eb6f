"""Two laptops, each with its own real Syncthing and its own copy of the team folder.

Nothing is faked between the app and the disk: real SQLCipher databases, the real services the
window calls, and two real Syncthing processes talking over 127.0.0.1 that carry the files in
their own order and at their own pace — temporary ``.syncthing.*.tmp`` files, gaps, a paused
folder, an instance that is stopped and started again. At the end both laptops must hold the
same residents, sessions and medicines, with every edit made on either of them, the one field
both changed kept as a conflict on both, and nothing applied from a file the app did not write.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from consultdesk.domain.consultation import MedicationRow
from consultdesk.domain.hlc import Hlc
from consultdesk.domain.ids import new_id
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consultations, residents, sync, sync_conflicts, sync_files
from consultdesk.services.workspace import Profile, Workspace
from consultdesk.sync.bundle import bundle_hash, encode_bundle
from consultdesk.sync.changes import Change
from consultdesk.sync.report import SyncReport
from consultdesk.sync.team import APP_FOLDER, join_team
from tests.consent_helpers import consent_to_health_info
from tests.e2e.syncthing_pair import SYNCTHING, Syncthing, in_step, wait_for
from tests.services.sync_laptops import field_states, visible

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SYNCTHING is None, reason="syncthing is not installed (system-deps.sh)"),
]

DB_PASS = "syncthing laptop passphrase"
TEAM_PASS = "syncthing 방문팀 2026"
VISIT = date(2026, 11, 20)
# A bundle well past the burst Syncthing's rate limiter lets through at once (512 KiB), so that
# under RECEIVE_KIB_S the receiving copy holds its .syncthing.*.tmp file for several seconds:
# long notes that do not compress.
BIG_BATCH = 70
BIG_NOTES_CHARS = 24_000
BIG_BUNDLE_BYTES = 1_000_000
RECEIVE_KIB_S = 64


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Syncthing, Syncthing]]:
    a, b = Syncthing(tmp_path, "a"), Syncthing(tmp_path, "b")
    try:
        a.start()
        b.start()
        for one, other in ((a, b), (b, a)):
            one.add_peer(other)
        for one, other in ((a, b), (b, a)):
            one.share_folder(other)
        wait_for(lambda: a.connected_to(b) and b.connected_to(a), "the two instances to meet")
        yield a, b
    finally:
        a.stop()
        b.stop()


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[tuple[Workspace, Workspace]]:
    made = [
        Workspace.create(tmp_path / name, DB_PASS, DB_PASS, Profile(f"{name} 약사"))
        for name in ("laptop-a", "laptop-b")
    ]
    try:
        yield made[0], made[1]
    finally:
        for ws in made:
            ws.close()


def add_residents(ws: Workspace, prefix: str, count: int, notes_chars: int = 0) -> list[str]:
    return [
        residents.save_resident(
            ws,
            ResidentDraft(
                name=f"{prefix} {n:03d}", notes=secrets.token_urlsafe(notes_chars)[:notes_chars]
            ),
        )
        for n in range(count)
    ]


def edit_notes(ws: Workspace, resident_id: str, notes: str) -> None:
    detail = residents.open_resident(ws, resident_id)
    assert detail is not None
    draft = residents.draft_from(detail)
    residents.save_resident(ws, replace(draft, notes=notes), resident_id)


def settle(a: Syncthing, b: Syncthing, ws_a: Workspace, ws_b: Workspace) -> None:
    """App syncs and Syncthing transfers until neither laptop has anything left to exchange."""
    for _ in range(6):
        in_step(a, b)
        reports = [sync.sync_now(ws_a), sync.sync_now(ws_b)]
        in_step(a, b)
        if all(r.bundles_written == 0 and r.bundles_read == 0 for r in reports):
            again = [sync.sync_now(ws_a), sync.sync_now(ws_b)]
            if all(r.nothing_new for r in again):
                return
    raise AssertionError("the laptops kept finding new bundles")


def skipped_codes(report: SyncReport) -> dict[str, str]:
    return {s.path.name: s.code for s in report.skipped}


def test_two_laptops_sync_through_real_syncthing(
    pair: tuple[Syncthing, Syncthing], laptops: tuple[Workspace, Workspace]
) -> None:
    st_a, st_b = pair
    ws_a, ws_b = laptops

    # Laptop A starts the team in its copy of the shared folder.
    kim = residents.save_resident(ws_a, ResidentDraft(name="김순자", notes="처음 메모"))
    consent_to_health_info(ws_a, kim)
    session = consultations.start_consultation(ws_a, kim, today=VISIT)
    data = consultations.open_consultation(ws_a, session)
    medicines = (
        MedicationRow(id=new_id(), name_as_found="노바스크정", strength="5mg", morning="1"),
        MedicationRow(id=new_id(), name_as_found="다이아벡스정", strength="500mg", evening="1"),
    )
    consultations.save_consultation(ws_a, replace(data, medications=medicines, advice="물 충분히"))
    team = sync.create_team(ws_a, st_a.folder, "행복약국 방문팀", TEAM_PASS)
    assert sync.sync_now(ws_a).bundles_written == 1

    # Syncthing carries it; laptop B joins from ITS copy, picking the ConsultDesk folder.
    files = in_step(st_a, st_b)
    assert f"{APP_FOLDER}/{team.team_id}/team.json" in files
    joined = sync.join_team(ws_b, st_b.folder / APP_FOLDER, TEAM_PASS)
    assert joined.team_id == team.team_id and joined.folder.is_relative_to(st_b.folder)
    lee = residents.save_resident(ws_b, ResidentDraft(name="이영희"))
    first_b = sync.sync_now(ws_b)
    assert first_b.bundles_read == 1 and first_b.bundles_written == 1
    assert residents.open_resident(ws_b, kim) is not None
    # A learns of B (its seen file) before writing more. A laptop that cannot see B's folder yet
    # takes itself for the only one and may remove bundles B has not read; B then catches up
    # from A's snapshot instead (tests/sync/test_sync_compaction.py), and would never meet the
    # temporary file this part of the test is about.
    in_step(st_a, st_b)
    assert sync.sync_now(ws_a).bundles_read == 1

    # Many bundles while Syncthing trickles them across, with the app syncing all along.
    st_b.limit_receiving(RECEIVE_KIB_S)  # loopback included
    made_a = []
    for batch in range(6):
        made_a += add_residents(ws_a, f"A{batch}", 8)
        assert sync.sync_now(ws_a).bundles_written == 1
    made_a += add_residents(ws_a, "A-big", BIG_BATCH, BIG_NOTES_CHARS)
    big = sync.sync_now(ws_a)
    assert big.bundles_written >= 1 and big.written[-1].path.stat().st_size > BIG_BUNDLE_BYTES
    big_name = big.written[-1].path.name
    b_view_of_a = joined.folder / "devices" / ws_a.device / "changes"  # A's folder, in B's copy
    st_a.scan()

    def partial_of_big() -> list[Path]:
        return [p for p in b_view_of_a.glob(".syncthing.*") if big_name in p.name]

    wait_for(partial_of_big, f"Syncthing's temporary file for {big_name} on laptop B", 60)
    while_arriving = sync.sync_now(ws_b)
    partial_names = {p.name for p in partial_of_big()}
    codes = skipped_codes(while_arriving)
    seen_partial = {name for name in partial_names if codes.get(name) == "partial_file"}
    assert seen_partial, (codes, partial_names, while_arriving.waiting)
    assert all(code == "partial_file" for name, code in codes.items() if ".syncthing." in name)

    def synced_until_all_arrived() -> bool:
        report = sync.sync_now(ws_b)  # the app keeps syncing while the files arrive
        assert set(skipped_codes(report).values()) <= {"partial_file"}, report.skipped
        return (b_view_of_a / big_name).exists()

    wait_for(synced_until_all_arrived, "A's bundles to reach laptop B", 120)
    st_b.limit_receiving(0)
    in_step(st_a, st_b)
    sync.sync_now(ws_b)
    assert set(made_a) <= set(visible(ws_b)["resident"])

    # Both change the same field while B's folder is paused: a conflict, kept on both laptops.
    st_b.set_paused(True)
    edit_notes(ws_a, kim, "A: 계단 많음")
    edit_notes(ws_b, kim, "B: 혼자 사심")
    residents.save_resident(ws_b, ResidentDraft(name="박정자"))
    sync.sync_now(ws_a)
    paused = sync.sync_now(ws_b)
    assert paused.bundles_read == 0  # nothing reaches a paused folder
    st_b.set_paused(False)
    in_step(st_a, st_b)  # the paused folder catches up once resumed
    assert sync.sync_now(ws_b).bundles_read == 1
    sync.sync_now(ws_a)
    in_step(st_a, st_b)

    # B's Syncthing stops (laptop closed); both keep working; it starts again.
    st_b.stop()
    edit_notes(ws_a, lee, "A가 본 이영희")
    new_in_b = residents.save_resident(ws_b, ResidentDraft(name="최말순"))
    sync.sync_now(ws_a)
    assert sync.sync_now(ws_b).bundles_read == 0
    st_b.start()
    wait_for(lambda: st_a.connected_to(st_b) and st_b.connected_to(st_a), "reconnecting")
    # B's copy of A's folder takes A's bundle of a moment ago before the copies below are made
    # from what B holds: made from an older one, the duplicate's original was A's to remove
    # once B had read the newer one, and the duplicate no longer had a bundle beside it (the
    # whole suite under load, 7 December).
    in_step(st_a, st_b)

    # A copy the sync client made of one of A's bundles, named as Syncthing names its conflict
    # copies: a well-formed bundle, encrypted under the team key and chained to A's oldest
    # bundle still in the folder, with an edit newer than any other — only its name says it is
    # not A's next bundle.
    key = join_team(joined.folder, TEAM_PASS).key
    newest = Hlc(int(time.time() * 1000) + 60_000, 0, ws_a.device)
    foreign = Change("resident", lee, "notes", "FOREIGN", str(newest), ws_a.device, None)
    # (A removes its bundles once every laptop has them, so take the ones still there.)
    kept = sorted(p for p in b_view_of_a.glob("[0-9]*.cdsync") if p.stem.isdigit())
    oldest, newest_kept = kept[0], kept[-1]
    seq = int(oldest.stem) + 1
    previous = bundle_hash(oldest.read_bytes())
    planted = b_view_of_a / f"{seq:06d}.sync-conflict-20261202-041500-7JQ2XKA.cdsync"
    planted.write_bytes(encode_bundle(key, team.team_id, ws_a.device, seq, previous, [foreign]))
    # Syncthing's own temporary name for a file still arriving, named like A's next bundle.
    stray = b_view_of_a / ".syncthing.000099.cdsync.tmp"
    stray.write_bytes(b"CDSYNC\x00")

    # And a byte-identical copy of A's newest bundle, as Syncthing names the loser of a conflict.
    duplicate = b_view_of_a / f"{newest_kept.stem}.sync-conflict-20261202-041501-7JQ2XKA.cdsync"
    duplicate.write_bytes(newest_kept.read_bytes())

    settle(st_a, st_b, ws_a, ws_b)
    final_b = sync.sync_now(ws_b)
    codes = skipped_codes(final_b)
    assert codes.get(planted.name) == "conflict_copy"
    assert codes.get(stray.name) == "partial_file"
    assert final_b.newly_skipped == []  # each was reported once, by an earlier sync
    ignored_b = {f.path.rsplit("/", 1)[1]: f for f in sync_files.ignored_files(ws_b)}
    assert {planted.name, stray.name, duplicate.name} <= set(ignored_b)
    assert not any(f.removable for f in ignored_b.values())  # not B's folder

    # A cleans up its own folder: only the identical copy goes; Syncthing carries the deletion.
    ignored_a = {f.path.rsplit("/", 1)[1]: f for f in sync_files.ignored_files(ws_a)}
    assert ignored_a[duplicate.name].removable and not ignored_a[planted.name].removable
    assert [p.rsplit("/", 1)[1] for p in sync_files.remove_own_copies(ws_a)] == [duplicate.name]
    st_a.scan()
    wait_for(lambda: not duplicate.exists(), "the deletion to reach laptop B")
    assert planted.exists()
    settle(st_a, st_b, ws_a, ws_b)

    # The same end state on both laptops, with every edit in it.
    assert visible(ws_a) == visible(ws_b)
    assert field_states(ws_a) == field_states(ws_b)
    state = visible(ws_a)
    names = {row["name"] for row in state["resident"].values()}
    assert {"김순자", "이영희", "박정자", "최말순"} <= names
    assert all(r in state["resident"] for r in [*made_a, kim, lee, new_in_b])
    assert len(state["resident"]) == 4 + len(made_a)
    assert {m["name_as_found"] for m in state["medication_entry"].values()} == {
        "노바스크정",
        "다이아벡스정",
    }
    assert [c["advice"] for c in state["consultation"].values()] == ["물 충분히"]
    assert state["resident"][lee]["notes"] == "A가 본 이영희"  # not "FOREIGN"
    assert "FOREIGN" not in repr(state)
    for ws in (ws_a, ws_b):
        [conflict] = [c for c in sync_conflicts.list_conflicts(ws) if c.record_id == kim]
        assert conflict.field == "notes"
        assert {conflict.kept.value, conflict.other.value} == {"A: 계단 많음", "B: 혼자 사심"}
        assert state["resident"][kim]["notes"] == conflict.kept.value
