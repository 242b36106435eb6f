"""The access log you can inspect (issue 12): rows for every action with who, device, when and
which resident; each device's rows hash-chained so a removed or edited row is found; the CLI
lists, filters, writes CSV and records the month's check."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import access_log, consultations, documents, residents
from consultdesk.services.workspace import Profile, Workspace
from tests.safety.helpers import resident_for_consultations

PASS = "access log passphrase"


@pytest.fixture
def journey(tmp_path: Path) -> tuple[Path, str]:
    data = tmp_path / "data"
    ws = Workspace.create(data, PASS, PASS, Profile("박약사"))
    try:
        rid = resident_for_consultations(ws, ResidentDraft(name="홍길동", phone="010-1111-2222"))
        residents.save_resident(ws, ResidentDraft(name="홍길동", phone="010-1111-3333"), rid)
        cid = consultations.start_consultation(ws, rid)
        session = consultations.open_consultation(ws, cid)
        consultations.save_consultation(ws, replace(session, advice="물을 드세요"))
        request = documents.DocumentRequest(documents.DocumentKind.MEDICATION_LIST, rid)
        documents.export_document(ws, request, tmp_path / "list.pdf")
    finally:
        ws.close()
    return data, rid


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CONSULTDESK_PASSPHRASE": PASS}
    return subprocess.run(
        [sys.executable, "-m", "consultdesk", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def test_every_row_says_who_on_which_device_when_and_whose(journey):
    data, rid = journey
    ws = Workspace.unlock(data, PASS)
    try:
        rows = access_log.list_rows(ws, resident_id=rid)
        assert {r.action for r in rows} >= {"create", "view", "export"}
        assert all(r.actor == "박약사" and r.device == ws.device and r.at for r in rows)
        assert all(r.resident_name == "홍길동" for r in rows)
        assert access_log.verify_log(ws).ok
    finally:
        ws.close()


def _tamper(data: Path, sql: str) -> None:
    ws = Workspace.unlock(data, PASS)
    try:
        with ws.db.engine.begin() as conn:
            conn.exec_driver_sql(sql)
    finally:
        ws.close()


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        ("UPDATE audit_log SET action = 'view' WHERE seq = 2", "edited"),
        ("DELETE FROM audit_log WHERE seq = 2", "missing"),
        ("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)", "truncated"),
    ],
)
def test_verify_finds_a_row_edited_or_removed(journey, sql, reason):
    data, _ = journey
    assert _cli(data, "verify").returncode == 0
    _tamper(data, sql)
    result = _cli(data, "verify")
    assert result.returncode == 1 and reason in result.stderr, result.stderr


def test_the_command_line_lists_filters_writes_csv_and_marks_the_month(journey, tmp_path):
    data, rid = journey
    listed = _cli(data, "access-log", "--since", date.today().isoformat(), "--resident", rid)
    assert listed.returncode == 0, listed.stderr
    assert "홍길동" in listed.stdout and "export (다운로드)" in listed.stdout
    out = tmp_path / "log.csv"
    refused = _cli(data, "access-log", "--csv", str(out))  # the log names residents
    assert refused.returncode == 1 and "--reason" in refused.stderr and not out.exists()
    written = _cli(data, "access-log", "--csv", str(out), "--reason", "월간 점검 보관")
    assert written.returncode == 0, written.stderr
    with open(out, encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert table[0][:4] == ["at", "pharmacist", "device", "action"] and len(table) > 5
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert _cli(data, "access-log", "--mark-checked").returncode == 0
    again = _cli(data, "access-log")
    assert f"Months checked: {date.today():%Y-%m}" in again.stdout
    ws = Workspace.unlock(data, PASS)
    try:
        actions = {r.action for r in access_log.list_rows(ws)}
        assert {"download", "log_checked"} <= actions  # reading the log is logged too
        [download] = [r for r in access_log.list_rows(ws) if r.action == "download"]
        assert download.reason == "other: 월간 점검 보관"
        assert access_log.verify_log(ws).ok
    finally:
        ws.close()
