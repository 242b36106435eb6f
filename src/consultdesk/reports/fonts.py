"""Nanum Gothic registration and the text clean-up its glyph coverage needs.

ReportLab only embeds what a registered TTF can draw; a character missing from the font's
cmap comes out as an empty box (or nothing), so printed text is normalised first.
"""

from __future__ import annotations

import logging
import threading
import unicodedata
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

log = logging.getLogger(__name__)

FONT_REGULAR = "NanumGothic"
FONT_BOLD = "NanumGothic-Bold"
FONT_FILES = {FONT_REGULAR: "NanumGothic.ttf", FONT_BOLD: "NanumGothicBold.ttf"}

# Printed in place of a character that neither the table below nor Unicode decomposition
# can bring into the font: visible, unlike a silently dropped letter.
REPLACEMENT = "?"


class FontsNotRegisteredError(RuntimeError):
    """A PDF was requested before `register_fonts()` ran in this process."""


class FontFileMissingError(FileNotFoundError):
    """The bundled Nanum Gothic files are not where the app said they would be."""


# Characters that people (or pasted text from other programs) use and Nanum Gothic 2.x lacks,
# mapped to a look-alike it has. Found by walking the font's cmap (see tests/reports).
_SUBSTITUTES: dict[str, str] = {
    "\u00b5": "\u03bc",  # micro sign -> Greek mu: "500µg" is common on Korean labels
    "\u2212": "-",  # minus sign
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "\u2013",  # figure dash -> en dash
    "\u2219": "\u00b7",  # bullet operator -> middle dot
    "\u2027": "\u00b7",  # hyphenation point -> middle dot
    "\u2024": ".",  # one dot leader
    "\u2610": "\u25a1",  # ballot box -> white square
    "\u2611": "\u25a0",  # ballot box with check -> black square
    "\u2612": "\u25a0",  # ballot box with x -> black square
    "\u2713": "\u221a",  # check mark -> square root sign, the usual Korean stand-in
    "\u2714": "\u221a",
    "\u2705": "\u221a",
    "\u2717": "\u00d7",  # ballot x -> multiplication sign
    "\u2718": "\u00d7",
    "\u274c": "\u00d7",
    "\u25aa": "\u25a0",  # small black square
    "\u25ab": "\u25a1",
    "\u25b8": "\u25b6",  # small right triangle
    "\u25ba": "\u25b6",
    "\u21e8": "\u2192",
    "\u27a1": "\u2192",
    "\u2009": " ",  # thin / narrow no-break / figure spaces
    "\u202f": " ",
    "\u2007": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\t": " ",
}
# Invisible characters that only make trouble in a PDF (wrapping, copy-paste).
_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}

_lock = threading.Lock()
_covered: frozenset[int] | None = None


def register_fonts(fonts_dir: Path) -> None:
    """Register Nanum Gothic regular + bold as one family, once per process.

    Later calls are no-ops: ReportLab's registry is process-wide and re-reading the
    4 MB TTFs would cost ~100 ms per document.
    """
    global _covered
    with _lock:
        if _covered is not None:
            return
        fonts_dir = Path(fonts_dir)
        faces: list[TTFont] = []
        for name, file_name in FONT_FILES.items():
            path = fonts_dir / file_name
            if not path.is_file():
                raise FontFileMissingError(
                    f"Font file {path} is missing; reinstall ConsultDesk "
                    "or restore resources/fonts."
                )
            face = TTFont(name, str(path))
            pdfmetrics.registerFont(face)
            faces.append(face)
        # <b> in a Paragraph looks the family up; Nanum has no italic, so italic maps to upright.
        addMapping(FONT_REGULAR, 0, 0, FONT_REGULAR)
        addMapping(FONT_REGULAR, 1, 0, FONT_BOLD)
        addMapping(FONT_REGULAR, 0, 1, FONT_REGULAR)
        addMapping(FONT_REGULAR, 1, 1, FONT_BOLD)
        pdfmetrics.registerFontFamily(
            FONT_REGULAR,
            normal=FONT_REGULAR,
            bold=FONT_BOLD,
            italic=FONT_REGULAR,
            boldItalic=FONT_BOLD,
        )
        # Only characters both weights can draw count as covered.
        regular, bold = (set(f.face.charToGlyph) for f in faces)
        _covered = frozenset(regular & bold)


def fonts_registered() -> bool:
    return _covered is not None


def require_fonts() -> None:
    if _covered is None:
        raise FontsNotRegisteredError(
            "Fonts are not registered: call reports.fonts.register_fonts(fonts_dir) at start-up."
        )


def has_glyph(char: str) -> bool:
    require_fonts()
    assert _covered is not None
    return ord(char) in _covered


def missing_glyphs(text: str) -> set[str]:
    """Characters of `text` (other than line breaks) that the font cannot draw."""
    return {c for c in text if c not in "\n\r" and not has_glyph(c)}


def normalise_text(text: str) -> str:
    """Return `text` with every character drawable in Nanum Gothic.

    NFC first: Hangul typed or pasted on macOS can arrive decomposed (conjoining jamo),
    which the font only partly covers and which would print as loose letters.
    """
    require_fonts()
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    for char in text:
        if char in _DROP:
            continue
        char = _SUBSTITUTES.get(char, char)
        if char == "\n" or has_glyph(char):
            out.append(char)
            continue
        out.append(_fallback(char))
    return "".join(out)


def _fallback(char: str) -> str:
    # Compatibility form first (e.g. ㏄ -> cc, ⒈ -> 1.), then the base letter without accents
    # (Nanum lacks Ä, Õ, ...), so foreign names stay readable.
    if unicodedata.category(char).startswith("C") or char == "\r":
        return ""
    for candidate in (
        unicodedata.normalize("NFKC", char),
        "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)),
    ):
        if candidate and all(has_glyph(c) for c in candidate):
            return candidate
    log.warning("No glyph for U+%04X in Nanum Gothic; printed as %r", ord(char), REPLACEMENT)
    return REPLACEMENT
