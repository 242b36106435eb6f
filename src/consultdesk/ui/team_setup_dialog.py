"""Start a team in a shared folder, or join the team in one (the folder and the team passphrase)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from consultdesk.services import sync
from consultdesk.services.sync import TeamSummary
from consultdesk.services.workspace import Workspace
from consultdesk.ui.forms import ProblemDisplay
from consultdesk.ui.labels import dialog_buttons
from consultdesk.ui.messages import error_text, message_for
from consultdesk.ui.tasks import run_task


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
