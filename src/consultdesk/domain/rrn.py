"""Detect Korean resident registration numbers (주민등록번호) so they are never stored.

PIPA (개인정보 보호법) Art. 24-2 forbids processing them without a specific legal basis, even with
consent. The shape is YYMMDD-SNNNNNN: a valid birth date, then a digit 1–8 (sex and century;
5–8 for registered foreigners) and six more digits. Since October 2020 the last digits are no
longer a checksum, so we cannot rely on the check digit: a valid date plus the right shape is
treated as a number to refuse. Separators people type: none, a hyphen, spaces, a dot.
"""

from __future__ import annotations

import re
from datetime import date

_CANDIDATE = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})\s*[-–—.]?\s*([1-8])(\d{6})(?!\d)")


def _plausible_birth(yy: str, mm: str, dd: str, code: str) -> bool:
    century = {"1": 1900, "2": 1900, "5": 1900, "6": 1900}.get(code, 2000)
    try:
        date(century + int(yy), int(mm), int(dd))
    except ValueError:
        return False
    return True


def find_rrn(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of everything in the text shaped like a registration number."""
    spans = []
    for m in _CANDIDATE.finditer(text):
        if _plausible_birth(m.group(1), m.group(2), m.group(3), m.group(4)):
            spans.append(m.span())
    return spans


def contains_rrn(text: str) -> bool:
    return bool(find_rrn(text))
