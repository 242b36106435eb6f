"""The access log screen: who (pharmacist and device), when, which resident, what;
filter by date and resident, check the chain, and mark this month's inspection.

Reading the log is itself logged (services.access_log.read_log). The same is on the command
line: ``consultdesk access-log`` and ``consultdesk verify``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from consultdesk.services import access_log
from consultdesk.services.workspace import Workspace
from consultdesk.ui.messages import error_text
from consultdesk.ui.tasks import run_task

# The actions as the standard names them (조회/입력/변경/삭제/출력/다운로드); marked here,
# translated when shown.
_ACTIONS: dict[str, object] = {  # QT_TRANSLATE_NOOP returns its text
    "view": QT_TRANSLATE_NOOP("AccessLog", "view"),
    "create": QT_TRANSLATE_NOOP("AccessLog", "create"),
    "update": QT_TRANSLATE_NOOP("AccessLog", "change"),
    "change": QT_TRANSLATE_NOOP("AccessLog", "change"),
    "delete": QT_TRANSLATE_NOOP("AccessLog", "delete"),
    "print": QT_TRANSLATE_NOOP("AccessLog", "print"),
    "export": QT_TRANSLATE_NOOP("AccessLog", "export"),
    "download": QT_TRANSLATE_NOOP("AccessLog", "download"),
    "failed_unlock": QT_TRANSLATE_NOOP("AccessLog", "failed unlock"),
}


def action_word(action: str) -> str:
    source = _ACTIONS.get(action)
    return QCoreApplication.translate("AccessLog", str(source)) if source else action


class AccessLogDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("Access log"))
        self.since = QDateEdit()
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        today = date.today()
        self.since.setDate(QDate(today.year, today.month, 1))
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.clicked.connect(self.refresh)
        self.mark_button = QPushButton(self.tr("Mark this month as checked"))
        self.mark_button.clicked.connect(self.mark_checked)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Pharmacist"),
                self.tr("Device"),
                self.tr("What"),
                self.tr("Resident"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Since")))
        top.addWidget(self.since)
        top.addWidget(self.show_button)
        top.addStretch(1)
        top.addWidget(self.mark_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.resize(900, 560)
        self.refresh()

    def refresh(self) -> None:
        since = date.fromisoformat(self.since.date().toString("yyyy-MM-dd"))
        ws = self.ws

        def work() -> tuple[list[access_log.LogRow], bool, list[str]]:
            rows = access_log.read_log(ws, since)
            return rows, access_log.verify_log(ws).ok, access_log.checked_months(ws)

        self.show_button.setEnabled(False)
        run_task(work, self._shown, self._failed)

    def _shown(self, result: tuple[list[access_log.LogRow], bool, list[str]]) -> None:
        rows, intact, checked = result
        self.show_button.setEnabled(True)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            what = f"{action_word(r.action)} · {r.entity}"
            values = (r.at, r.actor, r.device[:8], what, r.resident_name or r.resident_id)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(i, column, item)
        chain = (
            self.tr("The log is intact.")
            if intact
            else self.tr("The log was changed after it was written: run 'consultdesk verify'.")
        )
        months = ", ".join(checked) or self.tr("none")
        self.status.setText(
            self.tr("{count} rows. {chain} Months checked: {months}.").format(
                count=len(rows), chain=chain, months=months
            )
        )

    def _failed(self, error: Exception) -> None:
        self.show_button.setEnabled(True)
        self.status.setText(error_text(error))

    def mark_checked(self) -> None:
        try:
            access_log.mark_checked(self.ws)
        except Exception as e:  # a storage error is said in the dialog
            self.status.setText(error_text(e))
            return
        self.refresh()


def install_access_log(window: QMainWindow, ws: Workspace) -> QAction:
    """A Tools-menu item (or File if there is no Tools menu) that opens the access log."""
    action = QAction(QCoreApplication.translate("AccessLog", "Access &log…"), window)
    action.triggered.connect(lambda: AccessLogDialog(ws, window).exec())
    menus = window.menuBar().findChildren(QMenu)
    target = menus[1] if len(menus) > 1 else (menus[0] if menus else None)
    if target is not None:
        target.addAction(action)
    return action
