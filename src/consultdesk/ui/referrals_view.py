"""Open referrals: how long each has waited, which ones the centre has not answered after two
weeks, and the steps that move a referral on (sent, reply received, closed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QStandardPaths,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.dates import parse_date
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.domain.referral import OVERDUE_AFTER_DAYS, ReferralState
from consultdesk.services import referrals
from consultdesk.services.documents import DocumentKind, DocumentRequest
from consultdesk.services.referrals import ReferralDetail, ReferralFilter, ReferralRow
from consultdesk.services.workspace import Workspace
from consultdesk.ui import style
from consultdesk.ui.batch_export_dialog import BatchExportDialog
from consultdesk.ui.forms import ProblemDisplay
from consultdesk.ui.labels import (
    dialog_buttons,
    outcome_options,
    referral_state_label,
    reply_status_options,
)
from consultdesk.ui.messages import problem_text
from consultdesk.ui.table_model import ReadOnlyTableModel

ID_ROLE = Qt.ItemDataRole.UserRole
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_BRUSH = style.brush(style.Tint.UNANSWERED)
OVERDUE_TEXT = style.brush(style.Tint.UNANSWERED_TEXT)


class ReferralTableModel(ReadOnlyTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("ReferralTableModel", "Reference"),
        QT_TRANSLATE_NOOP("ReferralTableModel", "Resident"),
        QT_TRANSLATE_NOOP("ReferralTableModel", "Welfare centre · case worker"),
        QT_TRANSLATE_NOOP("ReferralTableModel", "State"),
        QT_TRANSLATE_NOOP("ReferralTableModel", "Waiting"),
        QT_TRANSLATE_NOOP("ReferralTableModel", "Needs attention"),
        QT_TRANSLATE_NOOP("ReferralTableModel", "Outcome"),
    )
    REFERENCE, RESIDENT, CENTRE, STATE, AGE, ATTENTION, OUTCOME = range(len(HEADERS))

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ReferralRow] = []

    def _state_text(self, row: ReferralRow) -> str:
        state = referral_state_label(row.state.value)
        when = row.closed_on or row.acknowledged_on or row.sent_on or row.created_on
        return f"{state} · {when.isoformat()}"

    def _attention(self, row: ReferralRow) -> str:
        # In words as well as in colour, so it is never colour alone that says "late".
        if row.overdue:
            return self.tr(
                "No reply for more than %n day(s): call the case worker", "", OVERDUE_AFTER_DAYS
            )
        if row.state is ReferralState.DRAFT:
            return self.tr("Not sent yet")
        return ""

    def _outcome(self, row: ReferralRow) -> str:
        """How a closed referral ended, with the reason when it was not resolved."""
        if row.state is not ReferralState.CLOSED:
            return ""
        label = dict(outcome_options()).get(row.outcome, row.outcome)
        if row.outcome_reason:
            return self.tr("{outcome}: {reason}").format(outcome=label, reason=row.outcome_reason)
        return label

    def role_data(self, row_number: int, column: int, role: int) -> Any:
        row = self.rows[row_number]
        if column == self.OUTCOME and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return self._outcome(row)
        if role == Qt.ItemDataRole.DisplayRole:
            centre = " · ".join(x for x in (row.centre_name, row.case_worker_name) if x)
            return (
                row.reference,
                row.resident_name,
                centre,
                self._state_text(row),
                self.tr("%n day(s)", "", row.age_days),
                self._attention(row),
            )[column]
        if role == ID_ROLE:
            return row.id
        if role == OVERDUE_ROLE:
            return row.overdue
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return OVERDUE_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return OVERDUE_TEXT
        if role == Qt.ItemDataRole.FontRole and row.overdue and column == self.ATTENTION:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.AGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _date_field(value: date | None) -> QLineEdit:
    from consultdesk.ui.date_field import DateField  # typed or picked in a calendar

    return DateField(value or date.today())


def _parse(field: QLineEdit, name: str) -> date:
    text = field.text()
    value = parse_date(text)
    if value is None:
        raise ValidationFailed([Problem(name, "date_malformed", {"text": text})])
    return value


class _StepDialog(QDialog):
    """A dialog for one step of a referral; ``ask`` is the seam tests answer. (No tr() here:
    translation contexts belong to the concrete dialogs.)"""

    def __init__(self, ws: Workspace, detail: ReferralDetail, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        self.detail = detail

    def submit(self) -> None:
        raise NotImplementedError

    @classmethod
    def ask(cls, ws: Workspace, detail: ReferralDetail, parent: QWidget | None = None) -> bool:
        return cls(ws, detail, parent).exec() == QDialog.DialogCode.Accepted


def _lay_out(dialog: _StepDialog, form: QFormLayout, error: QLabel) -> None:
    """The form, its problem message, then Save/Cancel (Save runs the dialog's submit)."""
    buttons = dialog_buttons()
    buttons.accepted.connect(dialog.submit)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(buttons)


class MarkSentDialog(_StepDialog):
    def __init__(self, ws: Workspace, detail: ReferralDetail, parent: QWidget | None = None):
        super().__init__(ws, detail, parent)
        self.setWindowTitle(self.tr("Referral sent"))
        self.sent_on = _date_field(None)
        form = QFormLayout()
        form.addRow(self.tr("Referral"), QLabel(detail.reference))
        form.addRow(self.tr("Sent on"), self.sent_on)
        self.error = QLabel()
        self.problems = ProblemDisplay(self.error, {"sent_on": self.sent_on})
        _lay_out(self, form, self.error)

    def submit(self) -> None:
        try:
            referrals.mark_sent(self.ws, self.detail.id, _parse(self.sent_on, "sent_on"))
        except ValidationFailed as e:
            self.problems.show(e.problems)
            return
        self.accept()


class ReplyDialog(_StepDialog):
    """The case worker's reply slip (회신서), copied in as it came back."""

    def __init__(self, ws: Workspace, detail: ReferralDetail, parent: QWidget | None = None):
        super().__init__(ws, detail, parent)
        self.setWindowTitle(self.tr("Reply from the case worker"))
        self.received_on = _date_field(detail.reply_received_on)
        self.actions_taken = QPlainTextEdit(detail.reply_actions)
        self.actions_taken.setMaximumHeight(100)
        self.status = QComboBox()
        for value, label in reply_status_options():
            self.status.addItem(label, value)
        self.status.setCurrentIndex(max(0, self.status.findData(detail.reply_status)))
        self.reason = QLineEdit(detail.reply_reason)
        self.reason.setPlaceholderText(self.tr("Needed when it could not be linked"))
        # Usually the resident's own case worker replies: start from their name.
        self.by = QLineEdit(detail.reply_by or detail.case_worker_name)
        form = QFormLayout()
        form.addRow(self.tr("Referral"), QLabel(detail.reference))
        form.addRow(self.tr("Received on"), self.received_on)
        form.addRow(self.tr("Actions taken"), self.actions_taken)
        form.addRow(self.tr("Result"), self.status)
        form.addRow(self.tr("Why it could not be linked"), self.reason)
        form.addRow(self.tr("Case worker"), self.by)
        self.error = QLabel()
        self.problems = ProblemDisplay(
            self.error,
            {
                "received_on": self.received_on,
                "status": self.status,
                "reason": self.reason,
                "actions": self.actions_taken,
            },
        )
        _lay_out(self, form, self.error)
        self.setMinimumWidth(520)

    def submit(self) -> None:
        try:
            referrals.record_reply(
                self.ws,
                self.detail.id,
                _parse(self.received_on, "received_on"),
                actions=self.actions_taken.toPlainText(),
                status=str(self.status.currentData()),
                reason=self.reason.text(),
                by=self.by.text(),
            )
        except ValidationFailed as e:
            self.problems.show(e.problems)
            return
        self.accept()


class CloseReferralDialog(_StepDialog):
    def __init__(self, ws: Workspace, detail: ReferralDetail, parent: QWidget | None = None):
        super().__init__(ws, detail, parent)
        self.setWindowTitle(self.tr("Close the referral"))
        self.closed_on = _date_field(None)
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("Choose…"), "")
        for value, label in outcome_options():
            self.outcome.addItem(label, value)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Needed when it was not resolved"))
        form = QFormLayout()
        form.addRow(self.tr("Referral"), QLabel(detail.reference))
        form.addRow(self.tr("Closed on"), self.closed_on)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Reason"), self.reason)
        self.error = QLabel()
        self.problems = ProblemDisplay(
            self.error,
            {"closed_on": self.closed_on, "outcome": self.outcome, "reason": self.reason},
        )
        _lay_out(self, form, self.error)
        self.setMinimumWidth(460)

    def submit(self) -> None:
        try:
            referrals.close_referral(
                self.ws,
                self.detail.id,
                _parse(self.closed_on, "closed_on"),
                str(self.outcome.currentData()),
                self.reason.text(),
            )
        except ValidationFailed as e:
            self.problems.show(e.problems)
            return
        self.accept()


