"""A second ConsultDesk window on a data folder another process has open is refused with a
translated message before any dialog (issue 12)."""

from __future__ import annotations

import os
import subprocess
import sys

from consultdesk.services.workspace import Profile, Workspace
from consultdesk.storage import folder_lock
from consultdesk.ui import app
from consultdesk.ui.messages import message_for

PASS = "second instance passphrase"
HOLDER = """
import sys
from pathlib import Path
from consultdesk.services.workspace import Workspace
ws = Workspace.unlock(Path(sys.argv[1]), sys.argv[2])
print("open", flush=True)
sys.stdin.read()
"""


def test_a_second_app_on_an_open_folder_is_refused_with_a_message(tmp_path, monkeypatch):
    data = tmp_path / "data"
    Workspace.create(data, PASS, PASS, Profile("박약사")).close()
    shown: list[str] = []
    monkeypatch.setattr(app.FolderInUseDialog, "show", staticmethod(shown.append))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data), PASS],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        assert app.claim_data_folder(data) is False
    finally:
        holder.communicate("")
    assert shown == [message_for("folder_in_use", {"path": str(data.resolve())})]
    assert app.claim_data_folder(data) is True  # the other app has quit
    folder_lock.release(data)
