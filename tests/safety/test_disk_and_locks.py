"""Disk full, a bad --out, a write lock held by another process, and what an error chain may
carry (issue 12): each a clear message, never a traceback or a resident's data in the log."""

from __future__ import annotations

import os
import subprocess
import sys
import traceback
from dataclasses import replace
from pathlib import Path

import pytest

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consultations, documents, residents
from consultdesk.services.workspace import Profile, Workspace
from consultdesk.storage import database
from consultdesk.storage.errors import DatabaseBusy, DiskFull
from consultdesk.ui.messages import error_text, message_for
from tests.disk_full import disk_full
from tests.full_disk_mount import full_disk  # noqa: F401  (fixture)
from tests.safety.helpers import resident_for_consultations

PASS = "disk test passphrase"
NAME, PHONE, NOTES = "김순자", "010-2468-1357", "계단 위 반지하, 혼자 지냄"


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CONSULTDESK_PASSPHRASE": PASS, "QT_QPA_PLATFORM": "offscreen"}
    why = ["--reason", "본인 제공"] if args[0] == "export" else []  # a download's reason
    return subprocess.run(
        [sys.executable, "-m", "consultdesk", "--data-dir", str(data), *args, *why],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def _workspace_with_a_consultation(data: Path) -> str:
    ws = Workspace.create(data, PASS, PASS, Profile("박약사"))
    try:
        rid = resident_for_consultations(ws, ResidentDraft(name=NAME, phone=PHONE, notes=NOTES))
        cid = consultations.start_consultation(ws, rid)
        data_ = consultations.open_consultation(ws, cid)
        consultations.save_consultation(ws, replace(data_, advice="물을 충분히 드세요"))
    finally:
        ws.close()
    return rid


def test_with_no_byte_free_a_command_says_the_disk_is_full(full_disk):  # noqa: F811
    data = full_disk.root / "data"
    rid = _workspace_with_a_consultation(data)
    full_disk.fill()
    out = full_disk.root / "list.pdf"
    result = _cli(data, "export", "medlist", "--resident", rid, "--out", str(out))
    assert result.returncode == 1
    assert "disk is full" in result.stderr and "Traceback" not in result.stderr
    full_disk.free()
    assert _cli(data, "export", "medlist", "--resident", rid, "--out", str(out)).returncode == 0


def test_a_pdf_onto_a_full_disk_is_the_disk_full_message(tmp_path, full_disk):  # noqa: F811
    data = tmp_path / "data"
    rid = _workspace_with_a_consultation(data)
    full_disk.fill()
    out = full_disk.root / "list.pdf"
    result = _cli(data, "export", "medlist", "--resident", rid, "--out", str(out))
    assert result.returncode == 1
    assert "disk is full" in result.stderr and "Traceback" not in result.stderr
    # In the app, the same failure is the translated disk-full sentence.
    ws = Workspace.unlock(data, PASS)
    try:
        request = documents.DocumentRequest(documents.DocumentKind.MEDICATION_LIST, rid)
        with pytest.raises(OSError) as error:
            documents.export_document(ws, request, out)
    finally:
        ws.close()
    assert error_text(error.value) == message_for("disk_full")  # in the window's language
    assert not out.exists()


def test_an_existing_file_given_as_the_folder_of_out_is_a_clear_message(tmp_path):
    data = tmp_path / "data"
    rid = _workspace_with_a_consultation(data)
    blocker = tmp_path / "report"
    blocker.write_text("not a folder")
    result = _cli(data, "export", "medlist", "--resident", rid, "--out", str(blocker / "a.pdf"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "--out" in result.stderr and str(blocker) in result.stderr


def test_an_error_chain_never_carries_what_was_being_saved(workspace):
    with disk_full(workspace.db), pytest.raises(DiskFull) as error:
        residents.save_resident(
            workspace, ResidentDraft(name=NAME, phone=PHONE, notes=NOTES * 20_000)
        )
    chain = "".join(traceback.format_exception(error.value))
    assert "database or disk is full" in chain  # the cause is kept for the log
    for value in (NAME, PHONE, NOTES):
        assert value not in chain


HOLDER = """
import sys, sqlcipher3
conn = sqlcipher3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA key = '" + sys.argv[2] + "'")
conn.execute("BEGIN IMMEDIATE")
conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
print("holding", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def lock_holder(tmp_path):
    """Another process that holds the database's write lock until the test ends."""
    started = []

    def hold(path: Path) -> None:
        proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(path), PASS],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        started.append(proc)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"

    yield hold
    for proc in started:
        proc.communicate("")


def test_a_write_lock_held_by_another_process_is_a_clear_message(
    tmp_path, lock_holder, monkeypatch
):
    data = tmp_path / "data"
    _workspace_with_a_consultation(data)
    ws = Workspace.unlock(data, PASS)
    try:
        lock_holder(ws.db.path)
        monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)  # the app waits 5 s
        ws.db.engine.dispose()
        with pytest.raises(DatabaseBusy) as error:
            residents.save_resident(ws, ResidentDraft(name="박민서"))
    finally:
        ws.close()
    assert error_text(error.value) == message_for("database_busy")


def test_a_headless_command_waits_5_s_for_the_lock_then_says_so(tmp_path, lock_holder):
    data = tmp_path / "data"
    rid = _workspace_with_a_consultation(data)
    lock_holder(Workspace.database_path(data))
    out = tmp_path / "list.pdf"
    result = _cli(data, "export", "medlist", "--resident", rid, "--out", str(out))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Another program is writing to the database" in result.stderr
