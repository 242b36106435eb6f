"""`consultdesk export …` in a real process against a real encrypted database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import col, select

from consultdesk.services.workspace import Profile, Workspace
from consultdesk.storage.models import AuditEvent, Referral
from tests.services.visit_data import NAME, add_consultation, make_resident, make_visit

PASSPHRASE = "export passphrase 1"


def run(
    data: Path, *args: str, passphrase: str = PASSPHRASE, reason: str = "본인 제공"
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CONSULTDESK_PASSPHRASE": passphrase, "QT_QPA_PLATFORM": "offscreen"}
    why = ["--reason", reason] if reason else []  # a download of personal data has a reason
    return subprocess.run(
        [sys.executable, "-m", "consultdesk", "--data-dir", str(data), "export", *args, *why],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("export") / "data"
    ws = Workspace.create(
        folder, PASSPHRASE, PASSPHRASE, Profile("박약사", "우리약국", "010-0000-1111")
    )
    try:
        visit = make_visit(ws)
        first_consultation = add_consultation(
            ws, visit.resident_id
        )  # an older consultation than the latest
        latest = add_consultation(ws, visit.resident_id)
        no_consent = make_visit(ws, share=None, name="김민수")
        ids = {
            "resident": visit.resident_id,
            "older": first_consultation,
            "latest": latest,
            "no_consent": no_consent.resident_id,
            "no_consultation": make_resident(ws, name="이영희")[0],
        }
    finally:
        ws.close()
    return folder, ids


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_a_referral_sheet_is_written_for_the_latest_session(data, tmp_path):
    folder, ids = data
    out = tmp_path / "sheet.pdf"
    result = run(folder, "referral", "--resident", ids["resident"], "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "CD-20" in result.stdout and str(out) in result.stdout
    text = text_of(out)
    assert NAME in text and "연계 의뢰서" in text and "010-0000-5678" not in text
    ws = Workspace.unlock(folder, PASSPHRASE)
    try:
        with ws.db.session() as s:
            referral = s.exec(select(Referral).where(Referral.resident_id == ids["resident"])).one()
            logged = s.exec(select(AuditEvent).where(col(AuditEvent.action) == "export")).all()
    finally:
        ws.close()
    assert referral.consultation_id == ids["latest"] and referral.state == "draft"
    assert [e.detail.split()[0] for e in logged] == ["referral"]


def test_phone_and_district_only_when_asked(data, tmp_path):
    folder, ids = data
    out = tmp_path / "sheet.pdf"
    args = ["referral", "--resident", ids["resident"], "--out", str(out), "--include-phone"]
    result = run(folder, *args)
    assert result.returncode == 0, result.stderr
    text = text_of(out)
    assert "010-0000-5678" in text and "서울 관악구" not in text


def test_a_chosen_session_and_english(data, tmp_path):
    folder, ids = data
    out = tmp_path / "summary.pdf"
    args = ["summary", "--resident", ids["resident"], "--consultation", ids["older"]]
    result = run(folder, *args, "--out", str(out), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "Visit 2" in text_of(out) and "Consultation summary" in text_of(out)


@pytest.mark.slow
def test_without_consent_the_referral_fails_in_one_line_but_the_list_works(data, tmp_path):
    folder, ids = data
    out = tmp_path / "sheet.pdf"
    result = run(folder, "referral", "--resident", ids["no_consent"], "--out", str(out))
    assert result.returncode == 1 and not out.exists()
    assert result.stderr.count("\n") == 1 and "consent" in result.stderr
    medlist = tmp_path / "list.pdf"
    ok = run(folder, "medlist", "--resident", ids["no_consent"], "--out", str(medlist))
    assert ok.returncode == 0, ok.stderr
    assert "나의 복약 목록" in text_of(medlist)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["summary", "--resident", "no-such-id"], "No resident has the id no-such-id"),
        (["medlist", "--resident", "{no_consultation}"], "no consultation"),
        (["summary", "--resident", "{resident}", "--session", "{no_consent}"], "consultation"),
    ],
)
def test_bad_input_is_one_plain_line_and_no_file(data, tmp_path, args, words):
    folder, ids = data
    out = tmp_path / "x.pdf"
    result = run(folder, *[a.format(**ids) for a in args], "--out", str(out))
    assert result.returncode == 1 and not out.exists()
    assert words in result.stderr and result.stderr.count("\n") == 1


def test_an_id_typed_wrong_is_said_so_in_korean_not_deleted_meanwhile(data, tmp_path):
    """The window's words for a resident gone while it was open ("그사이에 … 삭제되었습니다")
    were printed for an id that never was one."""
    folder, _ = data
    env = {**os.environ, "CONSULTDESK_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
    out = tmp_path / "x.pdf"
    args = ["--lang", "ko", "--data-dir", str(folder), "export", "referral"]
    args += ["--resident", "no-such-id", "--out", str(out), "--reason", "복지관 연계"]
    result = subprocess.run(
        [sys.executable, "-m", "consultdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1 and not out.exists()
    assert "id가 no-such-id인 내담자가 없습니다" in result.stderr
    assert "삭제" not in result.stderr


def test_a_wrong_passphrase_is_refused(data, tmp_path):
    folder, ids = data
    out = tmp_path / "x.pdf"
    result = run(
        folder,
        "medlist",
        "--resident",
        ids["resident"],
        "--out",
        str(out),
        passphrase="nope nope nope",
    )
    assert result.returncode == 1 and not out.exists()
    assert "passphrase" in result.stderr.lower()
