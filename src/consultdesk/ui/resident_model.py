"""The residents table: a read-only table model over search results.

Its cells live on Qt's side, in a QStandardItemModel, so painting the list never calls into
Python: a Python model is asked for every painted cell (its roles, and the row and column
counts behind each index), which took 10 of the 12 ms a keystroke's repaint cost on the 10k
demo; the same cells held by Qt paint in 4. Making all of a search's items would cost as much
again, so a row's items are made when it is first painted (``fill``, from a paint filter on
the view) and the first screenful at once: most searches list fewer rows than that, and a
screen's worth is what the first paint shows anyway.

So a row far down a long list has no items until it is scrolled to: code reads the listed
residents from ``rows`` (``id_at``), never from ``data()``. ``match()`` (the view's
type-to-find) fills every row first.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView

from consultdesk.domain.dates import full_age
from consultdesk.domain.resident import ResidentRow
from consultdesk.ui.labels import living_options, sex_options

ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Rows made as soon as the list is set: what a laptop screen shows.
FIRST_FILLED = 30

Index = QModelIndex | QPersistentModelIndex


class ResidentTableModel(QStandardItemModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("ResidentTableModel", "Name"),
        QT_TRANSLATE_NOOP("ResidentTableModel", "Age"),
        QT_TRANSLATE_NOOP("ResidentTableModel", "Sex"),
        QT_TRANSLATE_NOOP("ResidentTableModel", "Phone"),
        QT_TRANSLATE_NOOP("ResidentTableModel", "District"),
        QT_TRANSLATE_NOOP("ResidentTableModel", "Living situation"),
        QT_TRANSLATE_NOOP("ResidentTableModel", "Welfare centre"),
    )
    NAME, AGE, SEX, PHONE, DISTRICT, LIVING, CENTRE = range(len(HEADERS))
    CONTEXT = "ResidentTableModel"  # of HEADERS, as for the other lists (ui/table_model.py)

    def __init__(self, today: date | None = None) -> None:
        super().__init__(0, len(self.HEADERS))
        self.rows: list[ResidentRow] = []
        self._filled: list[bool] = []
        self._words: tuple[dict[str, str], dict[str, str]] = ({}, {})
        self._today = today or date.today()
        # Every cell is made by the model itself, in C++, as a copy of this read-only item
        # (QStandardItemModel.setData on an empty cell), never in Python and handed over.
        # With cells cloned in Python from kept templates and passed to setItem, the UI tests
        # crashed now and then (a segfault in 4 of 9 runs of 70 of them; once a template
        # "Internal C++ object (QStandardItem) already deleted"); made by the model, 0 of 6.
        # Why PySide went wrong there was not found.
        prototype = QStandardItem()
        prototype.setFlags(
            Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        self.setItemPrototype(prototype)  # the model owns it from here

    # --- the listed residents --------------------------------------------------------------

    def set_rows(self, rows: list[ResidentRow]) -> None:
        """List these residents instead (one model reset; the view's selection goes)."""
        self.beginResetModel()
        blocked = self.blockSignals(True)  # one reset, not a removal and an insertion
        try:
            self.setRowCount(0)
            self.rows = list(rows)
            self._filled = [False] * len(self.rows)
            self._words = (dict(sex_options()), dict(living_options()))
            self.setRowCount(len(self.rows))
            self._fill(0, FIRST_FILLED - 1)
        finally:
            self.blockSignals(blocked)
        self.endResetModel()

    def remove_rows(self, first: int, end: int) -> None:
        """Rows ``first`` up to (not including) ``end`` went."""
        self.removeRows(first, end - first)
        del self.rows[first:end]
        del self._filled[first:end]

    def insert_rows(self, at: int, rows: list[ResidentRow]) -> None:
        """New rows before row ``at`` (made when painted, like rows scrolled to)."""
        self.rows[at:at] = rows
        self._filled[at:at] = [False] * len(rows)
        self.insertRows(at, len(rows))

    def change_rows(self, rows: list[ResidentRow], changed: list[int]) -> None:
        """The same residents in the same order, those at ``changed`` shown anew."""
        self.rows[:] = rows
        for row in changed:
            if self._filled[row]:
                self._filled[row] = False
                self._fill(row, row)  # each item's change repaints its cell

    def row_at(self, row: int) -> ResidentRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def id_at(self, row: int) -> str | None:
        listed = self.row_at(row)
        return listed.id if listed else None

    # --- the cells --------------------------------------------------------------------------

    def cells(self, row: int) -> tuple[str, ...]:
        """The texts row ``row`` shows, column by column."""
        r = self.rows[row]
        sexes, livings = self._words
        return (
            r.name,
            self._age(r.birth_date),
            sexes.get(r.sex, r.sex),
            r.phone,
            r.district,
            livings.get(r.living_situation, r.living_situation),
            r.centre_name,
        )

    def _age(self, birth: date | None) -> str:
        if birth is None:
            return ""
        return self.tr("%n year(s)", "", full_age(birth, self._today))

    def fill(self, first: int, last: int) -> None:
        """Make the items of rows ``first`` to ``last`` (a view about to paint them)."""
        blocked = self.blockSignals(True)  # about to be painted: no repaint to ask for
        try:
            self._fill(first, last)
        finally:
            self.blockSignals(blocked)

    def _fill(self, first: int, last: int) -> None:
        filled, index, set_data = self._filled, self.index, self.setData
        display, align = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row in range(max(first, 0), min(last + 1, len(filled))):
            if filled[row]:
                continue
            filled[row] = True
            for column, text in enumerate(self.cells(row)):
                cell = index(row, column)
                set_data(cell, text, display)
                if column == self.AGE:
                    set_data(cell, right, align)
                elif column == self.NAME:
                    set_data(cell, self.rows[row].id, ID_ROLE)

    # --- QAbstractItemModel -----------------------------------------------------------------

    def headers(self) -> list[str]:
        return [QCoreApplication.translate(self.CONTEXT, str(t)) for t in self.HEADERS]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[section] if 0 <= section < len(self.HEADERS) else None

    def match(self, start: Index, role: int, value: Any, hits: int = 1, flags: Any = None) -> Any:
        """Type-to-find in the view looks at every row: make them all first."""
        self.fill(0, len(self.rows) - 1)
        if flags is None:
            flags = Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchWrap
        return super().match(start, role, value, hits, flags)


class FillBeforePaint(QObject):
    """Makes the items of the rows a table view is about to paint (the model's ``fill``)."""

    def __init__(self, table: QTableView, model: ResidentTableModel) -> None:
        super().__init__(table)
        self.table, self.model = table, model
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            top = self.table.rowAt(0)
            if top >= 0:
                bottom = self.table.rowAt(self.table.viewport().height() - 1)
                self.model.fill(top, bottom if bottom >= 0 else len(self.model.rows) - 1)
        return False
