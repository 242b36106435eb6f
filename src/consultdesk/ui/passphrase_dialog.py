"""Change the passphrase from the settings (or File > Change passphrase…): the current one, the
new one twice (the rules of the set-up: at least 8 characters, no space at either end), a backup
under the current passphrase first, then the re-encryption, off the GUI thread
(services.passphrase_change.change_open_passphrase, which the CLI's change also uses)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from consultdesk.domain.errors import WrongPassphrase
from consultdesk.domain.passphrase import MIN_LENGTH
from consultdesk.domain.problems import ValidationFailed
from consultdesk.services.passphrase_change import change_open_passphrase
from consultdesk.services.workspace import Workspace
from consultdesk.ui.forms import ProblemDisplay, dialog_buttons
from consultdesk.ui.messages import error_text
from consultdesk.ui.tasks import run_task


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class ChangePassphraseDialog(QDialog):
    def __init__(
        self,
        ws: Workspace,
        parent: QWidget | None = None,
        save_draft: Callable[[], object] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.save_draft = save_draft
        self.kept: Path | None = None
        self.setWindowTitle(self.tr("Change passphrase"))
        intro = QLabel(
            self.tr(
                "A backup is made first, under the current passphrase: keep that passphrase "
                "too, it is what opens the backup. The new passphrase needs at least {min} "
                "characters and no space at the start or end; it cannot be recovered if lost."
            ).format(min=MIN_LENGTH)
        )
        intro.setWordWrap(True)
        self.current = _password_field()
        self.new = _password_field()
        self.again = _password_field()
        form = QFormLayout()
        form.addRow(self.tr("Current passphrase"), self.current)
        form.addRow(self.tr("New passphrase"), self.new)
        form.addRow(self.tr("New passphrase again"), self.again)
        self.error = QLabel()
        self.problems = ProblemDisplay(
            self.error,
            {"current": self.current, "passphrase": self.new, "passphrase_again": self.again},
        )
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = dialog_buttons(self.tr("Change"))
        self.buttons.accepted.connect(self.change)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    @property
    def change_button(self):  # type: ignore[no-untyped-def]
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def change(self) -> None:
        current, new, again = self.current.text(), self.new.text(), self.again.text()
        self.problems.clear()
        self.save_draft()  # the open consultation is saved before the connections close
        ws = self.ws
        self._busy(True)
        self.status.setText(self.tr("Making a backup, then changing the passphrase…"))
        run_task(lambda: change_open_passphrase(ws, current, new, again), self._done, self._failed)

    def _busy(self, busy: bool) -> None:
        for button in self.buttons.buttons():
            button.setEnabled(not busy)
        for field in (self.current, self.new, self.again):
            field.setEnabled(not busy)

    def _done(self, kept: Path) -> None:
        self.kept = kept
        if not isValid(self):
            return
        self._busy(False)
        self.status.setText(
            self.tr(
                "The passphrase is changed. Use the new one from now on. The backup made "
                "before, under the old passphrase, is {file}."
            ).format(file=str(kept))
        )
        self.accept()

    def _failed(self, error: Exception) -> None:
        if not isValid(self):
            return
        self._busy(False)
        self.status.clear()
        if isinstance(error, ValidationFailed):
            self.problems.show(error.problems)
        elif isinstance(error, WrongPassphrase):
            self.problems.show_text(
                self.tr("The current passphrase is not right. Nothing was changed.")
            )
            self.current.selectAll()
            self.current.setFocus()
        else:
            self.problems.show_text(error_text(error))

    @classmethod
    def ask(
        cls,
        ws: Workspace,
        parent: QWidget | None = None,
        save_draft: Callable[[], object] = lambda: None,
    ) -> Path | None:
        """The backup made before the change, or None when nothing was changed."""
        dialog = cls(ws, parent, save_draft)
        dialog.exec()
        return dialog.kept
