"""Backups and restore (issue 12): a consistent encrypted copy, checked before anything is
replaced, the current database kept first, never over a newer one without asking, the daily
rotation, and sync converging after a restore without reusing a published sequence number."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import backup, residents, sync
from consultdesk.services.workspace import Profile, Workspace
from consultdesk.storage.errors import StorageError, WrongPassphrase
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    DB_PASSPHRASE,
    MakeLaptop,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
    visible,
)

PASS = "backup test passphrase"


def _names(ws: Workspace) -> set[str]:
    rows, _ = residents.search_residents(ws, "")
    return {r.name for r in rows}


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    ws = Workspace.create(data, PASS, PASS, Profile("박약사"))
    residents.save_resident(ws, ResidentDraft(name="김민수"))
    ws.close()
    return data


def test_a_backup_round_trip_refuses_a_newer_database_unless_asked(tmp_path):
    data = _data(tmp_path)
    ws = Workspace.unlock(data, PASS)
    try:
        copy = backup.backup_now(ws, tmp_path / "usb")
        residents.save_resident(ws, ResidentDraft(name="박민서"))  # after the backup
    finally:
        ws.close()
    assert oct(copy.stat().st_mode & 0o777) == "0o600"
    with pytest.raises(backup.BackupNewerDatabase):
        backup.restore(data, copy, PASS)
    ws = Workspace.unlock(data, PASS)
    try:
        assert _names(ws) == {"김민수", "박민서"}  # nothing was changed
    finally:
        ws.close()
    result = backup.restore(data, copy, PASS, force=True)
    ws = Workspace.unlock(data, PASS)
    try:
        assert _names(ws) == {"김민수"}
        assert ws.device == result.new_device
    finally:
        ws.close()
    assert result.kept_current is not None  # the replaced database, kept as a backup
    kept = Workspace.unlock(data, PASS)
    kept.close()
    assert copy.exists() and not list(data.glob("*.restoring*"))


def test_a_damaged_or_foreign_backup_changes_nothing(tmp_path):
    data = _data(tmp_path)
    ws = Workspace.unlock(data, PASS)
    try:
        copy = backup.backup_now(ws)
    finally:
        ws.close()
    with pytest.raises(WrongPassphrase):
        backup.restore(data, copy, "another passphrase")
    damaged = tmp_path / "damaged.db"
    raw = bytearray(copy.read_bytes())
    middle = len(raw) // 2
    raw[middle : middle + 64] = bytes(64)
    damaged.write_bytes(bytes(raw))
    with pytest.raises(StorageError):
        backup.restore(data, damaged, PASS, force=True)
    ws = Workspace.unlock(data, PASS)
    try:
        assert _names(ws) == {"김민수"}
    finally:
        ws.close()


def test_the_daily_backup_keeps_7_daily_and_4_weekly(workspace):
    first = date(2026, 9, 1)
    for n in range(40):
        assert backup.auto_backup(workspace, first + timedelta(days=n)) is not None
    assert backup.auto_backup(workspace, first + timedelta(days=39)) is None  # once a day
    folder = backup.backup_folder(workspace.data_dir)
    daily = sorted(p.name for p in folder.glob("daily-*.db"))
    weekly = sorted(p.name for p in folder.glob("weekly-*.db"))
    assert daily == [f"daily-{first + timedelta(days=n)}.db" for n in range(33, 40)]
    assert len(weekly) == 4 and weekly[-1] == "weekly-2026-W41.db"


def test_after_a_restore_sync_converges_and_reuses_no_sequence_number(
    new_laptop: MakeLaptop, share: Path, tmp_path: Path
):
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    residents.save_resident(a, ResidentDraft(name="첫째"))
    sync.sync_now(a)
    copy = backup.backup_now(a, tmp_path / "usb")
    residents.save_resident(a, ResidentDraft(name="둘째"))  # sent, then lost by the restore
    sync.sync_now(a)
    data_a = a.data_dir
    a.close()
    backup.restore(data_a, copy, DB_PASSPHRASE, force=True)
    a = Workspace.unlock(data_a, DB_PASSPHRASE)
    try:
        assert _names(a) == {"첫째"}
        residents.save_resident(a, ResidentDraft(name="셋째"))
        report = sync.sync_now(a)  # no "bundle exists": nothing already published is reused
        assert report.export_error is None
        sync.sync_now(b)
        sync.sync_now(a)
        assert _names(a) == _names(b) == {"첫째", "둘째", "셋째"}
        assert visible(a) == visible(b)
    finally:
        a.close()


def test_backup_and_restore_on_the_command_line(tmp_path):
    data = _data(tmp_path)
    env = {**os.environ, "CONSULTDESK_PASSPHRASE": PASS}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "consultdesk", "--data-dir", str(data), *args],
            capture_output=True,
            text=True,
            env=env,
            stdin=subprocess.DEVNULL,
        )

    made = cli("backup", "--to", str(tmp_path / "usb"))
    assert made.returncode == 0, made.stderr
    copy = next((tmp_path / "usb").glob("consultdesk-*.db"))
    restored = cli("restore", str(copy))
    assert restored.returncode == 0, restored.stderr
    assert "kept as" in restored.stdout


def test_a_backup_from_before_a_passphrase_change_restores_with_its_own_passphrase(tmp_path):
    from consultdesk.services.passphrase_change import change_passphrase

    data = _data(tmp_path)
    kept = change_passphrase(data, PASS, "the new passphrase", "the new passphrase")
    with pytest.raises(backup.PassphraseDiffers):
        backup.restore(data, kept, PASS)  # cannot tell which is newer: asks first
    result = backup.restore(data, kept, PASS, force=True)
    ws = Workspace.unlock(data, PASS)  # the backup's passphrase now opens the data
    try:
        assert _names(ws) == {"김민수"}
    finally:
        ws.close()
    assert result.kept_current is not None
    replaced = tmp_path / "replaced"
    replaced.mkdir()
    result.kept_current.rename(replaced / "consultdesk.db")
    Workspace.unlock(replaced, "the new passphrase").close()  # kept under its own passphrase
