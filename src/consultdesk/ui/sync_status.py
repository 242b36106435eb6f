"""The status bar's sync widget: last sync, changes waiting, conflicts, and "sync now"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QToolButton,
    QWidget,
)

from consultdesk.services import sync
from consultdesk.services.sync import SyncStatus
from consultdesk.ui import style
from consultdesk.ui.times import local_time

if TYPE_CHECKING:  # the controller's module imports this one
    from consultdesk.ui.sync_view import SyncController


class SyncStatusBar(QWidget):
    """Last successful sync, changes waiting, open conflicts, and a "sync now" button."""

    conflicts_requested = Signal()

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.label = QLabel()
        self.conflicts = QToolButton()
        self.conflicts.setAutoRaise(True)
        style.error_text(self.conflicts, strong=True)
        self.conflicts.clicked.connect(self.conflicts_requested)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setMaximumWidth(120)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.button = QToolButton()
        self.button.setText(self.tr("Sync now"))
        self.button.clicked.connect(lambda: self.controller.sync_now())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.conflicts)
        layout.addWidget(self.bar)
        layout.addWidget(self.button)
        controller.status_changed.connect(self.show_status)
        controller.progress.connect(lambda fraction: self.bar.setValue(round(fraction * 100)))
        controller.running_changed.connect(self._running)
        # A team summary is one setting: shown at once. The counts follow when the controller
        # reads the status in the background (the main window has it do so once painted).
        if sync.team_summary(controller.ws) is None:
            self.label.setText(self.tr("Not syncing with a team"))
            self.button.hide()
            self.conflicts.hide()
        else:
            self.label.setText(self.tr("Reading the sync status…"))

    def show_status(self, status: SyncStatus) -> None:
        if status.team is None:
            self.label.setText(self.tr("Not syncing with a team"))
            self.button.hide()
            self.conflicts.hide()
            return
        self.button.show()
        parts = []
        if status.last_success is None:
            parts.append(self.tr("Never synced"))
        else:
            parts.append(self.tr("Last sync {time}").format(time=local_time(status.last_success)))
        error = self.controller.last_error
        if error is not None:
            if getattr(error, "code", "") == "share_unavailable":
                parts.append(self.tr("shared folder not reachable"))
            else:
                parts.append(self.tr("last sync failed"))
        parts.append(self.tr("{count} waiting to be sent").format(count=f"{status.waiting:,}"))
        self.label.setText(" · ".join(parts))
        self.conflicts.setText(self.tr("%n conflict(s)", "", status.open_conflicts))
        self.conflicts.setVisible(status.open_conflicts > 0)

    def _running(self, running: bool) -> None:
        self.bar.setValue(0)
        self.bar.setVisible(running)
        self.button.setEnabled(not running)
        if running:
            self.label.setText(self.tr("Syncing…"))
