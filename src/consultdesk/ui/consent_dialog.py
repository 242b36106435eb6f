"""Record a consent decision, or withdraw a consent."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.consent import ConsentKind, ConsentMethod
from consultdesk.domain.dates import parse_date
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.services import consent
from consultdesk.services.workspace import Workspace
from consultdesk.ui.date_field import DateField
from consultdesk.ui.forms import ProblemDisplay
from consultdesk.ui.labels import consent_kind, consent_method, dialog_buttons


class ConsentDialog(QDialog):
    def __init__(
        self,
        ws: Workspace,
        resident_id: str,
        kind: ConsentKind = ConsentKind.HEALTH_INFO,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.resident_id = resident_id
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Record consent"))
        self.kind = QComboBox()
        for k in ConsentKind:
            self.kind.addItem(consent_kind(k), k.value)
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.decision = QComboBox()
        self.decision.addItem(self.tr("Consent given"), True)
        self.decision.addItem(self.tr("Consent refused"), False)
        self.decided_on = DateField(date.today())
        self.decided_on.set_range(maximum=date.today())
        self.method = QComboBox()
        for m in ConsentMethod:
            self.method.addItem(consent_method(m), m.value)
        self.witness = QLineEdit()
        self.witness.setPlaceholderText(self.tr("Needed for verbal consent"))
        form = QFormLayout()
        form.addRow(self.tr("Consent"), self.kind)
        form.addRow(self.tr("Decision"), self.decision)
        form.addRow(self.tr("Date"), self.decided_on)
        form.addRow(self.tr("Method"), self.method)
        form.addRow(self.tr("Witness"), self.witness)
        self.error = QLabel()
        self.problems = ProblemDisplay(
            self.error,
            {"decided_on": self.decided_on, "method": self.method, "witness": self.witness},
        )
        buttons = dialog_buttons()
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def submit(self) -> None:
        text = self.decided_on.text()
        decided = parse_date(text)
        try:
            if decided is None:
                raise ValidationFailed([Problem("decided_on", "date_malformed", {"text": text})])
            self.saved_id = consent.record_consent(
                self.ws,
                self.resident_id,
                ConsentKind(self.kind.currentData()),
                bool(self.decision.currentData()),
                decided,
                self.method.currentData(),
                self.witness.text(),
            )
        except ValidationFailed as e:
            self.problems.show(e.problems)
            return
        self.accept()

    @classmethod
    def ask(
        cls,
        ws: Workspace,
        resident_id: str,
        kind: ConsentKind = ConsentKind.HEALTH_INFO,
        parent: QWidget | None = None,
    ) -> str | None:
        dialog = cls(ws, resident_id, kind, parent)
        return dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None


class WithdrawConsentDialog(QDialog):
    def __init__(self, ws: Workspace, consent_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.consent_id = consent_id
        self.setWindowTitle(self.tr("Withdraw consent"))
        self.on = DateField(date.today())
        self.on.set_range(maximum=date.today())
        form = QFormLayout()
        form.addRow(self.tr("Withdrawn on"), self.on)
        self.error = QLabel()
        self.problems = ProblemDisplay(self.error, {"withdrawn_on": self.on})
        buttons = dialog_buttons()
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("From this date on, nothing is shared on the basis of this consent."))
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def submit(self) -> None:
        text = self.on.text()
        on = parse_date(text)
        try:
            if on is None:
                raise ValidationFailed([Problem("withdrawn_on", "date_malformed", {"text": text})])
            consent.withdraw_consent(self.ws, self.consent_id, on)
        except ValidationFailed as e:
            self.problems.show(e.problems)
            return
        self.accept()

    @classmethod
    def ask(cls, ws: Workspace, consent_id: str, parent: QWidget | None = None) -> bool:
        return cls(ws, consent_id, parent).exec() == QDialog.DialogCode.Accepted
