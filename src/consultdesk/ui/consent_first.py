"""Consent first: a new consultation records health information only after the resident's
consent to collect and use it is recorded (PIPA art. 23: sensitive information needs its own
consent). Offered on the spot, so the visit goes on; a withdrawal blocks new consultations but keeps
the earlier ones readable.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from consultdesk.domain.consent import ConsentKind
from consultdesk.services import consultations as consultation_service
from consultdesk.services.workspace import Workspace
from consultdesk.ui.consent_dialog import ConsentDialog
from consultdesk.ui.messages import message_for


class ConsentFirstPrompt(QMessageBox):
    """Asks to record the consent now; ``exec()`` is Yes when the pharmacist will record it."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consent_first")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Consent to health information"))
        self.setText(message_for(code))
        self.setInformativeText(
            self.tr(
                "A consultation records the resident's medicines and health. Ask for consent "
                "now (written, or verbal with a witness), record it, and the consultation starts."
            )
        )
        self.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        self.button(QMessageBox.StandardButton.Yes).setText(self.tr("Record consent…"))
        self.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Not now"))
        self.setDefaultButton(QMessageBox.StandardButton.Yes)


class ConsentWithdrawnNotice(QMessageBox):
    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consent_withdrawn")
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("No new consultation"))
        self.setText(message_for(code))
        self.setInformativeText(
            self.tr(
                "If the resident gives consent again, record it under the resident's consents "
                "first; then a new consultation can start."
            )
        )
        self.setStandardButtons(QMessageBox.StandardButton.Ok)


class ConsentFirst:
    """The steps before a new consultation: True when consent to health information is recorded
    (already, or just now)."""

    def __init__(self, ws: Workspace, resident_id: str, parent: QWidget | None) -> None:
        self.ws = ws
        self.resident_id = resident_id
        self.parent = parent

    def settle(self) -> bool:
        code = consultation_service.health_consent_block(self.ws, self.resident_id)
        if code is None:
            return True
        if code == "health_consent_withdrawn":
            ConsentWithdrawnNotice(code, self.parent).exec()
            return False
        if ConsentFirstPrompt(code, self.parent).exec() != QMessageBox.StandardButton.Yes:
            return False
        ConsentDialog.ask(self.ws, self.resident_id, ConsentKind.HEALTH_INFO, self.parent)
        # A refusal recorded in the dialog keeps the consultation from starting, as it should.
        return consultation_service.health_consent_block(self.ws, self.resident_id) is None
