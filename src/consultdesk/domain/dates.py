"""Dates as people type them, and age as Koreans count it officially (만 나이).

Since 28 June 2023 the Civil Act and the Administrative Basic Act use 만 나이 (completed years
since birth) by default, so that is the only age the app shows.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# The day may be followed by 일 or a dot: "2026. 11. 21." is how Korean Windows and most Korean
# documents write a date (the locale's short format), "2026-11-21" is ISO 8601.
_DATE = re.compile(r"^\s*(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*[.일]?\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")


def parse_date(text: str) -> date | None:
    """2026-11-21, 2026. 11. 21., 2026.11.21, 2026/11/21, 20261121 or 2026년 11월 21일;
    None if malformed. Full-width digits and signs (１９４８－０３－０５, as a Korean input method
    in full-width mode types them) are read as their ASCII forms."""
    text = unicodedata.normalize("NFKC", text)
    m = _DATE.match(text) or _COMPACT.match(text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def full_age(birth: date, today: date) -> int:
    """만 나이: completed years; a 29 February birthday counts on 1 March in common years."""
    had_birthday = (today.month, today.day) >= (birth.month, birth.day)
    return today.year - birth.year - (0 if had_birthday else 1)


def format_date(value: date | None) -> str:
    """How the app writes a date in a field: ISO 8601 (2026-11-21), which parse_date reads."""
    return value.isoformat() if value else ""
