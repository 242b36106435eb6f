"""The shared-folder transport with real files in real folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from consultdesk.sync import folder as transport
from consultdesk.sync.bundle import GENESIS_HASH, encode_bundle
from consultdesk.sync.errors import BundleExists, BundleWriteFailed, ShareUnavailable
from consultdesk.sync.folder import bundle_name, classify_foreign, scan, write_bundle
from consultdesk.sync.team import Team, register_device
from tests.sync.laptops import make_team

ME, OTHER, THIRD = "laptopA0", "laptopB0", "laptopC0"


@pytest.fixture
def team(tmp_path: Path) -> Team:
    team = make_team(tmp_path / "share")
    for device in (ME, OTHER, THIRD):
        register_device(team, device)
    return team


def put(team: Team, device: str, *seqs: int) -> None:
    # Real (empty) bundles: a file beyond a gap is looked at, and must have a bundle's header.
    for seq in seqs:
        previous = GENESIS_HASH if seq == 1 else "1" * 64
        data = encode_bundle(team.key, team.team_id, device, seq, previous, [])
        (team.changes_folder(device) / bundle_name(seq)).write_bytes(data)


def test_bundle_names_are_zero_padded_so_they_sort() -> None:
    assert bundle_name(1) == "000001.cdsync"
    assert sorted(bundle_name(n) for n in (10, 9, 100)) == [bundle_name(n) for n in (9, 10, 100)]
    assert bundle_name(1_234_567) == "1234567.cdsync"


def test_only_ascii_digits_name_a_bundle_of_ours(team: Team) -> None:
    """A file named with full-width digits (０００００９.cdsync, which int() reads as 9) is not our
    bundle 9: counting it, the next bundle would be 10 and the others would wait for 4 to 9."""
    put(team, ME, 1, 2, 3)
    device_dir = team.changes_folder(ME)
    (device_dir / "０００００９.cdsync").write_bytes(b"not a bundle of ours")
    assert transport.highest_own_seq(device_dir) == 3
    assert transport.bundle_file_seq("０００００９.cdsync") is None


def test_a_bundle_is_written_under_its_final_name_with_no_temporary_left(team: Team) -> None:
    device_dir = team.changes_folder(ME)
    path = write_bundle(device_dir, 1, b"sealed bytes")
    assert path == device_dir / "000001.cdsync"
    assert path.read_bytes() == b"sealed bytes"
    assert os.listdir(device_dir) == ["000001.cdsync"]


def test_a_bundle_is_never_overwritten(team: Team) -> None:
    device_dir = team.changes_folder(ME)
    write_bundle(device_dir, 1, b"first")
    with pytest.raises(BundleExists) as caught:
        write_bundle(device_dir, 1, b"second")
    assert caught.value.code == "bundle_exists"
    assert (device_dir / "000001.cdsync").read_bytes() == b"first"


def test_a_windows_sharing_violation_is_retried(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_rename = os.rename
    failures = [PermissionError(32, "being used by another process")] * 2

    def flaky_rename(source: str | Path, target: str | Path) -> None:
        if failures:
            raise failures.pop()
        real_rename(source, target)

    monkeypatch.setattr(transport.os, "rename", flaky_rename)
    waits: list[float] = []
    path = write_bundle(team.changes_folder(ME), 1, b"data", sleep=waits.append)
    assert path.read_bytes() == b"data"
    assert len(waits) == 2


def test_a_lasting_sharing_violation_fails_cleanly(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(source: str | Path, target: str | Path) -> None:
        raise PermissionError(32, "being used by another process")

    monkeypatch.setattr(transport.os, "rename", locked)
    with pytest.raises(BundleWriteFailed):
        write_bundle(team.changes_folder(ME), 1, b"data", sleep=lambda seconds: None)
    assert os.listdir(team.changes_folder(ME)) == []


def test_scan_lists_other_devices_in_seq_order_and_not_our_own(team: Team) -> None:
    put(team, ME, 1, 2)
    put(team, OTHER, 3, 1, 2)
    put(team, THIRD, 1)
    found = scan(team.folder, ME, {})
    assert {device: [f.seq for f in files] for device, files in found.pending.items()} == {
        OTHER: [1, 2, 3],
        THIRD: [1],
    }
    assert found.skipped == [] and found.waiting == []


def test_scan_skips_what_the_ledger_already_holds(team: Team) -> None:
    put(team, OTHER, 1, 2, 3)
    found = scan(team.folder, ME, {OTHER: 2})
    assert [f.seq for f in found.pending[OTHER]] == [3]
    assert scan(team.folder, ME, {OTHER: 3}).pending == {}


def test_a_gap_stops_a_device_before_the_missing_bundle(team: Team) -> None:
    put(team, OTHER, 1, 2, 3, 4, 5, 6, 8, 9)
    found = scan(team.folder, ME, {OTHER: 2})
    assert [f.seq for f in found.pending[OTHER]] == [3, 4, 5, 6]
    [waiting] = found.waiting
    assert (waiting.device_id, waiting.imported_up_to, waiting.missing_seq) == (OTHER, 6, 7)
    put(team, OTHER, 7)
    found = scan(team.folder, ME, {OTHER: 6})
    assert [f.seq for f in found.pending[OTHER]] == [7, 8, 9]
    assert found.waiting == []


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("desktop.ini", "system_file"),
        (".DS_Store", "system_file"),
        ("Thumbs.db", "system_file"),
        ("._000001.cdsync", "system_file"),
        ("000001 (1).cdsync", "conflict_copy"),
        ("000001.sync-conflict-20261121-101010-ABCDEF.cdsync", "conflict_copy"),
        ("000001 (Kim's conflicted copy 2026-11-21).cdsync", "conflict_copy"),
        (".000002.cdsync.tmp", "partial_file"),
        (".syncthing.000002.cdsync.tmp", "partial_file"),
        ("000002.cdsync.part", "partial_file"),
        ("~$notes.docx", "partial_file"),
        ("1.cdsync", "unknown_file"),
        ("0000001.cdsync", "unknown_file"),
        ("notes.txt", "unknown_file"),
    ],
)
def test_files_we_did_not_write_are_ignored_and_reported(team: Team, name: str, code: str) -> None:
    put(team, OTHER, 1)
    (team.changes_folder(OTHER) / name).write_bytes(b"x")
    found = scan(team.folder, ME, {})
    assert [f.seq for f in found.pending[OTHER]] == [1]
    assert [(s.path.name, s.code) for s in found.skipped] == [(name, code)]
    assert classify_foreign(name) == code or name in ("1.cdsync", "0000001.cdsync")


def test_unknown_folders_and_stray_files_in_the_team_folder_are_reported(team: Team) -> None:
    (team.folder / "devices" / "desktop.ini").write_text("x")
    (team.folder / "devices" / "New folder").mkdir()
    (team.folder / "devices" / OTHER / "backup").mkdir()
    found = scan(team.folder, ME, {})
    assert sorted((s.path.name, s.code) for s in found.skipped) == [
        ("New folder", "unknown_folder"),
        ("backup", "unknown_folder"),
        ("desktop.ini", "system_file"),
    ]


def test_a_missing_team_folder_is_share_unavailable(team: Team, tmp_path: Path) -> None:
    with pytest.raises(ShareUnavailable) as caught:
        scan(tmp_path / "unplugged" / "ConsultDesk" / team.team_id, ME, {})
    assert caught.value.code == "share_unavailable"
    assert "unplugged" in caught.value.message


def test_a_team_folder_that_looks_empty_is_share_unavailable(team: Team) -> None:
    # A disconnected drive shown as an empty folder must not look like "no bundles".
    (team.folder / "team.json").unlink()
    with pytest.raises(ShareUnavailable):
        scan(team.folder, ME, {OTHER: 3})


def test_a_device_folder_that_vanished_is_reported_not_acted_on(team: Team) -> None:
    put(team, OTHER, 1, 2)
    found = scan(team.folder, ME, {OTHER: 2, "laptopZ0": 4, THIRD: 5})
    assert found.missing_devices == [THIRD, "laptopZ0"]  # C emptied, Z gone
    assert found.pending == {}
