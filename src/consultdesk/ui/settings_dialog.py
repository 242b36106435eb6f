"""Settings: the language of the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from consultdesk.ui import i18n
from consultdesk.ui.labels import dialog_buttons


class SettingsDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.addItem(self.tr("Same as the system"), "system")
        # Each language is named in itself, so someone who cannot read the current one finds theirs.
        self.language.addItem("한국어", "ko")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(i18n.saved_language(data_dir)), 0))
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        buttons = dialog_buttons()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("The window is redrawn in the new language at once.")))
        layout.addWidget(buttons)

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    @classmethod
    def ask(cls, data_dir: Path, parent: QWidget | None = None) -> str | None:
        dialog = cls(data_dir, parent)
        return dialog.chosen_language() if dialog.exec() == QDialog.DialogCode.Accepted else None
