"""Start and quit the real GUI process many times (offscreen): it opens the database, shows
the main window with its background work (flag rules, catalog, sync status) and quits at
once. No run may abort, and nothing may reach the error log (issue 12: one quick quit in 30
died by a signal, 19 of 30 logged "Signal source has been deleted" from ui/tasks.py).

CONSULTDESK_QUIT_CYCLES sets the number of runs (default 12, two processes at a time on two
data folders); the issue's check is 100.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from consultdesk.demo import fill_demo
from consultdesk.services.workspace import Profile, Workspace

PASS = "quit cycle passphrase"
CYCLES = int(os.environ.get("CONSULTDESK_QUIT_CYCLES", "12"))


def _start_and_quit(data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CONSULTDESK_PASSPHRASE": PASS, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-X", "faulthandler", "-m", "consultdesk"]
    return subprocess.run(
        [*command, "--data-dir", str(data), "--bench-startup"],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.mark.slow
def test_many_quick_start_quit_cycles_never_abort_or_log_an_error(tmp_path):
    folders = []
    for n in range(2):
        data = tmp_path / f"data{n}"
        Workspace.create(
            data, PASS, PASS, Profile("박약사"), fill=lambda ws: fill_demo(ws, residents=40)
        ).close()
        folders.append(data)

    def cycles(data: Path) -> list[subprocess.CompletedProcess[str]]:
        # One after the other on a folder: two apps never open the same folder.
        return [_start_and_quit(data) for _ in range(CYCLES // 2)]

    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = [run for batch in pool.map(cycles, folders) for run in batch]
    failed = [(r.returncode, r.stderr[-2000:]) for r in runs if r.returncode != 0]
    assert failed == [], failed
    assert all("Traceback" not in r.stderr for r in runs)
    for data in folders:
        log = (data / "logs" / "consultdesk.log").read_text(encoding="utf-8")
        problems = [line for line in log.splitlines() if " ERROR " in line or " WARNING " in line]
        assert problems == [], log[-3000:]
        assert (data / "logs" / "faults.log").read_text(encoding="utf-8") == ""
