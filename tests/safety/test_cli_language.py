"""What the command line says follows --lang (and, without it, the system's language as the
window takes it), and a download of personal data needs --reason, which the access log keeps.
Each check runs the real `consultdesk` process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from consultdesk.services import access_log
from consultdesk.services.workspace import Profile, Workspace
from tests.services.visit_data import make_visit

PASS = "language test passphrase"


def _cli(*args: str, lang_env: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("LC_")},
        "LANG": lang_env,
        "CONSULTDESK_PASSPHRASE": PASS,
        "QT_QPA_PLATFORM": "offscreen",
    }
    return subprocess.run(
        [sys.executable, "-m", "consultdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("lang") / "data"
    ws = Workspace.create(folder, PASS, PASS, Profile("박약사", "우리약국", "010-0000-1111"))
    try:
        rid = make_visit(ws).resident_id
    finally:
        ws.close()
    return folder, rid


def test_errors_and_successes_in_korean_and_in_english(data, tmp_path):
    folder, _ = data
    nowhere = str(tmp_path / "nothing-here")
    ko = _cli("--lang", "ko", "--data-dir", nowhere, "backup")
    assert ko.returncode == 1
    assert "데이터베이스가 없습니다. 먼저 앱을 한 번 실행하세요." in ko.stderr, ko.stderr
    en = _cli("--lang", "en", "--data-dir", nowhere, "backup")
    assert en.returncode == 1 and "holds no ConsultDesk database" in en.stderr, en.stderr

    made = _cli("--lang", "ko", "--data-dir", str(folder), "backup", "--to", str(tmp_path / "k"))
    assert made.returncode == 0 and made.stdout.rstrip().endswith("에 백업했습니다"), made
    made = _cli("--lang", "en", "--data-dir", str(folder), "backup", "--to", str(tmp_path / "e"))
    assert made.returncode == 0 and made.stdout.startswith("Backed up to "), made

    checked = _cli("--lang", "ko", "--data-dir", str(folder), "verify")
    assert "접속 기록 체인과 데이터베이스 모두 이상이 없습니다." in checked.stdout, checked
    # A malformed date is reported by argparse, in the chosen language too.
    bad = _cli("--lang", "ko", "--data-dir", str(folder), "access-log", "--since", "2026-13-01")
    assert bad.returncode == 2 and "같은 날짜가 아닙니다" in bad.stderr, bad.stderr


def test_without_lang_the_system_language_decides(data, tmp_path):
    folder, _ = data
    korean = _cli("--data-dir", str(tmp_path / "none"), "verify", lang_env="ko_KR.UTF-8")
    assert "데이터베이스가 없습니다" in korean.stderr, korean.stderr
    english = _cli("--data-dir", str(tmp_path / "none"), "verify", lang_env="en_US.UTF-8")
    assert "holds no ConsultDesk database" in english.stderr, english.stderr
    # A document's own --lang (after the command) is the document's, not the messages'.
    out = tmp_path / "list.pdf"
    args = ("--data-dir", str(folder), "export", "medlist", "--resident", "x", "--lang", "en")
    said = _cli("--lang", "ko", *args, "--out", str(out))
    assert "--reason으로 다운로드 사유를 적어 주세요" in said.stderr, said.stderr


def test_a_download_needs_a_reason_and_the_log_keeps_it(data, tmp_path):
    folder, rid = data
    out = tmp_path / "list.pdf"
    export = ("--data-dir", str(folder), "export", "medlist", "--resident", rid, "--out", str(out))
    refused = _cli("--lang", "en", *export)
    assert refused.returncode == 1 and not out.exists()
    assert "give the reason for the download with --reason" in refused.stderr, refused.stderr
    written = _cli("--lang", "ko", *export, "--reason", "처방의 전달: 동네내과 팩스")
    assert written.returncode == 0 and "파일을 저장했습니다" in written.stdout, written
    listed = _cli("--lang", "ko", "--data-dir", str(folder), "access-log", "--resident", rid)
    assert "[처방의 전달 — 동네내과 팩스]" in listed.stdout, listed.stdout
    listed = _cli("--lang", "en", "--data-dir", str(folder), "access-log", "--resident", rid)
    assert "[sent to the prescriber — 동네내과 팩스]" in listed.stdout, listed.stdout
    ws = Workspace.unlock(folder, PASS)
    try:
        [row] = [r for r in access_log.list_rows(ws, resident_id=rid) if r.action == "export"]
        assert row.reason == "prescriber: 동네내과 팩스"
        assert access_log.verify_log(ws).ok
    finally:
        ws.close()


def test_a_de_identified_report_needs_no_reason(data, tmp_path):
    folder, _ = data
    period = ("--from", "2026-01-01", "--to", "2026-12-31")
    out = tmp_path / "m.csv"
    plain = _cli("--data-dir", str(folder), "report", *period, "--deidentified", "--out", str(out))
    assert plain.returncode == 0, plain.stderr
    named = _cli("--lang", "ko", "--data-dir", str(folder), "report", *period, "--out", str(out))
    assert named.returncode == 1 and "--reason" in named.stderr, named.stderr


def test_report_dates_are_read_as_the_windows_read_them(data, tmp_path):
    """Full-width digits and the dotted Korean form, as in every date field of the windows;
    a date that is none is still one plain line."""
    folder, _ = data
    out = tmp_path / "m.csv"
    for start in ("２０２６－０１－０１", "2026. 1. 1."):
        period = ("--from", start, "--to", "2026-12-31")
        made = _cli(
            "--data-dir", str(folder), "report", *period, "--deidentified", "--out", str(out)
        )
        assert made.returncode == 0, made.stderr
    since = _cli("--data-dir", str(folder), "access-log", "--since", "２０２６－０１－０１")
    assert since.returncode == 0, since.stderr
    wrong = ("--from", "2026-13-01", "--to", "2026-12-31")
    refused = _cli("--data-dir", str(folder), "report", *wrong, "--deidentified", "--out", str(out))
    assert refused.returncode == 1 and "YYYY-MM-DD" in refused.stderr, refused.stderr


def test_the_help_and_argparse_own_errors_follow_the_language(tmp_path):
    ko = _cli("--lang", "ko", "export", "medlist")
    assert ko.returncode == 2 and "오류: 다음 인수가 필요합니다: --out" in ko.stderr, ko.stderr
    en = _cli("--lang", "en", "export", "medlist")
    assert "error: the following arguments are required: --out" in en.stderr, en.stderr
    helped = _cli("--lang", "ko", "export", "--help")
    assert "사용법:" in helped.stdout and "이 개인정보를 내려받는 사유" in helped.stdout
    assert "--reason" in _cli("--lang", "en", "export", "--help").stdout
