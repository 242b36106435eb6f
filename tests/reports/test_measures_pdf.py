"""The funder's shared-measures PDF, read back with pypdf; page 1 rendered where poppler is."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from consultdesk.reports.measures_pdf import build_measures_pdf
from consultdesk.services.measures import (
    GroupBy,
    MeasuresReport,
    ReportRequest,
    compute_reports,
    deidentify,
)
from consultdesk.services.workspace import Profile, Workspace
from tests.conftest import PASSPHRASE
from tests.reports.report_pdf_reading import build_to_memory, page_fonts
from tests.services.measures_team import END, START, TODAY, build_team

NAMES = ("김하나", "이두리", "박세나", "최네오", "정다섯", "한여섯")


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[MeasuresReport]]:
    folder = tmp_path_factory.mktemp("pdf") / "data"
    ws = Workspace.create(folder, PASSPHRASE, PASSPHRASE, Profile("박약사", "우리약국", ""))
    try:
        build_team(ws)
        yield compute_reports(
            ws,
            ReportRequest(START, END, GroupBy.MONTH, today=TODAY),
            (GroupBy.ALL, GroupBy.MONTH, GroupBy.PHARMACIST),
        )
    finally:
        ws.close()


def _row(lines: list[str], label: str, n: int) -> list[str]:
    """The n cells after a table row's label (pypdf gives each cell its own line; the
    label is also in the charts above, so the last one is the row)."""
    at = [i for i, line in enumerate(lines) if line.strip() == label]
    assert at, label
    return [line.strip() for line in lines[at[-1] + 1 : at[-1] + 1 + n]]


def _build(total: MeasuresReport, report: MeasuresReport, out, lang, invariant):  # type: ignore[no-untyped-def]
    build_measures_pdf(report, out, lang, total=total, invariant=invariant, made_on=TODAY)


def test_text_read_back(reports: list[MeasuresReport]) -> None:
    total, monthly, _ = reports
    pdf = build_to_memory(partial(_build, total), monthly, "ko")
    first = pdf.pages[0]
    assert "공동 성과 지표 보고서" in first
    assert "2026-01-01 – 2026-06-30" in first
    assert "월별 상담 횟수" not in first and "묶음별 상담 횟수와 만난 내담자" in first
    assert "목표 달성률" in first
    assert "내부용" in first  # not de-identified: the footer says so
    lines = pdf.lines
    assert _row(lines, "상담 횟수", 7) == ["5", "2", "1", "1", "1", "0", "0"]
    ratio = ["1.25", "1.00", "1.00", "1.00", "1.00", "–", "–"]
    assert _row(lines, "내담자당 상담 횟수", 7) == ratio
    assert _row(lines, "보낸 의뢰", 7) == ["3", "0", "1", "0", "1", "1", "0"]
    assert _row(lines, "기한이 지난 의뢰", 7) == ["1", "0", "0", "0", "0", "1", "1"]
    assert "지표 정의" in pdf.text
    assert "residents_reached" in pdf.text  # every definition carries its id
    for name in NAMES:
        assert name not in pdf.text
    fonts = {str(f.get("/BaseFont")) for f in page_fonts(pdf)}
    assert fonts and all("Nanum" in f for f in fonts), fonts


def test_deidentified_pdf(reports: list[MeasuresReport]) -> None:
    total, _, by_pharmacist = reports
    pdf = build_to_memory(partial(_build, deidentify(total)), deidentify(by_pharmacist), "en")
    text = pdf.text
    assert "Shared measures report" in text and "De-identified statistics" in text
    assert "Pharmacist A" in text and "박약사" not in text
    assert _row(pdf.lines, "Residents reached", 4) == ["<5", "<5", "<5", "<5"]
    for name in NAMES:
        assert name not in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler not installed")
def test_first_page_renders(reports: list[MeasuresReport], tmp_path: Path) -> None:
    total, monthly, _ = reports
    path = tmp_path / "m.pdf"
    build_measures_pdf(monthly, path, "ko", total=total)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
        check=True,
    )
    png = next(tmp_path.glob("p*.png"))
    assert png.stat().st_size > 10_000
