"""Settings: the language of the window, and (with a workspace open) the pharmacist's profile."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultdesk.services.workspace import Workspace
from consultdesk.ui import i18n
from consultdesk.ui.labels import dialog_buttons
from consultdesk.ui.profile_dialog import ProfileDialog


class SettingsDialog(QDialog):
    def __init__(
        self, data_dir: Path, parent: QWidget | None = None, ws: Workspace | None = None
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.ws = ws
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
        if ws is not None:
            self.profile_button = QPushButton(self.tr("Edit pharmacist profile…"))
            self.profile_button.clicked.connect(lambda: self.edit_profile(ws, self))
            form.addRow(self.tr("Profile"), self.profile_button)
        buttons = dialog_buttons()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("The window is redrawn in the new language at once.")))
        layout.addWidget(buttons)

    def chosen_language(self) -> str:
        return str(self.language.currentData())

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
        cls, data_dir: Path, parent: QWidget | None = None, ws: Workspace | None = None
    ) -> str | None:
        dialog = cls(data_dir, parent, ws)
        return dialog.chosen_language() if dialog.exec() == QDialog.DialogCode.Accepted else None
