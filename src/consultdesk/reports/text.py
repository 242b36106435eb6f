"""Turning user-typed text into safe Paragraph markup."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from consultdesk.reports.fonts import normalise_text

# A resident registration number (주민등록번호): YYMMDD, then a gender/century digit 1-8 and six
# more digits, with or without the hyphen. The app refuses to store one (README, Data safety); this
# is the last line of defence so a number pasted into a note still never reaches paper.
RRN_PATTERN = re.compile(
    r"(?<!\d)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\s?[-\u2013]?\s?[1-8]\d{6}(?!\d)"
)
RRN_MASK = "******-*******"


def printable(value: object) -> str:
    """Plain text ready to draw: glyphs the font has, no registration number."""
    return RRN_PATTERN.sub(RRN_MASK, normalise_text(str(value)))


def markup(value: object) -> str:
    """Paragraph markup for user text: escaped, line breaks kept."""
    lines = printable(value).replace("\r\n", "\n").split("\n")
    return "<br/>".join(escape(line) for line in lines)


def para(value: object, style: ParagraphStyle, *, bold: bool = False) -> Paragraph:
    body = markup(value)
    return Paragraph(f"<b>{body}</b>" if bold else body, style)
