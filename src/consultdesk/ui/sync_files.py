"""The "files we ignore" screen: files in the team folder sync does not use, each reported once
by a sync report and listed here afterwards, with a clean-up of this laptop's own duplicates."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultdesk.services import sync_files
from consultdesk.services.sync_files import IgnoredFile
from consultdesk.services.workspace import Workspace
from consultdesk.ui.messages import error_text, message_for


class IgnoredFilesDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("Files we ignore"))
        intro = QLabel(
            self.tr(
                "These files are in the team folder but are not ConsultDesk change files, or "
                "cannot be used yet. Sync leaves them where they are and does not mention them "
                "again. Copies that a sync program made of this computer's own files can be "
                "removed here; nothing else is ever deleted."
            )
        )
        intro.setWordWrap(True)
        self.files = QListWidget()
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.clean_button = QPushButton(self.tr("Remove this computer's duplicate copies"))
        self.clean_button.clicked.connect(self.clean_up)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clean_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.files, 1)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        self.setMinimumWidth(620)
        self.entries: list[IgnoredFile] = []
        self.refresh()

    def refresh(self) -> None:
        try:
            self.entries = sync_files.ignored_files(self.ws)
        except Exception as error:  # the share is gone: say so, list nothing
            self.entries = []
            self.outcome.setText(error_text(error))
        self.files.clear()
        for entry in self.entries:
            line = self.tr("{file}: {reason}").format(
                file=entry.path, reason=message_for(entry.code)
            )
            if entry.removable:
                line += " " + self.tr("(a duplicate of this computer's own file; can be removed)")
            self.files.addItem(line)
        if not self.entries:
            self.files.addItem(self.tr("No files are being ignored."))
        self.clean_button.setEnabled(any(entry.removable for entry in self.entries))

    def clean_up(self) -> None:
        try:
            removed = sync_files.remove_own_copies(self.ws)
        except Exception as error:
            self.outcome.setText(error_text(error))
            return
        self.refresh()
        self.outcome.setText(self.tr("Removed %n duplicate cop(y|ies).", "", len(removed)))
