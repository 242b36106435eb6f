"""Paragraph and table styles shared by the three documents.

One base size per document: 10 pt for the professional sheets, 14 pt for the resident's list
(large print for older readers). Leading is ~1.5× because Hangul is tall and dense.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from consultdesk.reports.fonts import FONT_BOLD, FONT_REGULAR

INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#5A5A5A")
RULE = colors.HexColor("#B8B8B8")
SHADE = colors.HexColor("#F0F0EC")
ZEBRA = colors.HexColor("#F7F7F4")
ACCENT = colors.HexColor("#2F5D62")


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_center: ParagraphStyle
    bullet: ParagraphStyle


def make_styles(base: float) -> Styles:
    leading = round(base * 1.5, 1)
    body = ParagraphStyle(
        "body",
        fontName=FONT_REGULAR,
        # ReportLab draws bullets in Helvetica unless told: no Hangul, and an unembedded font.
        bulletFontName=FONT_REGULAR,
        fontSize=base,
        leading=leading,
        textColor=INK,
        spaceAfter=base * 0.4,
    )
    small = ParagraphStyle(
        "small", parent=body, fontSize=base * 0.85, leading=base * 1.3, textColor=MUTED
    )
    heading = ParagraphStyle(
        "heading",
        parent=body,
        fontName=FONT_BOLD,
        fontSize=base * 1.2,
        leading=base * 1.7,
        textColor=ACCENT,
        spaceBefore=base * 0.9,
        spaceAfter=base * 0.4,
    )
    title = ParagraphStyle(
        "title",
        parent=body,
        fontName=FONT_BOLD,
        fontSize=base * 1.8,
        leading=base * 2.4,
        spaceAfter=base * 0.6,
    )
    cell = ParagraphStyle("cell", parent=body, spaceAfter=0, leading=round(base * 1.4, 1))
    cell_head = ParagraphStyle("cell_head", parent=cell, fontName=FONT_BOLD)
    cell_center = ParagraphStyle("cell_center", parent=cell, alignment=1)
    # Hanging indent: a wrapped second line starts under the text, not under the bullet.
    bullet = ParagraphStyle(
        "bullet", parent=body, leftIndent=base * 1.3, bulletIndent=base * 0.3, spaceAfter=base * 0.2
    )
    return Styles(body, small, heading, title, cell, cell_head, cell_center, bullet)


CELL_PAD = 3.0


def grid_style(*, header: bool, pad: float = CELL_PAD) -> TableStyle:
    """Light grid; optionally a shaded header row (tables repeat it on each page)."""
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        # Tables set their cell font even for Paragraph cells; Helvetica would be listed,
        # unembedded, on every page that has a table.
        ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad + 1),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad + 1),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad + 1),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ]
    return TableStyle(commands)
