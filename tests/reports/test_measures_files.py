"""Shared-measures files: de-identified JSON, XLSX read back with openpyxl, CSV, team-to-team
totals, and `consultdesk report` as a real process on the hand-made team."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from consultdesk.services import measures, measures_files
from consultdesk.services.measures import GroupBy, ReportRequest, compute_report, deidentify
from consultdesk.services.workspace import Profile, Workspace
from tests.conftest import PASSPHRASE
from tests.services.measures_team import END, START, TODAY, Team, build_team

NAMES = ("김하나", "이두리", "박세나", "최네오", "정다섯", "한여섯", "박약사")
FREE_TEXT = ("자주 잊으심", "냉장고", "처방 변경", "연락 안 됨", "10일분", "유효기간 지남")


@pytest.fixture(scope="module")
def team_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, Team, Path]]:
    folder = tmp_path_factory.mktemp("team") / "data"
    ws = Workspace.create(folder, PASSPHRASE, PASSPHRASE, Profile("박약사", "우리약국", ""))
    try:
        yield ws, build_team(ws), folder
    finally:
        ws.close()


def _report(ws: Workspace, by: GroupBy = GroupBy.ALL) -> measures.MeasuresReport:
    return compute_report(ws, ReportRequest(START, END, by, today=TODAY))


def _no_personal_data(text: str, team: Team) -> None:
    for word in (*NAMES, *FREE_TEXT, *team.residents.values(), *team.referrals.values()):
        assert word not in text, word
    assert team.device_a not in text
    assert "CD-20" not in text  # no referral reference code


def test_json_is_versioned_and_deidentified(
    team_ws: tuple[Workspace, Team, Path], tmp_path: Path
) -> None:
    ws, team, _ = team_ws
    path = measures_files.write_json(_report(ws, GroupBy.PHARMACIST), tmp_path / "r.json")
    text = path.read_text(encoding="utf-8")
    _no_personal_data(text, team)
    data = json.loads(text)
    assert data["format"] == "consultdesk.measures.report"
    assert data["format_version"] == 2
    assert data["deidentified"] is True and data["suppress_below"] == 5
    assert {i["id"] for i in data["indicators"]} == {
        i.id for i in measures.bundled_measures().indicators
    }
    assert all(len(i["digest"]) == 16 for i in data["indicators"])
    # Every count of this small team rests on fewer than 5 residents.
    counting = [c for c in data["cells"] if c["value"] not in (None, 0)]
    assert counting == []
    assert any(c["suppressed"] for c in data["cells"])


def test_xlsx_read_back(team_ws: tuple[Workspace, Team, Path], tmp_path: Path) -> None:
    ws, _, _ = team_ws
    path = measures_files.write_report(
        _report(ws, GroupBy.CENTRE), tmp_path / "r.xlsx", "xlsx", "ko"
    )
    book = load_workbook(path)
    assert book.sheetnames[:2] == ["설명", "전체 표"]
    assert set(book.sheetnames[2:]) == {"행복복지관", "희망복지관"}
    readme = book["설명"]
    ids = [row[0] for row in readme.iter_rows(values_only=True)]
    for indicator in measures.bundled_measures().indicators:
        assert indicator.id in ids
    definitions = " ".join(str(row[3]) for row in readme.iter_rows(values_only=True) if row[3])
    assert "마친 상담" in definitions
    sheet = book["희망복지관"]
    header = next(sheet.iter_rows(values_only=True))
    assert header[:5] == ("지표 ID", "영역", "지표", "세부", "값")
    rows = {(r[0], r[3] or ""): r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[("residents_reached", "")][4] == 2  # a number, not text
    assert isinstance(rows[("residents_reached", "")][4], int)
    assert rows[("referrals_sent", "")][4] == 3
    assert rows[("visits_by_place", "복지관")][4] == 1
    housing = measures.service_names()["housing_support"][0]
    assert rows[("services_linked", housing)][4] == 1
    overview = book["전체 표"]
    head = next(overview.iter_rows(values_only=True))
    assert head[3:] == ("행복복지관", "희망복지관")
    line = next(r for r in overview.iter_rows(values_only=True) if r[0] == "sessions")
    assert line[3:] == (3, 2)


def test_xlsx_deidentified_shows_suppressed_cells(
    team_ws: tuple[Workspace, Team, Path], tmp_path: Path
) -> None:
    ws, team, _ = team_ws
    path = measures_files.write_report(deidentify(_report(ws)), tmp_path / "d.xlsx", "xlsx", "en")
    book = load_workbook(path)
    assert book.sheetnames == ["README", "All groups", "All"]
    rows = {(r[0], r[3]): r for r in book["All"].iter_rows(min_row=2, values_only=True)}
    assert rows[("residents_reached", None)][4] == "<5"
    assert rows[("visits_by_place", "Phone")][4] == 0
    text = " ".join(
        str(v) for s in book.worksheets for r in s.iter_rows(values_only=True) for v in r if v
    )
    _no_personal_data(text, team)


def test_csv(team_ws: tuple[Workspace, Team, Path], tmp_path: Path) -> None:
    ws, _, _ = team_ws
    path = measures_files.write_report(_report(ws, GroupBy.MONTH), tmp_path / "r.csv", "csv")
    with path.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["묶음", "지표 ID", "지표"]
    jan = [r for r in rows if r[0] == "2026년 1월" and r[1] == "sessions"]
    assert jan[0][4] == "2"


def _team_file(
    path: Path, sessions: int, suppressed: bool = False, how: str = "small", **change: object
) -> Path:
    """A de-identified report as another team would send it (written by this code's JSON)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for cell in data["cells"]:
        if cell["indicator"] == "sessions":
            cell["value"], cell["suppressed"] = (None, True) if suppressed else (sessions, False)
            cell["suppression"] = how if suppressed else None
        if cell["indicator"] == "sessions_per_resident":
            cell.update(value=2.0, numerator=sessions, denominator=sessions / 2, suppressed=False)
    data.update(change)
    out = path.with_name(f"team{sessions}{how if suppressed else ''}.json")
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return out


def test_combine_sums_same_definitions(
    team_ws: tuple[Workspace, Team, Path], tmp_path: Path
) -> None:
    ws, _, _ = team_ws
    base = measures_files.write_json(_report(ws), tmp_path / "base.json")
    a, b = _team_file(base, 40), _team_file(base, 12)
    c = _team_file(base, 7, suppressed=True)
    combined = measures_files.combine_files([a, b, c])
    sessions = combined.cell("sessions")
    assert sessions is not None
    # 40 + 12 + a "<5" (1 to 4): not a number but the range it lies in
    assert (sessions.value, sessions.low, sessions.high) == (None, 53, 56)
    assert sessions.suppressed_parts == 1 and combined.text(sessions) == "53–56"
    ratio = combined.cell("sessions_per_resident")
    assert ratio is not None and ratio.numerator == 59 and ratio.value == pytest.approx(2.0)
    median = combined.cell("meds_first_median")
    assert median is not None and median.value is None and not median.combinable
    out = measures_files.write_report(combined, tmp_path / "combined.xlsx", "xlsx", "ko")
    rows = {
        (r[0], r[3]): r for r in load_workbook(out)["전체"].iter_rows(min_row=2, values_only=True)
    }
    assert rows[("sessions", None)][4] == "53–56"
    assert rows[("sessions", None)][8] == "가려진 팀 1곳 포함"
    assert rows[("meds_first_median", None)][8] == "합칠 수 없음"
    # A complementary part ("x") is 5 or more: only a lower bound is honest.
    d = _team_file(base, 9, suppressed=True, how="complementary")
    bound = measures_files.combine_files([a, b, d]).cell("sessions")
    assert bound is not None and (bound.low, bound.high) == (57, None)
    assert combined.text(bound) == "≥57"


def test_combine_hides_a_share_with_a_suppressed_part(
    team_ws: tuple[Workspace, Team, Path], tmp_path: Path
) -> None:
    ws, _, _ = team_ws
    base = measures_files.write_json(_report(ws), tmp_path / "base.json")
    data = json.loads(base.read_text(encoding="utf-8"))
    for cell in data["cells"]:
        if cell["indicator"] == "sessions_per_resident":
            cell.update(value=None, numerator=None, denominator=None, suppressed=True)
            cell["suppression"] = "small"
    hidden = tmp_path / "hidden.json"
    hidden.write_text(json.dumps(data), encoding="utf-8")
    combined = measures_files.combine_files([_team_file(base, 40), hidden])
    ratio = combined.cell("sessions_per_resident")
    assert ratio is not None and ratio.numerator is None and combined.text(ratio) == "x"


def test_combine_reads_version_1_files(
    team_ws: tuple[Workspace, Team, Path], tmp_path: Path
) -> None:
    ws, _, _ = team_ws
    base = measures_files.write_json(_report(ws), tmp_path / "base.json")
    old = _team_file(base, 7, suppressed=True, format_version=1)
    data = json.loads(old.read_text(encoding="utf-8"))
    for cell in data["cells"]:
        cell.pop("suppression", None)  # version 1 had only small-number suppression
    old.write_text(json.dumps(data), encoding="utf-8")
    sessions = measures_files.combine_files([_team_file(base, 40), old]).cell("sessions")
    assert sessions is not None and (sessions.low, sessions.high) == (41, 44)


def test_combine_refuses_other_definitions(
    team_ws: tuple[Workspace, Team, Path], tmp_path: Path
) -> None:
    ws, _, _ = team_ws
    base = measures_files.write_json(_report(ws), tmp_path / "base.json")
    other = json.loads(base.read_text(encoding="utf-8"))
    other["indicators"][0]["digest"] = "0" * 16
    changed = tmp_path / "other.json"
    changed.write_text(json.dumps(other), encoding="utf-8")
    with pytest.raises(measures_files.ReportFileError, match="residents_reached has another"):
        measures_files.combine_files([base, changed])
    other["indicators"][0]["version"] = 2
    changed.write_text(json.dumps(other), encoding="utf-8")
    with pytest.raises(measures_files.ReportFileError, match="is version 2"):
        measures_files.combine_files([base, changed])
    later = _team_file(base, 3, period={"from": "2026-07-01", "to": "2026-12-31"})
    with pytest.raises(measures_files.ReportFileError, match="period"):
        measures_files.combine_files([base, later])
    plain = json.loads(base.read_text(encoding="utf-8"))
    plain["deidentified"] = False
    changed.write_text(json.dumps(plain), encoding="utf-8")
    with pytest.raises(measures_files.ReportFileError, match="de-identified"):
        measures_files.combine_files([base, changed])


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CONSULTDESK_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "consultdesk", "--data-dir", str(data), "report", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def test_cli_report_and_combine(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    ws = Workspace.create(folder, PASSPHRASE, PASSPHRASE, Profile("박약사", "우리약국", ""))
    try:
        team = build_team(ws)
    finally:
        ws.close()  # one app per data folder: the command opens it itself
    period = ("--from", START.isoformat(), "--to", END.isoformat())
    out = tmp_path / "m.xlsx"
    done = _cli(folder, *period, "--by", "month", "--format", "xlsx", "--out", str(out))
    assert done.returncode == 1 and "--reason" in done.stderr  # names: a reason is needed
    why = ("--reason", "구청 실적 보고")
    done = _cli(folder, *period, "--by", "month", "--format", "xlsx", "--out", str(out), *why)
    assert done.returncode == 0, done.stderr
    rows = load_workbook(out)["2026년 1월"].iter_rows(min_row=2, values_only=True)
    assert next(r for r in rows if r[0] == "sessions")[4] == 2
    pdf = tmp_path / "m.pdf"
    done = _cli(folder, *period, "--by", "quarter", "--deidentified", "--out", str(pdf))
    assert done.returncode == 0, done.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "공동 성과 지표 보고서" in text and "비식별 통계" in text
    _no_personal_data(text, team)
    one, two = tmp_path / "a.json", tmp_path / "b.json"
    for path in (one, two):
        done = _cli(folder, *period, "--format", "json", "--out", str(path))
        assert done.returncode == 0, done.stderr
        _no_personal_data(path.read_text(encoding="utf-8"), team)
    combined = tmp_path / "combined.xlsx"
    done = _cli(folder, "--combine", str(one), str(two), "--out", str(combined))
    assert done.returncode == 0, done.stderr
    assert (
        "README" in load_workbook(combined).sheetnames[0]
        or "설명" in load_workbook(combined).sheetnames
    )
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    done = _cli(folder, "--combine", str(one), str(bad), "--out", str(combined))
    assert done.returncode == 1 and "not a ConsultDesk measures report" in done.stderr
    done = _cli(folder, "--from", "2026-13-01", "--to", "x", "--out", str(out))
    assert done.returncode == 1 and "YYYY-MM-DD" in done.stderr
