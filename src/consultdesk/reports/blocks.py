"""Building blocks the three documents share: headings, field tables, data tables, lists."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TypeAlias

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table

from consultdesk.reports.content import DoseSchedule
from consultdesk.reports.labels import Lang, text
from consultdesk.reports.styles import CELL_PAD, RULE, SHADE, ZEBRA, Styles, grid_style
from consultdesk.reports.text import markup, para, printable

Cell: TypeAlias = "Flowable | str"


def fmt_date(value: date) -> str:
    # ISO dates in both languages, as Korean pharmacists write them (docs/style.md).
    return value.isoformat()


def age_text(birth_year: int | None, age_years: int | None, lang: Lang) -> str:
    parts = []
    if birth_year is not None:
        parts.append(text("age.birth_year", lang, year=birth_year))
    if age_years is not None:
        parts.append(text("age.years", lang, age=age_years))
    if len(parts) == 2:
        return f"{parts[0]} ({parts[1]})"
    return parts[0] if parts else text("value.not_recorded", lang)


def schedule_text(schedule: DoseSchedule, lang: Lang) -> str:
    """Compact "아침 1 · 저녁 1" form for the professional documents."""
    taken = [
        f"{text('slot.' + slot, lang)} {amount.strip()}"
        for slot, amount in schedule.slots()
        if amount.strip()
    ]
    return " · ".join(taken)


def heading(title: str, styles: Styles) -> list[Flowable]:
    """A section heading that is never left alone at the foot of a page.

    A conditional break rather than keepWithNext: keepWithNext would carry a whole long table
    to the next page with its heading, leaving half a page empty.
    """
    return [CondPageBreak(styles.heading.fontSize * 6), para(title, styles.heading)]


def _cell(value: Cell, styles: Styles) -> Flowable:
    return value if isinstance(value, Flowable) else para(value, styles.cell)


def fields_table(
    pairs: Sequence[tuple[str, Cell]],
    styles: Styles,
    *,
    width: float,
    label_width: float,
    per_row: int = 1,
    row_heights: Sequence[float | None] | None = None,
) -> Table:
    """Label | value grid with shaded labels; `per_row` pairs side by side."""
    rows = [pairs[start : start + per_row] for start in range(0, len(pairs), per_row)]
    return fields_grid(rows, styles, width=width, label_width=label_width, row_heights=row_heights)


def fitted_fields_table(
    pairs: Sequence[tuple[str, Cell]],
    styles: Styles,
    *,
    width: float,
    most_per_row: int = 3,
) -> Table:
    """A fields table as compact as it can be without wrapping a short value.

    Labels and values differ in length between Korean and English, so the number of pairs
    per row and the label width are measured rather than fixed.
    """
    label_width = min(
        max(
            max(_text_width(label, styles.cell_head) for label, _ in pairs) + 2 * CELL_PAD + 2,
            18 * mm,
        ),
        width / 3,
    )
    per_row = 1
    for candidate in range(most_per_row, 1, -1):
        room = (width - candidate * label_width) / candidate - 2 * CELL_PAD - 2
        if all(isinstance(v, str) and _text_width(v, styles.cell) <= room for _, v in pairs):
            per_row = candidate
            break
    return fields_table(pairs, styles, width=width, label_width=label_width, per_row=per_row)


def _text_width(value: str, style: ParagraphStyle) -> float:
    return float(stringWidth(printable(value), style.fontName, style.fontSize))


def fields_grid(
    rows: Sequence[Sequence[tuple[str, Cell]]],
    styles: Styles,
    *,
    width: float,
    label_width: float,
    row_heights: Sequence[float | None] | None = None,
) -> Table:
    """Label | value grid, row by row; a row with fewer pairs lets its last value span.

    Spanning keeps every value next to its label and leaves no empty shaded cell.
    """
    per_row = max(len(row) for row in rows)
    value_width = (width - per_row * label_width) / per_row
    cells: list[list[Cell]] = []
    style = grid_style(header=False)
    for row_index, pairs in enumerate(rows):
        row: list[Cell] = []
        for column, (label, value) in enumerate(pairs):
            row += [para(label, styles.cell_head), _cell(value, styles)]
            style.add("BACKGROUND", (2 * column, row_index), (2 * column, row_index), SHADE)
        if len(pairs) < per_row:
            row += [""] * (2 * (per_row - len(pairs)))
            style.add("SPAN", (2 * len(pairs) - 1, row_index), (-1, row_index))
        cells.append(row)
    table = Table(
        cells,
        colWidths=[label_width, value_width] * per_row,
        rowHeights=list(row_heights) if row_heights else None,
        hAlign="LEFT",
        splitInRow=1,
    )
    table.setStyle(style)
    return table


def data_table(
    header: Sequence[Cell],
    rows: Iterable[Sequence[Cell]],
    styles: Styles,
    *,
    col_widths: Sequence[float],
    zebra: bool = False,
) -> Table:
    """A table whose header row is repeated on every page it runs onto."""
    body = [[_cell(value, styles) for value in row] for row in rows]
    head = [
        label if isinstance(label, Flowable) else para(label, styles.cell_head) for label in header
    ]
    # splitInRow: one observation longer than a page must continue, not stop the export.
    table = Table(
        [head, *body], colWidths=list(col_widths), repeatRows=1, hAlign="LEFT", splitInRow=1
    )
    style = grid_style(header=True)
    if zebra:
        # Alternate shading helps older eyes follow a row across a wide grid.
        style.add("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, ZEBRA])
    table.setStyle(style)
    return table


def bullets(items: Iterable[str], styles: Styles) -> list[Paragraph]:
    return [
        Paragraph(markup(item), styles.bullet, bulletText="•") for item in items if item.strip()
    ]


class WritingLines(Flowable):
    """Ruled lines to write on by hand (the reply slip)."""

    def __init__(self, count: int, width: float, gap: float = 9 * mm) -> None:
        super().__init__()
        self.count = count
        self.line_width = width
        self.gap = gap

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.line_width = min(self.line_width, avail_width)
        return self.line_width, self.count * self.gap

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.setDash(1, 2)
        for index in range(self.count):
            y = index * self.gap
            canvas.line(0, y, self.line_width, y)
        canvas.restoreState()
