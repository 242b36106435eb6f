"""Why personal data is being downloaded: asked before a file with residents' data is written
(a referral sheet, a medication list, a summary, the access log as CSV, a measures report with
names), and kept in that export's access-log row.

The safety-measure standard (개인정보의 안전성 확보조치 기준) asks that the reason be checked
when personal data is downloaded. A de-identified report needs none.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.problems import ValidationFailed
from consultdesk.services.access_log import REASON_MAX, DownloadReason, reason_value, split_reason
from consultdesk.ui.forms import ProblemDisplay, dialog_buttons

# The choices as a pharmacist says them; marked here, translated when shown.
_REASONS: dict[DownloadReason, object] = {  # QT_TRANSLATE_NOOP returns its text
    DownloadReason.WELFARE_REFERRAL: QT_TRANSLATE_NOOP(
        "DownloadReason", "Referral to the welfare centre"
    ),
    DownloadReason.RESIDENT: QT_TRANSLATE_NOOP("DownloadReason", "Given to the resident"),
    DownloadReason.PRESCRIBER: QT_TRANSLATE_NOOP("DownloadReason", "Sent to the prescriber"),
    DownloadReason.OTHER: QT_TRANSLATE_NOOP("DownloadReason", "Other"),
}


def reason_label(code: DownloadReason) -> str:
    return QCoreApplication.translate("DownloadReason", str(_REASONS[code]))


def reason_display(value: str) -> str:
    """A stored reason in the window's language ("복지관 연계 — 주거 지원 상담")."""
    if not value:
        return ""
    code, note = split_reason(value)
    if code is None:
        return note
    return f"{reason_label(code)} — {note}" if note else reason_label(code)


class DownloadReasonDialog(QDialog):
    def __init__(
        self, what: str, parent: QWidget | None = None, suggested: DownloadReason | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reason for the download"))
        intro = QLabel(
            self.tr(
                "{what} holds personal data. Why is it being saved? The reason is kept in "
                "the access log with the download."
            ).format(what=what)
        )
        intro.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.choices: dict[DownloadReason, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for code in DownloadReason:
            button = QRadioButton(reason_label(code))
            self.group.addButton(button)
            self.choices[code] = button
            layout.addWidget(button)
        if suggested is not None:
            self.choices[suggested].setChecked(True)
        self.note = QLineEdit()
        self.note.setMaxLength(REASON_MAX)
        self.note.setPlaceholderText(self.tr("To whom, what for (needed for Other)"))
        self.note.textEdited.connect(self._note_typed)
        layout.addWidget(self.note)
        error = QLabel()
        layout.addWidget(error)
        self.problems = ProblemDisplay(error, {"reason": self.note})
        self.buttons = dialog_buttons(self.tr("Confirm the reason"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.value = ""
        self.setMinimumWidth(420)

    def _note_typed(self, text: str) -> None:
        # Writing a note without a choice means "other".
        if text.strip() and self.group.checkedButton() is None:
            self.choices[DownloadReason.OTHER].setChecked(True)

    def chosen(self) -> DownloadReason | None:
        for code, button in self.choices.items():
            if button.isChecked():
                return code
        return None

    def accept(self) -> None:
        code = self.chosen()
        if code is None:
            self.problems.show_text(self.tr("Choose the reason for the download."))
            return
        try:
            self.value = reason_value(code, self.note.text())
        except ValidationFailed as e:
            self.problems.show(e.problems)
            return
        super().accept()

    @classmethod
    def ask(
        cls, what: str, parent: QWidget | None = None, suggested: DownloadReason | None = None
    ) -> str | None:
        """The reason as the access log keeps it, or None when the download was cancelled."""
        dialog = cls(what, parent, suggested)
        return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None
