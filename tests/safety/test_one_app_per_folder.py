"""One app per data folder (issue 12): while one process has the folder open, a second app or
a writing headless command is refused with a clear message; a killed holder frees it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from consultdesk.services.workspace import Profile, Workspace
from consultdesk.storage.errors import FolderInUse

PASS = "folder lock passphrase"
ENV = {**os.environ, "CONSULTDESK_PASSPHRASE": PASS, "QT_QPA_PLATFORM": "offscreen"}
HOLDER = """
import sys
from pathlib import Path
from consultdesk.services.workspace import Workspace
ws = Workspace.unlock(Path(sys.argv[1]), sys.argv[2])
print("open", flush=True)
sys.stdin.read()
ws.close()
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    Workspace.create(folder, PASS, PASS, Profile("박약사")).close()
    return folder


@pytest.fixture
def other_app(data: Path):
    """Another process with the folder open, as the app keeps it."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data), PASS],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
    yield proc
    if proc.poll() is None:
        proc.communicate("")


def _sync(data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "consultdesk", "--data-dir", str(data), "sync"],
        capture_output=True,
        text=True,
        env=ENV,
        stdin=subprocess.DEVNULL,
    )


def test_a_second_opener_is_refused_while_another_process_has_the_folder(data, other_app):
    with pytest.raises(FolderInUse):
        Workspace.unlock(data, PASS)
    result = _sync(data)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "already open on" in result.stderr


def test_the_folder_is_free_again_when_the_holder_is_killed(data, other_app):
    other_app.send_signal(signal.SIGKILL)
    other_app.wait()
    Workspace.unlock(data, PASS).close()  # no stale lock


def test_one_process_may_open_its_folder_twice(data):
    first = Workspace.unlock(data, PASS)
    second = Workspace.unlock(data, PASS)
    second.close()
    first.close()
