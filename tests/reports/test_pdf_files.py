"""Checks every document passes as a file: embedded fonts, valid structure, renderable."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from consultdesk.reports.medlist import build_medication_list_pdf
from consultdesk.reports.referral import build_referral_pdf
from consultdesk.reports.samples import (
    render_samples,
    sample_medication_list,
    sample_referral,
    sample_summary,
)
from consultdesk.reports.summary import build_consultation_summary_pdf

from .report_pdf_reading import RRN_LIKE, build_to_memory, page_fonts

DOCUMENTS: list[tuple[str, Callable[..., None], Callable[[], Any]]] = [
    ("referral", build_referral_pdf, sample_referral),
    ("medication-list", build_medication_list_pdf, sample_medication_list),
    ("summary", build_consultation_summary_pdf, sample_summary),
]
IDS = [name for name, _, _ in DOCUMENTS]


@pytest.mark.parametrize(("name", "build", "sample"), DOCUMENTS, ids=IDS)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_font_is_an_embedded_nanum_subset(
    name: str, build: Callable[..., None], sample: Callable[[], Any], lang: str
) -> None:
    pdf = build_to_memory(build, sample(), lang)
    fonts = page_fonts(pdf)
    assert fonts
    for font in fonts:
        base = str(font["/BaseFont"])
        assert "Nanum" in base, base
        # "ABCDEF+" prefix = a subset; FontFile2 = the TrueType program is inside the PDF.
        assert base[7] == "+", base
        assert "/FontFile2" in font["/FontDescriptor"], base


@pytest.mark.parametrize(("name", "build", "sample"), DOCUMENTS, ids=IDS)
def test_no_registration_number_shaped_text(
    name: str, build: Callable[..., None], sample: Callable[[], Any]
) -> None:
    pdf = build_to_memory(build, sample())
    assert not RRN_LIKE.search(pdf.text)


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
@pytest.mark.parametrize(("name", "build", "sample"), DOCUMENTS, ids=IDS)
def test_qpdf_finds_no_structural_errors(
    name: str, build: Callable[..., None], sample: Callable[[], Any], tmp_path: Path
) -> None:
    target = tmp_path / f"{name}.pdf"
    build(sample(), target)
    result = subprocess.run(
        ["qpdf", "--check", str(target)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler not installed")
def test_render_samples_writes_three_pdfs_whose_first_pages_render(
    tmp_path: Path, fonts_dir: Path
) -> None:
    from PIL import Image

    paths = render_samples(tmp_path, fonts_dir)
    assert [p.name for p in paths] == [
        "referral-sample.pdf",
        "medication-list-sample.pdf",
        "consultation-summary-sample.pdf",
    ]
    for path in paths:
        prefix = tmp_path / path.stem
        subprocess.run(
            ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile", path, prefix],
            check=True,
            capture_output=True,
            timeout=60,
        )
        with Image.open(prefix.with_suffix(".png")) as image:
            grey = image.convert("L")
            # Portrait A4 with some ink on it (text drawn, not a blank or failed page).
            assert grey.height > grey.width
            inked = sum(grey.histogram()[:160])
            assert inked > 0.003 * grey.width * grey.height, path.name
