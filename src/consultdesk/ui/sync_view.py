"""Team sync on screen: the status-bar widget, "sync now", the sync report, team set-up.

Sync runs off the GUI thread (ui.tasks); progress comes back through a signal, so widgets are
only touched on the GUI thread. At start-up a sync runs in the background when a team is set
up; when the application quits, this laptop's unsent changes are written to the share with a
short, bounded wait (importing can wait for the next start).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from consultdesk.services import sync
from consultdesk.services.sync import SyncReport, SyncStatus, TeamSummary
from consultdesk.services.workspace import Workspace
from consultdesk.ui import style
from consultdesk.ui.conflicts_view import ConflictsView, short_device
from consultdesk.ui.forms import ProblemDisplay
from consultdesk.ui.labels import dialog_buttons
from consultdesk.ui.messages import error_text, message_for
from consultdesk.ui.tasks import ProgressRelay, run_task

log = logging.getLogger(__name__)

# How long quitting waits for this laptop's changes to reach the share. The writing thread is
# not killed after that: the process ends when it is done, the window is already gone.
QUIT_SEND_SECONDS = 5.0


def local_time(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


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
        # A team summary is one setting: shown at once; the counts follow from the background.
        if sync.team_summary(controller.ws) is None:
            self.label.setText(self.tr("Not syncing with a team"))
            self.button.hide()
            self.conflicts.hide()
        else:
            self.label.setText(self.tr("Reading the sync status…"))
            controller.refresh_status()

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
        parts.append(self.tr("{count} waiting to be sent").format(count=status.waiting))
        self.label.setText(" · ".join(parts))
        self.conflicts.setText(self.tr("%n conflict(s)", "", status.open_conflicts))
        self.conflicts.setVisible(status.open_conflicts > 0)

    def _running(self, running: bool) -> None:
        self.bar.setValue(0)
        self.bar.setVisible(running)
        self.button.setEnabled(not running)
        if running:
            self.label.setText(self.tr("Syncing…"))


class SyncReportDialog(QDialog):
    """What one sync did: bundles written and read, changes, conflicts, files skipped and why."""

    def __init__(
        self, report: SyncReport | None, error: Exception | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync report"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.details = QListWidget()
        lines: list[str] = []
        if error is not None:
            lines.append(self.tr("The sync did not run: {reason}").format(reason=error_text(error)))
        if report is not None:
            lines += self._summary_lines(report)
            self._fill_details(report)
        self.summary.setText("\n".join(lines))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        if self.details.count():
            layout.addWidget(QLabel(self.tr("Details")))
            layout.addWidget(self.details)
        layout.addWidget(close)
        self.setMinimumWidth(520)

    def _summary_lines(self, report: SyncReport) -> list[str]:
        lines = [
            self.tr("Sent: {changes} in {bundles}.").format(
                changes=self.tr("%Ln change(s)", "", report.changes_sent),
                bundles=self.tr("%Ln file(s)", "", report.bundles_written),
            ),
            self.tr("Received: {bundles} from the team, {changes} applied.").format(
                bundles=self.tr("%Ln file(s)", "", report.bundles_read),
                changes=self.tr("%Ln change(s)", "", report.changes_applied),
            ),
            self.tr("New conflicts to look at: {count}.").format(count=report.conflicts_raised),
        ]
        if report.newly_skipped:
            lines.append(
                self.tr("Files skipped: {count} (nothing was deleted).").format(
                    count=len(report.newly_skipped)
                )
            )
        if report.already_reported:
            lines.append(
                self.tr("Files ignored as before: {count} (see Files we ignore).").format(
                    count=len(report.already_reported)
                )
            )
        if report.export_error is not None:
            lines.append(
                self.tr("Nothing was sent: {reason}").format(reason=error_text(report.export_error))
            )
        if report.nothing_new and not report.newly_skipped and report.export_error is None:
            lines.append(self.tr("Everything was already up to date."))
        return lines

    def _fill_details(self, report: SyncReport) -> None:
        for skipped in report.newly_skipped:
            self.details.addItem(
                self.tr("Skipped {file}: {reason}").format(
                    file=_short_path(skipped.path), reason=message_for(skipped.code)
                )
            )
        for refused in report.refused:
            self.details.addItem(
                self.tr(
                    "Computer {device}, file {seq}: a change to {field} was not kept: {reason}"
                ).format(
                    device=short_device(refused.device_id),
                    seq=refused.seq,
                    field=f"{refused.entity}.{refused.field}",
                    reason=message_for(refused.code),
                )
            )
        for waiting in report.waiting:
            self.details.addItem(
                self.tr("Computer {device}: waiting for its file {seq}.").format(
                    device=short_device(waiting.device_id), seq=waiting.missing_seq
                )
            )
        for device in report.missing_devices:
            self.details.addItem(
                self.tr(
                    "The folder of computer {device} is missing or empty. Nothing was deleted "
                    "here; check the shared folder."
                ).format(device=short_device(device))
            )
        for future in report.future_clocks:
            self.details.addItem(
                self.tr(
                    "Computer {device} made changes dated in the future. Check its date and "
                    "time settings."
                ).format(device=short_device(future.device_id))
            )

    @classmethod
    def present(
        cls,
        report: SyncReport | None,
        error: Exception | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """The seam tests replace; the real one is modal."""
        cls(report, error, parent).exec()


def _short_path(path: Path) -> str:
    # Enough to find the file; the team folder's own path is long and the same for all.
    return "/".join(path.parts[-3:])


class TeamSetupDialog(QDialog):
    """Create a team in a shared folder, or join the team already there."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.team: TeamSummary | None = None
        self.setWindowTitle(self.tr("Team shared folder"))
        intro = QLabel(
            self.tr(
                "Laptops of one team exchange their changes through a shared folder (a NAS, "
                "OneDrive, Google Drive, Syncthing…). Only encrypted files go there; the "
                "database stays on this computer."
            )
        )
        intro.setWordWrap(True)
        self.join_choice = QRadioButton(self.tr("Join the team in this folder"))
        self.create_choice = QRadioButton(self.tr("Start a new team in this folder"))
        self.join_choice.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.join_choice)
        group.addButton(self.create_choice)
        self.folder = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.name = QLineEdit()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Shared folder"), folder_row)
        self.form.addRow(self.tr("Team name"), self.name)
        self.form.addRow(self.tr("Team passphrase"), self.passphrase)
        self.form.addRow(self.tr("Team passphrase again"), self.again)
        self.status = QLabel()
        self.error = QLabel()
        self.problems = ProblemDisplay(
            self.error, {"folder": self.folder, "passphrase": self.passphrase}
        )
        self.buttons = dialog_buttons(self.tr("Continue"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.join_choice)
        layout.addWidget(self.create_choice)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.create_choice.toggled.connect(self._mode_changed)
        self._mode_changed(False)
        self.setMinimumWidth(520)

    def _mode_changed(self, creating: bool) -> None:
        for widget in (self.name, self.again):
            self.form.setRowVisible(widget, creating)

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Shared folder"))
        if chosen:
            self.folder.setText(chosen)

    def submit(self) -> None:
        folder_text = self.folder.text().strip()
        if not folder_text:
            self.problems.show_text(self.tr("Choose the shared folder."))
            return
        folder = Path(folder_text)
        passphrase = self.passphrase.text()
        ws = self.ws
        if self.create_choice.isChecked():
            if not self.name.text().strip():
                self.problems.show_text(self.tr("Give the team a name."))
                return
            if passphrase != self.again.text():
                self.problems.show_text(message_for("passphrase_mismatch"))
                return
            name = self.name.text()

            def work() -> TeamSummary:
                return sync.create_team(ws, folder, name, passphrase)

        else:

            def work() -> TeamSummary:
                return sync.join_team(ws, folder, passphrase)

        self.buttons.setEnabled(False)
        self.problems.clear()
        self.status.setText(self.tr("Checking the team passphrase…"))
        run_task(work, self._done, self._failed)

    def _done(self, team: TeamSummary) -> None:
        self.team = team
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.status.clear()
        self.problems.show_text(error_text(error))
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    @classmethod
    def ask(cls, ws: Workspace, parent: QWidget | None = None) -> TeamSummary | None:
        dialog = cls(ws, parent)
        return dialog.team if dialog.exec() == QDialog.DialogCode.Accepted else None


class SyncView(QWidget):
    """The "Sync" area: the team, the state of sync, and the conflicts to decide."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
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
        self.conflicts = ConflictsView(ws)
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
            self.tr("Changes waiting to be sent: {count}").format(count=status.waiting),
            self.tr("Open conflicts: {count} (a decision is needed for {person})").format(
                count=status.open_conflicts, person=status.needs_person
            ),
        ]
        if self.controller.last_error is not None:
            lines.append(error_text(self.controller.last_error))
        self.state_label.setText("\n".join(lines))
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
