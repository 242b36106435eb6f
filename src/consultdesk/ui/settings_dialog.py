"""Settings: the language of the window and, with a workspace open, the pharmacist's profile,
the minutes before the app locks itself, the passphrase, and the backups (back up now, and a
second folder such as a USB stick that gets a copy too). Restoring from a backup is a File menu
item (ui/restore_dialog.py), as are "Back up now" and "Change passphrase…".

The dialog calls the same services as the command line (services.backup,
services.passphrase_change, services.app_lock's idle setting)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from consultdesk.services import backup
from consultdesk.services.app_lock import (
    MAX_IDLE_MINUTES,
    MIN_IDLE_MINUTES,
    idle_minutes,
    set_idle_minutes,
)
from consultdesk.services.workspace import Workspace
from consultdesk.ui import i18n
from consultdesk.ui.forms import dialog_buttons
from consultdesk.ui.messages import error_text
from consultdesk.ui.passphrase_dialog import ChangePassphraseDialog
from consultdesk.ui.profile_dialog import ProfileDialog
from consultdesk.ui.tasks import run_task

if TYPE_CHECKING:
    from consultdesk.ui.lock_screen import AppLock


def backup_text(result: backup.BackupResult) -> str:
    text = QCoreApplication.translate("SettingsDialog", "Backed up to {file}.").format(
        file=str(result.local)
    )
    if result.second is not None:
        text += " " + QCoreApplication.translate(
            "SettingsDialog", "A copy is in {file} too."
        ).format(file=str(result.second))
    elif result.second_missing is not None:
        text += " " + QCoreApplication.translate(
            "SettingsDialog",
            "The second backup folder {folder} is not there (is the USB stick plugged in?), "
            "so it got no copy.",
        ).format(folder=str(result.second_missing))
    return text


class SettingsDialog(QDialog):
    def __init__(
        self,
        data_dir: Path,
        parent: QWidget | None = None,
        ws: Workspace | None = None,
        app_lock: AppLock | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.ws = ws
        self.app_lock = app_lock
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.addItem(self.tr("Same as the system"), "system")
        # Each language is named in itself, so someone who cannot read the current one finds theirs.
        self.language.addItem("한국어", "ko")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(i18n.saved_language(data_dir)), 0))
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        self.profile_button: QPushButton | None = None
        self.idle: QSpinBox | None = None
        self.passphrase_button: QPushButton | None = None
        self.backup_button: QPushButton | None = None
        self.second_folder: QLineEdit | None = None
        self.status = QLabel()
        self.status.setWordWrap(True)
        if ws is not None:
            self.profile_button = QPushButton(self.tr("Edit pharmacist profile…"))
            self.profile_button.clicked.connect(lambda: self.edit_profile(ws, self))
            form.addRow(self.tr("Profile"), self.profile_button)
            self._add_safety_rows(ws, form)
        buttons = dialog_buttons()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("The window is redrawn in the new language at once.")))
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        if ws is not None:
            self.setMinimumWidth(560)  # room for the second folder's path

    def _add_safety_rows(self, ws: Workspace, form: QFormLayout) -> None:
        self.idle = QSpinBox()
        self.idle.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle.setValue(idle_minutes(ws))
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setToolTip(
            self.tr("After this many minutes without a key or mouse, ConsultDesk locks itself.")
        )
        form.addRow(self.tr("Lock when idle for"), self.idle)
        self.passphrase_button = QPushButton(self.tr("Change passphrase…"))
        self.passphrase_button.clicked.connect(self.change_passphrase)
        form.addRow(self.tr("Passphrase"), self.passphrase_button)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(self.backup_now)
        form.addRow(self.tr("Backup"), self.backup_button)
        self.second_folder = QLineEdit()
        self.second_folder.setReadOnly(True)
        folder = backup.second_folder(ws)
        self.second_folder.setText(str(folder) if folder is not None else "")
        self.second_folder.setPlaceholderText(self.tr("None (only the data folder's backups)"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self._choose_second_folder)
        self.clear_button = QPushButton(self.tr("None"))
        self.clear_button.clicked.connect(self.second_folder.clear)
        row = QHBoxLayout()
        row.addWidget(self.second_folder, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.clear_button)
        form.addRow(self.tr("Second backup folder"), row)
        hint = QLabel(
            self.tr(
                "A USB stick, for example: each backup, and the daily one when ConsultDesk "
                "closes, is copied there too while it is plugged in."
            )
        )
        hint.setWordWrap(True)
        form.addRow("", hint)

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def chosen_second_folder(self) -> Path | None:
        text = self.second_folder.text().strip() if self.second_folder is not None else ""
        return Path(text) if text else None

    def _choose_second_folder(self) -> None:
        start = self.chosen_second_folder() or Path.home()
        folder = self.choose_folder(self, start)
        if folder is not None and self.second_folder is not None:
            self.second_folder.setText(str(folder))

    def accept(self) -> None:
        """The idle minutes take effect at once (the countdown restarts with them); the second
        folder is used from the next backup."""
        ws = self.ws
        if ws is not None and self.idle is not None:
            try:
                minutes = set_idle_minutes(ws, self.idle.value())
                backup.set_second_folder(ws, self.chosen_second_folder())
            except Exception as e:  # a storage error (a full disk) is said here
                self.status.setText(error_text(e))
                return
            if self.app_lock is not None:
                self.app_lock.set_idle_minutes(minutes)
                self.app_lock.idle.start()
        super().accept()

    def backup_now(self) -> None:
        ws = self.ws
        if ws is None or self.backup_button is None:
            return
        folder = self.chosen_second_folder()
        self.backup_button.setEnabled(False)
        self.status.setText(self.tr("Backing up…"))

        def work() -> backup.BackupResult:
            backup.set_second_folder(ws, folder)  # the folder as chosen on screen
            return backup.backup_everywhere(ws)

        run_task(work, self._backed_up, self._backup_failed)

    def _backed_up(self, result: backup.BackupResult) -> None:
        if not isValid(self):
            return
        if self.backup_button is not None:
            self.backup_button.setEnabled(True)
        self.status.setText(backup_text(result))

    def _backup_failed(self, error: Exception) -> None:
        if not isValid(self):
            return
        if self.backup_button is not None:
            self.backup_button.setEnabled(True)
        self.status.setText(error_text(error))

    def change_passphrase(self) -> None:
        if self.ws is None:
            return
        save = self.app_lock.save_draft if self.app_lock is not None else (lambda: None)
        kept = ChangePassphraseDialog.ask(self.ws, self, save)
        if kept is not None:
            self.status.setText(
                self.tr(
                    "The passphrase is changed. Use the new one from now on. The backup made "
                    "before, under the old passphrase, is {file}."
                ).format(file=str(kept))
            )

    # --- seams (tests answer these instead of a modal dialog) --------------------------------

    @classmethod
    def choose_folder(cls, parent: QWidget, start: Path) -> Path | None:
        title = QCoreApplication.translate("SettingsDialog", "Second backup folder")
        name = QFileDialog.getExistingDirectory(parent, title, str(start))
        return Path(name) if name else None

    @staticmethod
    def edit_profile(
        ws: Workspace, parent: QWidget | None = None, then: Callable[[], None] | None = None
    ) -> bool:
        """The pharmacist's profile dialog (also the File menu's "Pharmacist profile…");
        ``then`` runs after a saved change (the main window redraws the name it shows)."""
        saved = ProfileDialog.ask(ws, parent)
        if saved and then is not None:
            then()
        return saved

    @classmethod
    def ask(
        cls,
        data_dir: Path,
        parent: QWidget | None = None,
        ws: Workspace | None = None,
        app_lock: AppLock | None = None,
    ) -> str | None:
        dialog = cls(data_dir, parent, ws, app_lock)
        return dialog.chosen_language() if dialog.exec() == QDialog.DialogCode.Accepted else None


def install_data_safety_menu(
    window: QMainWindow,
    ws: Workspace,
    app_lock: AppLock | None,
    close_session: Callable[[], bool],
) -> list[QAction]:
    """File menu items: Back up now, Restore from a backup…, Change passphrase… (above Lock
    and Quit, where a desktop app has them)."""
    from consultdesk.ui.restore_dialog import Restore

    backup_action = QAction(QCoreApplication.translate("SettingsDialog", "&Back up now"), window)
    restore_action = QAction(
        QCoreApplication.translate("SettingsDialog", "&Restore from a backup…"), window
    )
    passphrase_action = QAction(
        QCoreApplication.translate("SettingsDialog", "Chan&ge passphrase…"), window
    )

    def backup_failed(error: Exception) -> None:
        title = QCoreApplication.translate("SettingsDialog", "Back up now")
        QMessageBox.warning(window, title, error_text(error))

    def backup_now() -> None:
        run_task(
            lambda: backup.backup_everywhere(ws),
            lambda result: window.statusBar().showMessage(backup_text(result), 15_000),
            backup_failed,
        )

    def change() -> None:
        save = app_lock.save_draft if app_lock is not None else (lambda: None)
        kept = ChangePassphraseDialog.ask(ws, window, save)
        if kept is not None:
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "SettingsDialog", "The passphrase is changed. Use the new one from now on."
                ),
                15_000,
            )

    backup_action.triggered.connect(backup_now)
    restore_action.triggered.connect(lambda: Restore.run(ws, window, close_session))
    passphrase_action.triggered.connect(change)
    actions = [backup_action, restore_action, passphrase_action]
    file_menu = window.menuBar().findChild(QMenu)  # the first menu: File
    if file_menu is not None:
        items = file_menu.actions()
        # Before the separator above Lock and Quit.
        anchor = next((a for a in items if a.isSeparator()), None)
        for action in actions:
            if anchor is not None:
                file_menu.insertAction(anchor, action)
            else:
                file_menu.addAction(action)
    return actions
