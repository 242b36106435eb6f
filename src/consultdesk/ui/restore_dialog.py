"""File > Restore from a backup…: choose the backup, read what it would replace, confirm.

The confirmation says what is replaced (this computer's database: how many residents, its newest
change) by what (the backup: its file, when it was made) and what is kept (the current database,
in backups/ first). The restore itself is services.backup.restore, the one `consultdesk
restore` runs: it checks the backup before anything changes and refuses a database newer than
the backup unless asked. ConsultDesk then closes: the restored database is a new device of the
team (see services.backup), so it is opened afresh, and a sync brings the team's changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from consultdesk.services import backup
from consultdesk.services.residents import count_residents
from consultdesk.services.workspace import Workspace
from consultdesk.ui.forms import ProblemDisplay, dialog_buttons
from consultdesk.ui.messages import error_text
from consultdesk.ui.tasks import run_task, wait_all


def _when(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")


class RestoreDialog(QDialog):
    def __init__(
        self,
        ws: Workspace,
        source: Path,
        parent: QWidget | None = None,
        before: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.source = source
        self.before = before
        self.result_of: backup.RestoreResult | None = None
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.summary = QLabel(
            self.tr(
                "This replaces the database on this computer ({residents} residents, last "
                "changed {changed}) with the backup {file} (made {made}). Everything recorded "
                "here after that backup was made is no longer on this computer; what was sent "
                "to the team comes back with the next sync. The current database is kept in "
                "the backups folder first. ConsultDesk closes when the restore is done: start "
                "it again."
            ).format(
                residents=count_residents(ws),
                changed=_when(ws.db.path),
                file=source.name,
                made=_when(source),
            )
        )
        self.summary.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("The backup's passphrase"), self.passphrase)
        self.force = QCheckBox(self.tr("Replace it even if this computer has newer changes"))
        self.error = QLabel()
        self.problems = ProblemDisplay(self.error, {"passphrase": self.passphrase})
        self.buttons = dialog_buttons(self.tr("Restore"))
        self.buttons.accepted.connect(self.restore)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("The passphrase in use when the backup was made.")))
        layout.addWidget(self.force)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def restore(self) -> None:
        if not self.passphrase.text():
            self.problems.show_text(self.tr("Enter the backup's passphrase."))
            return
        if not self.before():  # the open consultation could not be saved and closed
            return
        wait_all(10_000)  # background reads finish on the database they started with
        self.ws.db.engine.dispose()  # no connection stays open on the file that is replaced
        data_dir, source = self.ws.data_dir, self.source
        passphrase, force = self.passphrase.text(), self.force.isChecked()
        for button in self.buttons.buttons():
            button.setEnabled(False)
        run_task(
            lambda: backup.restore(data_dir, source, passphrase, force=force),
            self._done,
            self._failed,
        )

    def _done(self, result: backup.RestoreResult) -> None:
        self.result_of = result
        self.ws.db.lock()  # this window's database is gone: nothing writes to the new one
        if isValid(self):
            self.accept()

    def _failed(self, error: Exception) -> None:
        if not isValid(self):
            return
        for button in self.buttons.buttons():
            button.setEnabled(True)
        self.problems.show_text(error_text(error))


def choose_backup_file(parent: QWidget, start: Path) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("RestoreDialog", "Restore from a backup"),
        str(start),
        QCoreApplication.translate("RestoreDialog", "ConsultDesk backups (*.db)"),
    )
    return Path(name) if name else None


class Restore:
    """The menu item's steps; tests answer the seams (the file, the end message)."""

    choose_file: Callable[[QWidget, Path], Path | None] = staticmethod(choose_backup_file)

    @staticmethod
    def tell_done(parent: QWidget, result: backup.RestoreResult) -> None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("RestoreDialog", "Restore from a backup"),
            QCoreApplication.translate(
                "RestoreDialog",
                "Restored from {file}. The database it replaced is kept as {kept}. "
                "ConsultDesk closes now: start it again, then sync to get the team's changes.",
            ).format(file=result.restored_from.name, kept=str(result.kept_current or "-")),
        )

    @classmethod
    def run(
        cls, ws: Workspace, parent: QWidget, before: Callable[[], bool] = lambda: True
    ) -> backup.RestoreResult | None:
        source = cls.choose_file(parent, backup.backup_folder(ws.data_dir))
        if source is None:
            return None
        dialog = RestoreDialog(ws, source, parent, before)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_of is None:
            return None
        cls.tell_done(parent, dialog.result_of)
        cls.close_app()
        return dialog.result_of

    @staticmethod
    def close_app() -> None:
        """The window was on the database that is gone: the app closes (and is started again)."""
        QApplication.quit()
