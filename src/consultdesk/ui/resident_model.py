"""The residents table: a plain QAbstractTableModel over search results."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from consultdesk.domain.dates import full_age
from consultdesk.storage.residents_repo import ResidentRow
from consultdesk.ui.labels import living_options, sex_options

ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class ResidentTableModel(QAbstractTableModel):
    NAME, AGE, SEX, PHONE, DISTRICT, LIVING, CENTRE = range(7)

    def __init__(self, today: date | None = None) -> None:
        super().__init__()
        self._rows: list[ResidentRow] = []
        self._cells: list[tuple[str, ...]] = []
        self._today = today or date.today()

    def set_rows(self, rows: list[ResidentRow]) -> None:
        # The cell texts are worked out once here: a view asks data() thousands of times per
        # repaint, so data() must be a lookup.
        sexes, livings = dict(sex_options()), dict(living_options())
        self.beginResetModel()
        self._rows = rows
        self._cells = [
            (
                r.name,
                self._age(r.birth_date),
                sexes.get(r.sex, r.sex),
                r.phone,
                r.district,
                livings.get(r.living_situation, r.living_situation),
                r.centre_name,
            )
            for r in rows
        ]
        self.endResetModel()

    def _age(self, birth: date | None) -> str:
        if birth is None:
            return ""
        return self.tr("%n year(s)", "", full_age(birth, self._today))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Name"),
            self.tr("Age"),
            self.tr("Sex"),
            self.tr("Phone"),
            self.tr("District"),
            self.tr("Living situation"),
            self.tr("Welfare centre"),
        ][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            row = index.row()
            return self._cells[row][index.column()] if 0 <= row < len(self._cells) else None
        if role == ID_ROLE:
            row = index.row()
            return self._rows[row].id if 0 <= row < len(self._rows) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.AGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
