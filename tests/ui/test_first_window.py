"""The first window a pharmacist sees appears before the heavy part of the app has loaded.

The unlock window (and the set-up window on a new laptop) needs only Qt. The database layer,
the PDF library and the sync cryptography load in the background while the passphrase is typed
(ui/preload.py). These tests start the real program, let it report what was imported when that
window was first painted, and require none of those libraries by then. `make bench` times the
same start against a bare Qt dialog (first_window_ratio).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from consultdesk.services.workspace import Profile, Workspace
from consultdesk.ui.app import DEFERRED_MODULES
from tests.python_process import run_python

PASS = "first window passphrase"


def _first_window(data_dir: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("CONSULTDESK_PASSPHRASE", None)
    done = subprocess.run(
        [sys.executable, "-m", "consultdesk", "--data-dir", str(data_dir), "--bench-first-window"],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    assert "first_window_seconds" in report, done.stdout + done.stderr
    return report


def test_the_unlock_window_is_painted_before_the_database_layer_loads(tmp_path: Path) -> None:
    data = tmp_path / "data"
    Workspace.create(data, PASS, PASS, Profile("첫창 약사")).close()
    report = _first_window(data)
    assert report["deferred_loaded"] == "", report


def test_the_set_up_window_is_painted_before_the_database_layer_loads(tmp_path: Path) -> None:
    data = tmp_path / "new"
    report = _first_window(data)
    assert report["deferred_loaded"] == "", report
    assert not data.joinpath("consultdesk.db").exists()  # showing it created nothing


@pytest.mark.parametrize("name", DEFERRED_MODULES)
def test_each_deferred_library_is_one_the_app_really_uses(name: str) -> None:
    # The list is only a guard if every name on it is a real module the app loads later.
    import importlib.util

    assert importlib.util.find_spec(name) is not None


# Libraries only a rarely used export needs: the background load that runs while the
# pharmacist types the passphrase must not spend its time on them.
EXPORT_ONLY = ("openpyxl",)


def _python(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` run in a new process, off screen."""
    return run_python(code, check=True, QT_QPA_PLATFORM="offscreen")


def test_the_background_load_leaves_the_export_only_libraries_out() -> None:
    code = (
        "import sys\n"
        "from consultdesk.ui import preload\n"
        "preload.start(); preload.wait()\n"
        f"print(','.join(m for m in {EXPORT_ONLY!r} if m in sys.modules))\n"
        "print('consultdesk.reports.measures_tables' in sys.modules)\n"
    )
    done = _python(code)
    # The load ran (it imported the module that writes workbooks) and left openpyxl out.
    assert done.stdout.splitlines() == ["", "True"]


def test_while_the_passphrase_is_typed_the_screens_load_and_the_mappings_are_set_up() -> None:
    # What the main window needs once the passphrase is accepted: no import and no ORM set-up
    # left for that moment (make bench: unlock_to_usable_list_10k_ms).
    code = (
        "import sys, time\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from consultdesk.ui import preload\n"
        "print('consultdesk.ui.main_window' in sys.modules)\n"
        "preload.load_screens()\n"
        "deadline = time.monotonic() + 60\n"
        "while not preload.screens_loaded() and time.monotonic() < deadline:\n"
        "    app.processEvents()\n"
        "print(preload.screens_loaded(), 'consultdesk.ui.main_window' in sys.modules)\n"
        "from consultdesk.storage.models import Resident\n"
        "print(Resident.__mapper__.configured)\n"
    )
    done = _python(code)
    assert done.stdout.split() == ["False", "True", "True", "True"], done.stderr


def test_opening_the_window_in_korean_reads_no_command_line_catalogue() -> None:
    # The command line builds its parser on every start, the window's too; its help texts are
    # translated when help is shown, so the Korean catalogue (8 ms a start) is read only then.
    code = (
        "import sys\n"
        "from consultdesk import cli\n"
        "cli.install_language('ko')\n"
        "cli.build_parser().parse_args(['--data-dir', 'somewhere'])\n"
        "print('xml.etree.ElementTree' in sys.modules)\n"
        "print(cli.translate('Cli', 'the pharmacist\\'s name'))\n"
    )
    done = _python(code)
    assert done.stdout.splitlines() == ["False", "약사 이름"], done.stderr
