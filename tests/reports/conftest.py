"""Fixtures for the report tests: fonts registered once, PDFs written to memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.reports.fonts import register_fonts

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"


@pytest.fixture(scope="session", autouse=True)
def fonts_dir() -> Path:
    register_fonts(FONTS_DIR)
    return FONTS_DIR
