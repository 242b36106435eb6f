"""At 1366×768, in Korean and in English, no table header is cut off (issue 10: 성별, 필요시,
"How it is taken", "As needed"), nor the words of a choice cell (조치, 복용 상태, …).

The real main window on a demo database, every page shown in turn, a consultation open with
both of its tables; widths are compared with the text's advance in the header's own font."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView, QWidget

from consultdesk.demo import fill_demo, showcase_resident
from consultdesk.services import consultations
from consultdesk.ui import i18n, labels
from consultdesk.ui.main_window import MainWindow
from consultdesk.ui.row_tables import RowTableView
from tests.ui.windows import settle

CELL_PADDING = 8  # the item's text margins on both sides and the focus frame


def header_padding(header: QHeaderView) -> int:
    """The style's margin on both sides of a section's label: the label is drawn in what is
    left, and elided ("As nee…") when it does not fit there."""
    return 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)


def cut_headers(table: QTableView) -> list[str]:
    """Header sections narrower than their text (in the bold face a current column's header
    takes) plus the style's margins."""
    header = table.horizontalHeader()
    bold = QFont(header.font())
    bold.setBold(True)
    metrics = [QFontMetrics(header.font()), QFontMetrics(bold)]
    model = table.model()
    cut = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        needed = max(m.horizontalAdvance(text) for m in metrics) + header_padding(header)
        if header.sectionSize(section) < needed:
            cut.append(f"{text!r}: {header.sectionSize(section)} < {needed}")
    return cut


def cut_choices(table: RowTableView) -> list[str]:
    """Choice columns (a fixed list of words) narrower than their longest word."""
    metrics = QFontMetrics(table.font())
    cut = []
    for section, column in enumerate(table.rows_model.columns):
        if column.options is None or section == table.horizontalHeader().count() - 1:
            continue  # the last column stretches to the table's edge
        for _, label in column.options():
            needed = metrics.horizontalAdvance(label) + CELL_PADDING
            if table.columnWidth(section) < needed:
                cut.append(f"{label!r}: {table.columnWidth(section)} < {needed}")
    return cut


def visible_tables(widget: QWidget) -> list[QTableView]:
    return [t for t in widget.findChildren(QTableView) if t.isVisible()]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_header_or_choice_is_cut_off_at_1366_by_768(qtbot, workspace, lang):
    fill_demo(workspace, residents=40, sessions=None)
    try:
        i18n.install(lang)
        window = MainWindow(workspace)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        settle()
        seen: dict[str, list[str]] = {}
        checked = 0
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            settle()
            for table in visible_tables(window.stack.currentWidget()):
                checked += 1
                seen[f"{window.nav.item(row).text()} {checked}"] = cut_headers(table)

        # The residents list is sized from its first rows: a word further down (기록 없음 for
        # a sex not recorded, 시설 거주 …) must fit as well.
        window.nav.setCurrentRow(0)
        listed = window.residents.table
        metrics = QFontMetrics(listed.font())
        for column, options in ((2, labels.sex_options()), (5, labels.living_options())):
            for _, label in options:
                needed = metrics.horizontalAdvance(label) + CELL_PADDING
                if listed.columnWidth(column) < needed:
                    seen.setdefault("residents list", []).append(
                        f"{label!r}: {listed.columnWidth(column)} < {needed}"
                    )

        resident = showcase_resident(workspace)
        assert resident is not None
        window.open_consultation(consultations.resident_timeline(workspace, resident)[0].id)
        editor = window.editor
        for tab, table in ((0, editor.med_table), (1, editor.problem_table)):
            editor.tabs.setCurrentIndex(tab)
            settle()
            assert table.isVisible()
            checked += 1
            seen[f"editor tab {tab}"] = cut_headers(table) + cut_choices(table)
        assert checked >= 5  # residents, follow-ups, referrals, medicines, problems at least
        assert {k: v for k, v in seen.items() if v} == {}
        window.editor.close_consultation()
    finally:
        i18n.install("ko")
