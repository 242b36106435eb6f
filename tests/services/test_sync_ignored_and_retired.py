"""Files sync does not use are reported once, then listed; a lost laptop is retired."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import residents, sync, sync_files, team_devices
from consultdesk.services.team_devices import CannotRetireThisComputer, UnknownDevice
from consultdesk.sync.team import RETIRED_FOLDER, join_team
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    TEAM_PASSPHRASE,
    MakeLaptop,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
    visible,
)


def team_pair(new_laptop: MakeLaptop, share: Path):  # type: ignore[no-untyped-def]
    a, b = new_laptop("a"), new_laptop("b")
    team = start_team(a, share)
    join(b, share)
    residents.save_resident(a, ResidentDraft(name="김순자"))
    residents.save_resident(b, ResidentDraft(name="이영희"))
    for laptop in (a, b, a):
        sync.sync_now(laptop)
    return a, b, team.folder


def test_a_skipped_file_is_reported_once_then_listed_until_it_goes(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b, folder = team_pair(new_laptop, share)
    a_changes = folder / "devices" / a.device / "changes"
    (a_changes / "desktop.ini").write_text("[.ShellClassInfo]")
    (a_changes / "000001 (1).cdsync").write_bytes((a_changes / "000001.cdsync").read_bytes())
    first = sync.sync_now(b)
    assert {s.path.name for s in first.newly_skipped} == {"desktop.ini", "000001 (1).cdsync"}
    for _ in range(2):
        again = sync.sync_now(b)
        assert again.newly_skipped == [] and len(again.skipped) == 2
    listed = {(f.path, f.code) for f in sync_files.ignored_files(b)}
    assert listed == {
        (f"devices/{a.device}/changes/desktop.ini", "system_file"),
        (f"devices/{a.device}/changes/000001 (1).cdsync", "conflict_copy"),
    }
    # Not this laptop's folder: nothing there is for B to remove.
    assert not any(f.removable for f in sync_files.ignored_files(b))
    assert sync_files.remove_own_copies(b) == []
    assert (a_changes / "000001 (1).cdsync").exists()
    (a_changes / "desktop.ini").unlink()
    sync.sync_now(b)
    assert [f.code for f in sync_files.ignored_files(b)] == ["conflict_copy"]
    (a_changes / "desktop.ini").write_text("[.ShellClassInfo]")  # back: news again
    assert [s.path.name for s in sync.sync_now(b).newly_skipped] == ["desktop.ini"]


def test_removing_own_copies_deletes_only_identical_or_unreadable_duplicates(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b, folder = team_pair(new_laptop, share)
    own = folder / "devices" / a.device / "changes"
    other = folder / "devices" / b.device / "changes"
    bundle = (own / "000001.cdsync").read_bytes()
    identical = own / "000001 (1).cdsync"
    syncthing_copy = own / "000001.sync-conflict-20261202-041500-7JQ2XKA.cdsync"
    damaged = own / "000001 (conflicted copy 2026-12-02).cdsync"
    no_original = own / "000009 (1).cdsync"  # a copy of a bundle that is not there: kept
    strangers = own / "notes (1).txt"
    wide = own / "０００００１ (1).cdsync"  # full-width digits: not a name a sync client copies
    for path, data in (
        (identical, bundle), (syncthing_copy, bundle), (damaged, bundle[:-40]),
        (no_original, bundle), (strangers, b"mine"), (wide, b"mine"),
    ):  # fmt: skip
        path.write_bytes(data)
    # A copy that opens under the team key but differs could hold edits: kept.
    team = join_team(folder, TEAM_PASSPHRASE)
    from consultdesk.sync.bundle import GENESIS_HASH, encode_bundle

    different = own / "000001 (2).cdsync"
    different.write_bytes(encode_bundle(team.key, team.team_id, a.device, 1, GENESIS_HASH, []))
    # The same names in another laptop's folder are never touched.
    other_copy = other / "000001 (1).cdsync"
    other_copy.write_bytes((other / "000001.cdsync").read_bytes())

    sync.sync_now(a)
    removable = {f.path.rsplit("/", 1)[1] for f in sync_files.ignored_files(a) if f.removable}
    assert removable == {identical.name, syncthing_copy.name, damaged.name}
    removed = sync_files.remove_own_copies(a)
    assert sorted(p.rsplit("/", 1)[1] for p in removed) == sorted(removable)
    for gone in (identical, syncthing_copy, damaged):
        assert not gone.exists()
    for kept in (no_original, strangers, wide, different, other_copy, own / "000001.cdsync"):
        assert kept.exists()
    assert not any(f.removable for f in sync_files.ignored_files(a))
    assert {p for p in removed} & {f.path for f in sync_files.ignored_files(a)} == set()
    before = visible(b)
    sync.sync_now(b)
    assert visible(b) == before


def test_a_retired_laptop_keeps_its_changes_and_nobody_waits_for_it(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b, folder = team_pair(new_laptop, share)
    c = new_laptop("c")
    join(c, share)
    residents.save_resident(c, ResidentDraft(name="박정자"))
    sync.sync_now(c)
    sync.sync_now(a)
    sync.sync_now(b)
    c_changes = folder / "devices" / c.device / "changes"
    # C is lost: its next bundle never fully arrives, and its folder then vanishes from B's view.
    (c_changes / "000003.cdsync").write_bytes(b"CDSYNC")
    assert any(w.device_id == c.device for w in sync.sync_now(b).waiting)
    with pytest.raises(CannotRetireThisComputer):
        team_devices.retire_device(a, a.device)
    with pytest.raises(UnknownDevice):
        team_devices.retire_device(a, "ffffffff")
    retired = team_devices.retire_device(a, c.device[-8:])  # as the sync screen shows it
    assert retired.device_id == c.device and retired.retired is not None
    assert retired.retired.retired_by == a.device and retired.imported_up_to == 1
    [note] = (folder / RETIRED_FOLDER).iterdir()
    assert note.name == f"{c.device}.cdretired" and b"retired_by" not in note.read_bytes()
    assert "박정자".encode() not in note.read_bytes()
    # B learns it from the team folder: no more waiting, no "folder missing".
    report = sync.sync_now(b)
    assert all(w.device_id != c.device for w in report.waiting)
    for path in c_changes.iterdir():
        path.unlink()
    report = sync.sync_now(b)
    assert c.device not in report.missing_devices
    names = {r["name"] for r in visible(b)["resident"].values()}
    assert "박정자" in names  # its changes stay applied
    devices = {d.device_id: d for d in team_devices.team_devices(b)}
    assert devices[c.device].retired is not None and devices[a.device].retired is None
    assert team_devices.team_devices(b)[0].this_computer


def test_a_forged_or_moved_retirement_note_retires_nobody(
    new_laptop: MakeLaptop, share: Path
) -> None:
    a, b, folder = team_pair(new_laptop, share)
    team_devices.retire_device(a, b.device)
    notes = folder / RETIRED_FOLDER
    [note] = notes.iterdir()
    # Renamed onto another laptop: its associated data no longer matches.
    note.rename(notes / f"{a.device}.cdretired")
    (notes / f"{'e' * 32}.cdretired").write_text("bm90IGEgbm90ZQ==")
    assert all(d.retired is None for d in team_devices.team_devices(b))