class ReferralsView(QWidget):
    """의뢰 관리: every referral that is not closed, the overdue ones first."""

    def __init__(self, ws: Workspace, *, load: bool = True) -> None:
        """``load``: read the list now; the main window passes False and refreshes the
        area when it is first shown (its start-up then reads nothing it does not show)."""
        super().__init__()
        self.ws = ws
        self.model = ReferralTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        title = QLabel(self.tr("Referrals to welfare centres"))
        style.title(title)
        self.summary = QLabel()
        style.large(self.summary)
        # Closed referrals stay findable, with their outcome.
        self.which = QComboBox()
        self.which.addItem(self.tr("Open referrals"), ReferralFilter.OPEN.value)
        self.which.addItem(self.tr("Closed referrals"), ReferralFilter.CLOSED.value)
        self.which.addItem(self.tr("All referrals"), ReferralFilter.ALL.value)
        self.which.setToolTip(self.tr("Which referrals to list"))
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("x" * 40))
        self.search.setPlaceholderText(self.tr("Find by reference, resident or centre"))
        self._every: list[ReferralRow] = []
        self.which.currentIndexChanged.connect(lambda _: self._show_rows())
        self.search.textChanged.connect(lambda _: self._show_rows())
        self.sent_button = QPushButton(self.tr("Mark sent…"))
        self.reply_button = QPushButton(self.tr("Record reply…"))
        self.close_button = QPushButton(self.tr("Close…"))
        self.discard_button = QPushButton(self.tr("Discard draft"))
        self.export_button = QPushButton(self.tr("Export sheets…"))
        self.export_button.setToolTip(
            self.tr("Write the referral sheets of the selected rows (or of all drafts) at once")
        )
        self.error = QLabel()
        self.error.setWordWrap(True)
        style.error_text(self.error)
        self.error.hide()
        self.sent_button.clicked.connect(lambda: self._step(MarkSentDialog))
        self.reply_button.clicked.connect(lambda: self._step(ReplyDialog))
        self.close_button.clicked.connect(lambda: self._step(CloseReferralDialog))
        self.discard_button.clicked.connect(self.discard)
        self.export_button.clicked.connect(self.export_sheets)
        self.table.activated.connect(lambda _: self._default_step())
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.search)
        top.addWidget(self.which)
        actions = QHBoxLayout()
        for button in (
            self.sent_button,
            self.reply_button,
            self.close_button,
            self.discard_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(actions)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        if load:
            self.refresh()

    def refresh(self, today: date | None = None) -> None:
        self._every = referrals.list_referrals(self.ws, ReferralFilter.ALL, today)
        # The summary always speaks of the open referrals, whatever the list shows.
        rows = [r for r in self._every if r.state is not ReferralState.CLOSED]
        overdue = sum(1 for r in rows if r.overdue)
        self.summary.setText(
            self.tr("%n open referral(s)", "", len(rows))
            + " · "
            + self.tr("{overdue} without a reply after %n day(s)", "", OVERDUE_AFTER_DAYS).format(
                overdue=overdue
            )
        )
        self._show_rows()

    def current_filter(self) -> ReferralFilter:
        return ReferralFilter(str(self.which.currentData()))

    def _show_rows(self) -> None:
        """The rows the filter and the search words choose; the selection is kept."""
        selected = set(self.selected_ids())
        shown = referrals.find_referrals(self._every, self.current_filter(), self.search.text())
        self.model.set_rows(shown)
        for row, r in enumerate(shown):
            if r.id in selected:
                self.table.selectRow(row)
        self._update_buttons()

    def selected_rows(self) -> list[ReferralRow]:
        return [self.model.rows[i.row()] for i in self.table.selectionModel().selectedRows()]

    def selected_ids(self) -> list[str]:
        return [r.id for r in self.selected_rows()]

    def select(self, referral_id: str) -> bool:
        for row, r in enumerate(self.model.rows):
            if r.id == referral_id:
                self.table.clearSelection()
                self.table.selectRow(row)
                return True
        return False

    def _one(self) -> ReferralRow | None:
        rows = self.selected_rows()
        return rows[0] if len(rows) == 1 else None

    def _update_buttons(self) -> None:
        row = self._one()
        state = row.state if row is not None else None
        self.sent_button.setEnabled(state is ReferralState.DRAFT)
        self.discard_button.setEnabled(state is ReferralState.DRAFT)
        sent = state in (ReferralState.SENT, ReferralState.ACKNOWLEDGED)
        self.reply_button.setEnabled(sent)
        self.close_button.setEnabled(sent)
        self.export_button.setEnabled(bool(self.model.rows))

    def _show_problems(self, problems: list[Problem]) -> None:
        self.error.setText("\n".join(problem_text(p) for p in problems))
        self.error.show()

    def _step(
        self, dialog: type[MarkSentDialog] | type[ReplyDialog] | type[CloseReferralDialog]
    ) -> None:
        row = self._one()
        if row is None:
            return
        self.error.hide()
        try:
            detail = referrals.referral_detail(self.ws, row.id)
        except ValidationFailed as e:
            self._show_problems(e.problems)
            self.refresh()
            return
        if dialog.ask(self.ws, detail, self):
            self.refresh()

    def _default_step(self) -> None:
        row = self._one()
        if row is None:
            return
        if row.state is ReferralState.DRAFT:
            self._step(MarkSentDialog)
        else:
            self._step(ReplyDialog if row.state is ReferralState.SENT else CloseReferralDialog)

    def discard(self) -> None:
        row = self._one()
        if row is None or not self.confirm_discard(row, self):
            return
        try:
            referrals.discard_draft(self.ws, row.id)
        except ValidationFailed as e:
            self._show_problems(e.problems)
        self.refresh()

    def export_sheets(self) -> None:
        rows = self.selected_rows() or [
            r for r in self.model.rows if r.state is ReferralState.DRAFT
        ]
        if not rows:
            return
        folder = self.choose_folder(self)
        if folder is None:
            return
        items = []
        for row in rows:
            detail = referrals.referral_detail(self.ws, row.id)
            request = DocumentRequest(
                DocumentKind.REFERRAL,
                row.resident_id,
                consultation_id=detail.consultation_id,
                referral_id=row.id,
            )
            items.append((f"{row.reference} · {row.resident_name}", request))
        BatchExportDialog.ask(self.ws, items, folder, self)
        self.refresh()

    @classmethod
    def confirm_discard(cls, row: ReferralRow, parent: QWidget) -> bool:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("ReferralsView", "Discard draft"),
            QCoreApplication.translate(
                "ReferralsView", "Discard the draft referral {reference}? It was never sent."
            ).format(reference=row.reference),
        )
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def choose_folder(cls, parent: QWidget) -> Path | None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        title = QCoreApplication.translate("ReferralsView", "Save the sheets in")
        name = QFileDialog.getExistingDirectory(parent, title, start)
        return Path(name) if name else None
