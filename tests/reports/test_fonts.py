"""Glyph coverage: everything we print must exist in Nanum Gothic."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consultdesk.reports import fonts
from consultdesk.reports.fonts import (
    FontFileMissingError,
    has_glyph,
    missing_glyphs,
    normalise_text,
    register_fonts,
)
from consultdesk.reports.labels import LABELS
from consultdesk.reports.samples import sample_medication_list, sample_referral, sample_summary


def _strings(value: Any) -> list[str]:
    """All strings inside a (nested) content dataclass."""
    if isinstance(value, str):
        return [value]
    if is_dataclass(value):
        return [s for f in fields(value) for s in _strings(getattr(value, f.name))]
    if isinstance(value, tuple):
        return [s for item in value for s in _strings(item)]
    return []


def test_registering_twice_is_harmless(fonts_dir: Path) -> None:
    register_fonts(fonts_dir)
    register_fonts(fonts_dir)
    assert fonts.fonts_registered()


def test_every_label_in_both_languages_has_glyphs() -> None:
    for lang, labels in LABELS.items():
        for key, value in labels.items():
            assert not missing_glyphs(value), (lang, key, missing_glyphs(value))


def test_typical_inputs_only_miss_glyphs_that_normalisation_fixes() -> None:
    samples = [sample_referral(), sample_medication_list(), sample_summary()]
    raw = "".join(s for sample in samples for s in _strings(sample))
    assert missing_glyphs(raw) == {"µ"}, "the samples should exercise the micro sign"
    assert not missing_glyphs(normalise_text(raw))


def test_micro_sign_becomes_greek_mu() -> None:
    assert normalise_text("비타민 B12 500µg") == "비타민 B12 500μg"
    assert has_glyph("μ") and not has_glyph("µ")


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("☐ 연계 완료", "□ 연계 완료"),
        ("✓ 확인", "√ 확인"),
        ("혈압 −10", "혈압 -10"),
        ("Åsa Ödman", "Asa Odman"),  # Nanum has ü and é but not Å or Ö
        ("약\u200b정리", "약정리"),
        ("5\u202fmg", "5 mg"),
    ],
)
def test_characters_nanum_lacks_print_as_a_look_alike(typed: str, printed: str) -> None:
    assert normalise_text(typed) == printed


def test_decomposed_hangul_from_a_mac_is_recomposed() -> None:
    decomposed = unicodedata.normalize("NFD", "홍길순")
    assert decomposed != "홍길순"
    assert normalise_text(decomposed) == "홍길순"


def test_a_character_with_no_look_alike_is_visibly_replaced() -> None:
    assert normalise_text("약 ☃") == "약 ?"


def test_every_substitute_is_itself_in_the_font() -> None:
    for source, target in fonts._SUBSTITUTES.items():
        assert not missing_glyphs(target), (source, target)


@given(st.text(max_size=60))
def test_normalised_text_never_needs_a_missing_glyph(value: str) -> None:
    assert not missing_glyphs(normalise_text(value))


def test_missing_font_directory_says_where_it_looked(tmp_path: Path) -> None:
    # Runs in a fresh interpreter: registration is once per process and ours is done.
    code = (
        "from pathlib import Path\n"
        "from consultdesk.reports.fonts import register_fonts, FontFileMissingError\n"
        "try:\n"
        f"    register_fonts(Path({str(tmp_path)!r}))\n"
        "except FontFileMissingError as e:\n"
        "    print('missing:', e)\n"
    )
    out = _run(code)
    assert "missing:" in out and "NanumGothic.ttf" in out
    assert FontFileMissingError.__mro__[1] is FileNotFoundError


def test_building_before_registering_fonts_is_a_clear_error() -> None:
    code = (
        "import io\n"
        "from consultdesk.reports.fonts import FontsNotRegisteredError\n"
        "from consultdesk.reports.samples import sample_referral\n"
        "from consultdesk.reports.referral import build_referral_pdf\n"
        "try:\n"
        "    build_referral_pdf(sample_referral(), io.BytesIO())\n"
        "except FontsNotRegisteredError as e:\n"
        "    print('refused:', e)\n"
    )
    assert "refused: Fonts are not registered" in _run(code)


def _run(code: str) -> str:
    src = Path(__file__).resolve().parents[2] / "src"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(src)},
        timeout=60,
    )
    return result.stdout
