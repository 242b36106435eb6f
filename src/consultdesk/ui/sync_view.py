"""Team sync on screen: the sync area and the controller behind "sync now" (the status-bar
widget is ui/sync_status.py, the report ui/sync_report_dialog.py, set-up ui/team_setup_dialog.py).

Sync runs off the GUI thread (ui.tasks); progress comes back through a signal, so widgets are
only touched on the GUI thread. At start-up a sync runs in the background when a team is set
up; when the application quits, this laptop's unsent changes are written to the share with a
short, bounded wait (importing can wait for the next start).
"""

from __future__ import annotations

import contextlib
import logging
import threading

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultdesk.services import sync
from consultdesk.services.sync import SyncReport, SyncStatus
from consultdesk.services.workspace import Workspace
from consultdesk.ui.conflicts_view import ConflictsView
from consultdesk.ui.messages import error_text
from consultdesk.ui.sync_report_dialog import SyncReportDialog
from consultdesk.ui.tasks import ProgressRelay, run_task
from consultdesk.ui.team_setup_dialog import TeamSetupDialog
from consultdesk.ui.times import local_time

log = logging.getLogger(__name__)

# How long quitting waits for this laptop's changes to reach the share. The writing thread is
# not killed after that: the process ends when it is done, the window is already gone.
QUIT_SEND_SECONDS = 5.0


class SyncController(QObject):
    """Runs syncs for one window and tells the widgets what happened."""

    status_changed = Signal(object)  # SyncStatus
    progress = Signal(float)
    running_changed = Signal(bool)
    report_ready = Signal(object)  # SyncReport
    failed = Signal(object)  # Exception

    def __init__(self, ws: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.running = False
        self.last_error: Exception | None = None
        self._relay = ProgressRelay(self)
        self._relay.progressed.connect(self.progress)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.send_on_quit)

    def status(self) -> SyncStatus:
        return sync.sync_status(self.ws)

    def refresh_status(self) -> None:
        """Read the status in the background (counting waiting changes reads an index that
        grows with unsent work) and announce it when ready."""
        ws = self.ws
        run_task(lambda: sync.sync_status(ws), self._status_ready, self._status_failed)

    def _status_ready(self, status: SyncStatus) -> None:
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self.status_changed.emit(status)

    def _status_failed(self, error: Exception) -> None:
        log.warning("sync status unavailable: %s", error)

    def start_up(self) -> None:
        """The quiet sync after the window opens: only when a team is set up."""
        if sync.team_summary(self.ws) is not None:
            self.sync_now(quiet=True)

    def sync_now(self, quiet: bool = False) -> bool:
        """Start a sync in the background; False if one is running already."""
        if self.running:
            return False
        self.running = True
        self.running_changed.emit(True)
        emit = self._relay.progressed.emit
        ws = self.ws
        run_task(
            lambda: sync.sync_now(ws, progress=emit),
            lambda report: self._done(report, quiet),
            lambda error: self._failed(error, quiet),
        )
        return True

    def _done(self, report: SyncReport, quiet: bool) -> None:
        self.running = False
        self.last_error = None
        self.running_changed.emit(False)
        self.refresh_status()
        # A quiet run (at start-up) never opens a dialog: the status bar shows its outcome.
        if not quiet:
            self.report_ready.emit(report)

    def _failed(self, error: Exception, quiet: bool) -> None:
        self.running = False
        self.last_error = error
        self.running_changed.emit(False)
        self.refresh_status()
        if not quiet:
            self.failed.emit(error)

    def send_on_quit(self) -> None:
        if sync.team_summary(self.ws) is None:
            return

        def send() -> None:
            try:
                sync.send_changes(self.ws)
            except Exception:  # the share may be gone; the changes stay queued for next time
                log.warning("could not send changes on quit", exc_info=True)

        # A plain thread, not the Qt pool: the interpreter waits for it before exiting, so a
        # bundle is never left written but unmarked as sent.
        worker = threading.Thread(target=send, name="consultdesk-send-on-quit")
        worker.start()
        worker.join(QUIT_SEND_SECONDS)


