"""First start (set-up) and later starts (unlock).

These two windows are the first a pharmacist sees, so they are built from Qt and light modules
only: the database layer (SQLAlchemy, SQLCipher) loads in the background while the passphrase is
typed (ui/app.py preload), and is first used when it is submitted.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.problems import ValidationFailed
from consultdesk.domain.profile import check_profile
from consultdesk.services import key_while_typing  # hashlib and a thread: no database layer
from consultdesk.ui import preload
from consultdesk.ui.forms import ProblemDisplay, dialog_buttons
from consultdesk.ui.messages import error_text
from consultdesk.ui.profile_dialog import ProfileFields
from consultdesk.ui.tasks import run_task

if TYPE_CHECKING:
    from consultdesk.services.workspace import Workspace


class FirstWindow(QDialog):
    """The window shown before the database is open: it opens (or creates) the workspace."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.workspace: Workspace | None = None

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        # Once the window is on screen, load the rest while the user types: from the next turn
        # of the event loop, so the loading thread's imports do not hold up this paint's flush;
        # the screens follow on this thread, a module at a time (ui/preload.py).
        QTimer.singleShot(0, preload.load_screens)

    @classmethod
    def ask(cls, data_dir: Path) -> Workspace | None:
        dialog = cls(data_dir)
        return dialog.workspace if dialog.exec() == QDialog.DialogCode.Accepted else None


class SetupDialog(FirstWindow):
    """Creates the encrypted database on first start."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(data_dir, parent)
        self.setWindowTitle(self.tr("Set up ConsultDesk"))
        intro = QLabel(
            self.tr(
                "Welcome. ConsultDesk keeps residents' health information encrypted on this "
                "computer. Choose a passphrase: it opens the data, and it cannot be recovered "
                "if it is lost."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.profile_fields = ProfileFields(form)  # the same fields the profile dialog edits
        self.name = self.profile_fields.name
        self.organisation = self.profile_fields.organisation
        self.phone = self.profile_fields.phone
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Passphrase again"), self.again)
        self.error = QLabel()
        self.problems = ProblemDisplay(
            self.error,
            {
                **self.profile_fields.problem_fields(),
                "passphrase": self.passphrase,
                "passphrase_again": self.again,
            },
        )
        buttons = dialog_buttons(self.tr("Create"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def submit(self) -> None:
        profile, problems = check_profile(self.profile_fields.profile())
        if any(p.field != "pharmacist_name" for p in problems):
            # The phone or a registration number; an empty name is reported with the passphrase.
            self.problems.show(problems)
            return
        passphrase, again = self.passphrase.text(), self.again.text()
        self.buttons.setEnabled(False)

        def create() -> Workspace:
            preload.wait()
            from consultdesk.services.workspace import Workspace

            return Workspace.create(self.data_dir, passphrase, again, profile)

        run_task(
            create,
            self._created,
            self._failed,
        )

    def _created(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationFailed):
            self.problems.show(error.problems)
        else:
            self.problems.show_text(error_text(error))


class _Notice(QObject):
    """A signal the unlock's worker thread emits; Qt delivers it on the window's thread."""

    said = Signal()


class UnlockDialog(FirstWindow):
    """Asks for the passphrase; a wrong one is a message and another try, never a new database."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(data_dir, parent)
        self.setWindowTitle(self.tr("Unlock ConsultDesk"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        # The key of what is typed is derived while it is typed, so Enter seldom waits for it.
        self.typing = key_while_typing.for_data_dir(data_dir)
        self.passphrase.textChanged.connect(self.typing.typed)
        self.finished.connect(self._forget_typing)
        # Also when the window goes without finishing (its parent closed, the app quit while
        # it was up): the key of what was typed is not kept in memory past the window.
        self.destroyed.connect(self.typing.forget)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.passphrase)
        self.status = QLabel()
        self.error = QLabel()
        self.problems = ProblemDisplay(self.error, {"passphrase": self.passphrase})
        buttons = dialog_buttons(self.tr("Unlock"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Enter the passphrase to open the residents' records.")))
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(400)

    def _forget_typing(self, _result: int) -> None:
        self.typing.forget()

    def submit(self) -> None:
        passphrase = self.passphrase.text()
        self.buttons.setEnabled(False)
        self.problems.clear()
        self.status.setText(self.tr("Opening…"))
        notice = _Notice(self)  # from the worker thread to this window
        notice.said.connect(self._upgrading)

        def unlock() -> Workspace:
            preload.wait()
            from consultdesk.services.workspace import Workspace

            return Workspace.unlock(self.data_dir, passphrase, upgrading=notice.said.emit)

        run_task(unlock, self._opened, self._failed)

    def _upgrading(self) -> None:
        self.status.setWordWrap(True)
        self.status.setText(
            self.tr(
                "Updating the database for this version of ConsultDesk, after a backup. With "
                "many records this takes a few minutes. If ConsultDesk is closed meanwhile, "
                "nothing is lost: the update starts again the next time."
            )
        )
        self.adjustSize()  # the window grows to the wrapped lines, nothing cut off

    def _opened(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.status.clear()
        self.problems.show_text(error_text(error))
        self.passphrase.selectAll()
        self.passphrase.setFocus()
