"""Next visits that are overdue or due this week."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.consultation import FollowUpRow
from consultdesk.services import consultations as svc
from consultdesk.services.workspace import Workspace
from consultdesk.ui import style
from consultdesk.ui.table_model import ReadOnlyTableModel

OVERDUE = style.brush(style.Tint.OVERDUE)


class FollowUpModel(ReadOnlyTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("FollowUpModel", "Resident"),
        QT_TRANSLATE_NOOP("FollowUpModel", "Phone"),
        QT_TRANSLATE_NOOP("FollowUpModel", "Last visit"),
        QT_TRANSLATE_NOOP("FollowUpModel", "Next visit"),
        QT_TRANSLATE_NOOP("FollowUpModel", "Due"),
    )
    RESIDENT, PHONE, LAST_VISIT, NEXT_VISIT, DUE = range(len(HEADERS))

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[FollowUpRow] = []
        self.today = date.today()

    def set_rows(self, rows: list[FollowUpRow], today: date | None = None) -> None:
        self.today = today or date.today()
        super().set_rows(rows)

    def due_text(self, row: FollowUpRow) -> str:
        days = (row.next_visit - self.today).days
        if days < 0:
            return self.tr("%n day(s) overdue", "", -days)
        if days == 0:
            return self.tr("today")
        return self.tr("in %n day(s)", "", days)

    def role_data(self, row: int, column: int, role: int) -> Any:
        follow_up = self.rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                follow_up.resident_name,
                follow_up.phone,
                follow_up.last_visit.isoformat(),
                follow_up.next_visit.isoformat(),
                self.due_text(follow_up),
            )[column]
        if role == Qt.ItemDataRole.BackgroundRole and follow_up.next_visit < self.today:
            return OVERDUE
        return None


class FollowUpView(QWidget):
    """Emits ``resident_requested`` to show the resident (and start the visit from there)."""

    resident_requested = Signal(str)

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.model = FollowUpModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Each column as wide as its header and its words in either language; the last one
        # takes the rest. Measured on the first rows only, so a long list stays quick.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(50)
        header.setStretchLastSection(True)
        self.table.activated.connect(self._open)
        self.summary = QLabel()
        style.large(self.summary)
        open_button = QPushButton(self.tr("Show resident"))
        open_button.clicked.connect(lambda: self._open(self.table.currentIndex()))
        title = QLabel(self.tr("Follow-up visits: overdue and due this week"))
        style.title(title)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def refresh(self, today: date | None = None) -> None:
        today = today or date.today()
        due = svc.follow_up_list(self.ws, today)
        self.model.set_rows(due.overdue + due.this_week, today)
        self.summary.setText(
            self.tr("{overdue} overdue · {week} due this week").format(
                overdue=len(due.overdue), week=len(due.this_week)
            )
        )

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.resident_requested.emit(self.model.rows[index.row()].resident_id)