class SyncView(QWidget):
    """The "Sync" area: the team, the state of sync, and the conflicts to decide."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, load: bool = True) -> None:
        """``load``: read the status and the conflicts now; the main window passes False and
        reads the status once it is painted, the conflicts when this area is shown."""
        super().__init__(parent)
        self.ws = ws
        self.controller = SyncController(ws, self)
        team_box = QGroupBox(self.tr("Team"))
        self.team_label = QLabel()
        self.team_label.setWordWrap(True)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.setup_button = QPushButton(self.tr("Set up the team folder…"))
        self.setup_button.clicked.connect(self.set_up_team)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.clicked.connect(lambda: self.controller.sync_now())
        self.ignored_button = QPushButton(self.tr("Files we ignore…"))
        self.ignored_button.clicked.connect(self.show_ignored)
        self.devices_button = QPushButton(self.tr("Computers in the team…"))
        self.devices_button.clicked.connect(self.show_devices)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.setup_button)
        buttons.addWidget(self.ignored_button)
        buttons.addWidget(self.devices_button)
        buttons.addStretch(1)
        box_layout = QVBoxLayout(team_box)
        box_layout.addWidget(self.team_label)
        box_layout.addWidget(self.state_label)
        box_layout.addLayout(buttons)
        box_layout.addWidget(self.progress)
        self.conflicts = ConflictsView(ws, load=load)
        self.conflicts.resolved.connect(self.controller.refresh_status)
        layout = QVBoxLayout(self)
        layout.addWidget(team_box)
        layout.addWidget(self.conflicts, 1)
        self.controller.status_changed.connect(self.show_status)
        self.controller.running_changed.connect(self._running)
        self.controller.progress.connect(lambda f: self.progress.setValue(round(f * 100)))
        self.controller.report_ready.connect(self._report)
        self.controller.failed.connect(self._failed)
        self.state_label.setText(self.tr("Reading the sync status…"))
        if load:
            self.controller.refresh_status()  # in the background: counting can take a while

    def refresh(self) -> None:
        self.controller.refresh_status()
        self.conflicts.refresh()

    def show_status(self, status: SyncStatus) -> None:
        if status.team is None:
            self.team_label.setText(
                self.tr("This computer is not part of a team. Set up the team folder to share.")
            )
            self.state_label.clear()
            self.sync_button.setEnabled(False)
            self.ignored_button.setEnabled(False)
            self.devices_button.setEnabled(False)
            return
        self.sync_button.setEnabled(not self.controller.running)
        self.ignored_button.setEnabled(True)
        self.devices_button.setEnabled(True)
        self.team_label.setText(
            self.tr("Team {name} · folder {folder}").format(
                name=status.team.name, folder=str(status.team.folder)
            )
        )
        last = local_time(status.last_success) if status.last_success else self.tr("not yet")
        lines = [
            self.tr("Last successful sync: {time}").format(time=last),
            self.tr("Changes waiting to be sent: {count}").format(count=f"{status.waiting:,}"),
            self.tr("Open conflicts: {count} (a decision is needed for {person})").format(
                count=status.open_conflicts, person=status.needs_person
            ),
        ]
        if self.controller.last_error is not None:
            lines.append(error_text(self.controller.last_error))
        self.state_label.setText("\n".join(lines))
        # Read the conflicts only when they are on screen (the area being shown reads them):
        # reading them is a viewing the access log keeps, and nobody saw them behind another
        # screen at start-up or after a save.
        if self.conflicts.isVisible():
            self.conflicts.refresh()

    def _running(self, running: bool) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(running)
        self.sync_button.setEnabled(not running)

    def _report(self, report: SyncReport) -> None:
        SyncReportDialog.present(report, None, self.window())

    def _failed(self, error: Exception) -> None:
        SyncReportDialog.present(None, error, self.window())

    def show_ignored(self) -> None:
        from consultdesk.ui.sync_files import IgnoredFilesDialog

        self.open_screen(IgnoredFilesDialog(self.ws, self.window()))

    def show_devices(self) -> None:
        from consultdesk.ui.sync_devices import TeamDevicesDialog

        self.open_screen(TeamDevicesDialog(self.ws, self.window()))

    def open_screen(self, dialog: QDialog) -> None:
        """The seam tests replace to drive the dialog themselves; the real one is modal."""
        dialog.exec()
        self.controller.refresh_status()

    def set_up_team(self) -> None:
        if TeamSetupDialog.ask(self.ws, self.window()) is not None:
            self.controller.refresh_status()
            self.controller.sync_now()
