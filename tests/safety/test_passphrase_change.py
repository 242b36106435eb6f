"""Passphrase change (issue 12): a backup first, then SQLCipher's rekey; a process killed at
any moment of the change leaves the old or the new passphrase working, never neither, and
nothing lost."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from consultdesk.demo import fill_demo
from consultdesk.domain.problems import ValidationFailed
from consultdesk.services import residents
from consultdesk.services.passphrase_change import change_passphrase
from consultdesk.services.workspace import Profile, Workspace
from consultdesk.storage.errors import WrongPassphrase

OLD = "old passphrase 1"
NEW = "새 암호문 2026 봄"
RESIDENTS = 600


@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("prepared") / "data"
    Workspace.create(
        data, OLD, OLD, Profile("박약사"), fill=lambda ws: fill_demo(ws, residents=RESIDENTS)
    ).close()
    return data


def _copy(prepared: Path, target: Path) -> Path:
    shutil.copytree(prepared, target)
    return target


def _which_opens(data: Path) -> list[str]:
    opened = []
    for name, passphrase in (("old", OLD), ("new", NEW)):
        try:
            ws = Workspace.unlock(data, passphrase)
        except WrongPassphrase:
            continue
        try:
            assert residents.count_residents(ws) == RESIDENTS
        finally:
            ws.close()
        opened.append(name)
    return opened


def test_the_passphrase_changes_after_a_backup_with_the_old_one(prepared, tmp_path):
    data = _copy(prepared, tmp_path / "data")
    kept = change_passphrase(data, OLD, NEW, NEW)
    assert _which_opens(data) == ["new"]
    ws = Workspace.unlock(kept.parent.parent, NEW)  # the data folder, not the backup
    ws.close()
    shutil.copy(kept, tmp_path / "restored.db")
    restored = tmp_path / "restored"
    restored.mkdir()
    shutil.move(tmp_path / "restored.db", restored / "consultdesk.db")
    assert _which_opens(restored) == ["old"]  # the backup keeps the old passphrase


def test_a_wrong_or_weak_passphrase_changes_nothing(prepared, tmp_path):
    data = _copy(prepared, tmp_path / "data")
    with pytest.raises(WrongPassphrase):
        change_passphrase(data, "not the passphrase", NEW, NEW)
    with pytest.raises(ValidationFailed):
        change_passphrase(data, OLD, "short", "short")
    with pytest.raises(ValidationFailed):
        change_passphrase(data, OLD, NEW, NEW + "x")
    assert _which_opens(data) == ["old"]


# The delays span the change on this machine: the earliest kills leave the old passphrase,
# the latest the new one, the ones between land inside the rekey. (With the rekey made
# non-transactional, journal_mode OFF, a kill inside it left a database neither opened.)
@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.1, 0.4, 0.5, 0.6, 0.8, 1.0, 1.5])
def test_a_change_killed_mid_rekey_leaves_one_passphrase_working(prepared, tmp_path, delay):
    data = _copy(prepared, tmp_path / "data")
    env = {**os.environ, "CONSULTDESK_PASSPHRASE": OLD, "CONSULTDESK_NEW_PASSPHRASE": NEW}
    with subprocess.Popen(  # the block closes the pipes after the kill
        [sys.executable, "-m", "consultdesk", "--data-dir", str(data), "change-passphrase"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    ) as proc:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert "Changing the passphrase" in line, proc.stderr.read() if proc.stderr else line
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert len(_which_opens(data)) == 1
