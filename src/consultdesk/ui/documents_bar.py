"""The resident overview's "Export documents…" button, and why a referral sheet is not possible."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from consultdesk.services import documents
from consultdesk.services.workspace import Workspace
from consultdesk.ui import style
from consultdesk.ui.export_dialog import ExportDialog
from consultdesk.ui.messages import message_for


class DocumentsBar(QWidget):
    """The resident overview's "Export documents…" button, and why a referral is not possible."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.resident_id: str | None = None
        self.button = QPushButton(self.tr("Export documents…"))
        self.button.clicked.connect(self.open_dialog)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        style.warning_text(self.reason)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.reason)

    def show_resident(self, resident_id: str | None) -> None:
        self.resident_id = resident_id
        if resident_id is None:
            return
        has_session = documents.latest_consultation_id(self.ws, resident_id) is not None
        blocked = documents.referral_blocked_reason(self.ws, resident_id)
        if not has_session:
            text = self.tr("Documents can be made once a consultation is recorded.")
        elif blocked is not None:
            text = self.tr(
                "Referral sheet not available: {reason} The medication list and the summary "
                "can still be exported."
            ).format(reason=message_for(blocked))
        else:
            text = ""
        self.button.setEnabled(has_session)
        self.reason.setText(text)
        self.reason.setVisible(bool(text))
        self.button.setToolTip(text)

    def open_dialog(self) -> None:
        if self.resident_id is not None:
            ExportDialog.ask(self.ws, self.resident_id, self)
