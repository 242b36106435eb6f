"""The pharmacist's profile: the same three fields at set-up (ui/start.py) and when edited later."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from consultdesk.domain.profile import Profile
from consultdesk.ui.forms import ProblemDisplay, dialog_buttons

if TYPE_CHECKING:  # the set-up window uses ProfileFields before the database layer is loaded
    from consultdesk.services.workspace import Workspace


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProfileFields", text)


class ProfileFields:
    """Name, pharmacy and contact phone, added as rows of a form."""

    def __init__(self, form: QFormLayout, profile: Profile | None = None) -> None:
        self.name = QLineEdit(profile.pharmacist_name if profile else "")
        self.organisation = QLineEdit(profile.organisation if profile else "")
        self.phone = QLineEdit(profile.phone if profile else "")
        self.phone.setPlaceholderText("010-1234-5678")
        form.addRow(_tr("Pharmacist name"), self.name)
        form.addRow(_tr("Pharmacy or organisation"), self.organisation)
        form.addRow(_tr("Contact phone"), self.phone)

    def profile(self) -> Profile:
        return Profile(self.name.text(), self.organisation.text(), self.phone.text())

    def problem_fields(self) -> dict[str, QWidget]:
        """The widget for each problem field the profile checks name."""
        return {
            "pharmacist_name": self.name,
            "organisation": self.organisation,
            "phone": self.phone,
        }


class ProfileDialog(QDialog):
    """Edit the profile after set-up: it is printed on documents and names you in the log."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("Pharmacist profile"))
        form = QFormLayout()
        self.fields = ProfileFields(form, ws.profile)
        note = QLabel(
            self.tr(
                "Your name and contact appear on the documents you print and name you in the "
                "access log. They are kept on this computer only."
            )
        )
        note.setWordWrap(True)
        self.error = QLabel()
        self.problems = ProblemDisplay(self.error, self.fields.problem_fields())
        buttons = dialog_buttons()
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def submit(self) -> None:
        from consultdesk.services import profile as profile_service

        saved = self.problems.attempt(
            lambda: profile_service.save_profile(self.ws, self.fields.profile())
        )
        if saved is not None:
            self.accept()

    @classmethod
    def ask(cls, ws: Workspace, parent: QWidget | None = None) -> bool:
        return cls(ws, parent).exec() == QDialog.DialogCode.Accepted
