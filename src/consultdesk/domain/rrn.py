"""Detect Korean resident registration numbers (주민등록번호) so they are never stored, and the one
check every text a person types goes through before it is kept (``text_problems``).

PIPA (개인정보 보호법) Art. 24-2 forbids processing them without a specific legal basis, even with
consent. The shape is YYMMDD-SNNNNNN: a valid birth date, then a digit 1–8 (sex and century;
5–8 for registered foreigners) and six more digits. Since October 2020 the last digits are no
longer a checksum, so we cannot rely on the check digit: a valid date plus the right shape is
treated as a number to refuse. Separators people type: none, a hyphen (or any dash a keyboard,
an IME or a copy from a PDF gives), spaces, a dot.

Text is compared after NFKC (full-width digits and dashes become ASCII) and with invisible
format characters (zero-width spaces, joiners, the BOM, direction marks) taken out, so
``８００１０１－１２３４５６７`` or a number with a zero-width space inside is still found.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date

from consultdesk.domain.problems import Problem

# Hyphen-minus and the dashes NFKC leaves as they are: U+2010 (and U+2011, which NFKC maps to
# it), figure dash, en and em dash, horizontal bar, minus sign, small and full-width forms.
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_CANDIDATE = re.compile(
    rf"(?<!\d)(\d{{2}})(\d{{2}})(\d{{2}})\s*[{_DASHES}.]?\s*([1-8])(\d{{6}})(?!\d)"
)


_ANY_DIGIT = re.compile(r"\d")


def normalise(text: str) -> str:
    """The text as it is compared: NFKC, without format characters (Unicode category Cf)."""
    if text.isascii():
        return text  # NFKC leaves ASCII as it is, and no ASCII character is a format one
    folded = unicodedata.normalize("NFKC", text)
    if folded.isprintable():
        # No character of any "Other" category, so no format one (Cf): the text as it is,
        # without looking at each character (a join checks millions of texts).
        return folded
    return "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")


def _plausible_birth(yy: str, mm: str, dd: str, code: str) -> bool:
    century = {"1": 1900, "2": 1900, "5": 1900, "6": 1900}.get(code, 2000)
    try:
        date(century + int(yy), int(mm), int(dd))
    except ValueError:
        return False
    return True


def find_rrn(text: str) -> list[tuple[int, int]]:
    """Spans (start, end), in ``normalise(text)``, of everything shaped like a registration
    number (the same as spans in the text itself when it holds no full-width or invisible
    characters)."""
    spans: list[tuple[int, int]] = []
    if not text.isascii() and not _ANY_DIGIT.search(unicodedata.normalize("NFKC", text)):
        # No digit after NFKC, so none once the format characters are out either: nothing to
        # find (most names and notes; this skips the character-by-character filter).
        return spans
    for m in _CANDIDATE.finditer(normalise(text)):
        if _plausible_birth(m.group(1), m.group(2), m.group(3), m.group(4)):
            spans.append(m.span())
    return spans


def contains_rrn(text: str) -> bool:
    return bool(find_rrn(text))


def is_storable(text: str) -> bool:
    """False for text that cannot be written as UTF-8 (a lone surrogate from a broken paste),
    or that holds a NUL character (text read back through C stops at it: exports, the sqlite3
    shell, many viewers)."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def text_problems(fields: Iterable[tuple[str, str]]) -> list[Problem]:
    """The one check for text a person typed, given as (field, text) pairs: a registration
    number is refused, and so is text that cannot be stored. One problem per field at most."""
    problems: list[Problem] = []
    for name, text in fields:
        code = text_problem_code(text)
        if code == "text_unreadable":
            problems.append(Problem(name, code, {}, "The text holds a character that is broken."))
        elif code == "rrn_refused":
            problems.append(
                Problem(name, code, {}, "A resident registration number cannot be stored.")
            )
    return problems


def text_problem_code(text: str) -> str | None:
    """The code of ``text_problems`` for one text: "text_unreadable", "rrn_refused" or None."""
    if not text:
        return None
    if not is_storable(text):
        return "text_unreadable"
    if contains_rrn(text):
        return "rrn_refused"
    return None
