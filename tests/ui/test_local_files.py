"""Local files (issue 12): the data folder is its owner's only (0700), every file in it 0600,
and the logs never hold a resident's name, phone or notes, even after an unexpected error
whose chain came from saving exactly those."""

from __future__ import annotations

import logging
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consultations, documents, residents
from consultdesk.services.workspace import Profile, Workspace
from consultdesk.storage.errors import DiskFull
from consultdesk.ui import errors
from tests.disk_full import disk_full
from tests.safety.helpers import resident_for_consultations

PASS = "local files passphrase"
NAME, PHONE, NOTES = "남궁옥분", "010-9753-1864", "손녀와 둘이 지냄, 밤에 자주 깸"
ADVICE = "저녁 약은 식후 30분에 드세요"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def journey(tmp_path, no_error_dialogs):
    """Set up, log, register a resident, record a session, export it, back up, and hit an
    unexpected error carrying the resident's data; returns the data folder."""
    data = tmp_path / "data"
    log_file = errors.setup_logging(data)
    root = logging.getLogger()
    try:
        ws = Workspace.create(data, PASS, PASS, Profile("박약사"))
        try:
            rid = resident_for_consultations(ws, ResidentDraft(name=NAME, phone=PHONE, notes=NOTES))
            cid = consultations.start_consultation(ws, rid)
            session = consultations.open_consultation(ws, cid)
            consultations.save_consultation(ws, replace(session, advice=ADVICE))
            request = documents.DocumentRequest(documents.DocumentKind.MEDICATION_LIST, rid)
            documents.export_document(ws, request, data / "exports" / "list.pdf")
            ws.db.backup_to(data / "backups" / "manual.db")
            logging.getLogger("consultdesk.test").warning("a warning during the journey")
            with disk_full(ws.db), pytest.raises(DiskFull) as error:
                residents.save_resident(
                    ws, ResidentDraft(name=NAME, phone=PHONE, notes=NOTES * 20_000)
                )
            errors._hook(type(error.value), error.value, error.value.__traceback__)
            no_error_dialogs.clear()  # that one was provoked
            # The files as they are while the app runs (the -wal and -shm too).
            residents.save_resident(ws, ResidentDraft(name="다른 내담자"))
            yield data, log_file, list(data.rglob("*"))
        finally:
            ws.close()
    finally:
        for handler in list(root.handlers):
            if getattr(handler, "baseFilename", "").startswith(str(data)):
                root.removeHandler(handler)
                handler.close()


def test_the_data_folder_and_every_file_in_it_are_the_owners_only(journey):
    data, _, files = journey
    assert _mode(data) == 0o700
    assert {p.name for p in files} >= {"consultdesk.db", "consultdesk.db-wal", "manual.db"}
    loose = {str(p.relative_to(data)): oct(_mode(p)) for p in files if p.is_file()}
    loose = {name: mode for name, mode in loose.items() if mode != "0o600"}
    assert loose == {}  # the database, its -wal and -shm, the backup, the logs, the export
    assert _mode(data / "logs") == _mode(data / "backups") == 0o700


def test_the_logs_hold_no_name_phone_or_notes(journey):
    data, log_file, _ = journey
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = "".join(p.read_text(encoding="utf-8") for p in (data / "logs").iterdir())
    assert "unexpected error" in text and "disk is full" in text  # the error was logged
    for value in (NAME, PHONE, NOTES, ADVICE):
        assert value not in text
    assert log_file.parent == data / "logs"
