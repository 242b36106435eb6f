"""The residents table: a plain QAbstractTableModel over search results."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from consultdesk.domain.dates import full_age
from consultdesk.storage.residents_repo import ResidentRow
from consultdesk.ui.labels import living_options, option_label, sex_options

ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class ResidentTableModel(QAbstractTableModel):
    NAME, AGE, SEX, PHONE, DISTRICT, LIVING, CENTRE = range(7)

    def __init__(self, today: date | None = None) -> None:
        super().__init__()
        self._rows: list[ResidentRow] = []
        self._today = today or date.today()

    def set_rows(self, rows: list[ResidentRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

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
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return r.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.AGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == self.NAME:
            return r.name
        if col == self.AGE:
            if r.birth_date is None:
                return ""
            return self.tr("{age} years").format(age=full_age(r.birth_date, self._today))
        if col == self.SEX:
            return option_label(sex_options(), r.sex)
        if col == self.PHONE:
            return r.phone
        if col == self.DISTRICT:
            return r.district
        if col == self.LIVING:
            return option_label(living_options(), r.living_situation)
        return r.centre_name
