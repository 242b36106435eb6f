"""Kill a real app process in the middle of a consultation; nothing typed is lost and the next
start offers the draft back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consultations as svc
from consultdesk.services.residents import save_resident
from consultdesk.services.workspace import Profile, Workspace
from consultdesk.storage import consultations_repo
from consultdesk.storage.database import open_database
from tests.consent_helpers import consent_to_health_info
from tests.e2e.editing_process import ADVICE, MEDICINES

PASSPHRASE = "kill test passphrase"
CHILD = Path(__file__).with_name("editing_process.py")


def wait_for(condition, timeout: float = 20.0) -> bool:
    """Poll a condition on the database the other process writes (not a fixed sleep)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def prepared(tmp_path):
    data = tmp_path / "data"
    ws = Workspace.create(data, PASSPHRASE, PASSPHRASE, Profile("박약사"))
    resident = save_resident(ws, ResidentDraft(name="홍길동", birth_date="1944-03-02"))
    consent_to_health_info(ws, resident)
    consultation = svc.start_consultation(ws, resident, today=date(2026, 11, 20))
    ws.close()
    return data, consultation


def test_a_killed_app_loses_nothing_and_offers_the_draft_back(prepared, qtbot, monkeypatch):
    data, consultation = prepared
    env = {**os.environ, "CONSULTDESK_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = os.pathsep.join([str(Path.cwd()), env.get("PYTHONPATH", "")])
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(data), consultation],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "EDITED", child.stderr.read() if child.stderr else line
        # The app holds the data folder (one app per folder), so the test peeks at the
        # database file itself, read-only, rather than opening a second workspace.
        db = open_database(Workspace.database_path(data), PASSPHRASE)
        try:

            def typed_text_is_stored() -> bool:
                with db.session(read_only=True) as s:
                    saved = consultations_repo.load(s, consultation)
                return saved is not None and saved.advice == ADVICE

            # Autosave writes within about a second; the app is never told to save.
            assert wait_for(typed_text_is_stored)
        finally:
            db.close()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    ws = Workspace.unlock(data, PASSPHRASE)
    try:
        saved = svc.load_consultation(ws, consultation)
        assert [m.name_as_found for m in saved.medications] == list(MEDICINES)
        assert all(m.morning == "1" for m in saved.medications)
        offer = svc.draft_to_recover(ws)
        assert offer is not None and offer.consultation_id == consultation
        assert offer.resident_name == "홍길동"

        from consultdesk.ui import i18n
        from consultdesk.ui.app import make_application
        from consultdesk.ui.consultation_editor import RecoverPrompt
        from consultdesk.ui.main_window import MainWindow

        make_application()
        i18n.install("ko")
        asked = []
        monkeypatch.setattr(
            RecoverPrompt, "ask", classmethod(lambda cls, o, parent: asked.append(o) or True)
        )
        window = MainWindow(ws)
        qtbot.addWidget(window)
        window.offer_recovery()
        assert asked and window.stack.currentWidget() is window.editor
        assert window.editor.advice.toPlainText() == ADVICE
        assert window.editor.medications.rowCount() == len(MEDICINES)
        assert window.editor.close_consultation()
    finally:
        ws.close()
