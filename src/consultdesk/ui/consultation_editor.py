"""The consultation editor: what the pharmacist fills in while sitting with the resident.

Keyboard first (Enter adds the next medicine, Tab moves through cells, Ctrl+S saves) and never
loses a draft: every edit is written to the database within about a second, and the consultation
the editor has open is remembered so that a crash offers it back at the next start.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.catalog import CatalogMatch
from consultdesk.domain.consultation import (
    ConsultationData,
    Place,
    Present,
    Status,
    Visit,
)
from consultdesk.domain.dates import full_age, parse_date
from consultdesk.domain.errors import StorageError
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.services import catalog
from consultdesk.services import consultations as svc
from consultdesk.services import flags as flag_service
from consultdesk.services.changes import ChangeSet, initiated_by
from consultdesk.services.workspace import Workspace
from consultdesk.ui import labels, style
from consultdesk.ui.catalog_completer import preload_catalog
from consultdesk.ui.date_field import DateField
from consultdesk.ui.flags_panel import FlagsPanel
from consultdesk.ui.forms import ProblemDisplay
from consultdesk.ui.i18n import current_language
from consultdesk.ui.medication_tables import (
    CompleterFactory,
    LiveDelegate,
    MedicationDelegate,
    MedicationModel,
    ProblemModel,
)
from consultdesk.ui.messages import error_text
from consultdesk.ui.row_tables import RowTableView
from consultdesk.ui.screening_panel import ScreeningPanel
from consultdesk.ui.times import local_text

log = logging.getLogger(__name__)

AUTOSAVE_MS = 700  # the first unsaved edit is written at most this long after it was made
RETRY_MS = 3000  # a failed save is tried again this often while the edits are on screen
FLAGS_MS = 250

SAVED, PENDING, FAILED = "saved", "pending", "failed"
RETRY, KEEP_OPEN, SAVE_COPY = "retry", "keep_open", "save_copy"


class AmendDialog(QDialog):
    """Asks why a finished consultation is being corrected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Amend a finished consultation"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. the dose of one medicine was written wrong"))
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "The consultation as it is now is kept as an earlier version. "
                "Why is it being corrected?"
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.reason)
        buttons = labels.dialog_buttons(self.tr("Amend"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        dialog = cls(parent)
        return dialog.reason.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


class HistoryDialog(QDialog):
    """Earlier versions of an amended consultation, as they were."""

    def __init__(self, versions: list[svc.Version], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Earlier versions"))
        self.text = QTextBrowser()
        parts = []
        for v in reversed(versions):
            snap = v.snapshot
            meds = "".join(
                f"<li>{_esc(m.get('name_as_found', ''))} {_esc(m.get('strength', ''))} — "
                f"{_esc(' / '.join(str(m.get(t, '') or '-') for t in _TIMES))}</li>"
                for m in snap.get("medications", [])
            )
            parts.append(
                "<h3>"
                + self.tr("Version {n} — replaced on {when}").format(
                    n=v.version, when=_esc(local_text(v.recorded_at))
                )
                + "</h3><p><b>"
                + self.tr("Reason for the correction:")
                + f"</b> {_esc(v.reason)}</p><p><b>"
                + self.tr("Medicines (morning / noon / evening / bedtime / as needed):")
                + f"</b></p><ul>{meds}</ul><p><b>"
                + self.tr("Advice:")
                + f"</b> {_esc(str(snap.get('advice', '')))}</p>"
            )
        self.text.setHtml("".join(parts))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(620, 480)


_TIMES = ("morning", "noon", "evening", "bedtime", "as_needed")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _same_consultation(stored: ConsultationData, shown: ConsultationData) -> bool:
    """The stored consultation says what the editor last saved or loaded (blank rows are never
    stored, so they do not count)."""

    def kept(data: ConsultationData) -> ConsultationData:
        return replace(
            data,
            medications=tuple(m for m in data.medications if not m.is_blank),
            problems=tuple(p for p in data.problems if not p.is_blank),
        )

    return kept(stored) == kept(shown)


class UnreviewedFlagsPrompt(QMessageBox):
    """Finishing while high or moderate flags are still open: asked once per finish."""

    def __init__(self, high: int, moderate: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unreviewed_flags")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Finish consultation"))
        self.setText(self.tr("Some risk flags have not been reviewed yet."))
        counts = []
        if high:
            counts.append(self.tr("%n high", "", high))
        if moderate:
            counts.append(self.tr("%n moderate", "", moderate))
        self.setInformativeText(
            self.tr("Not reviewed: {counts}. Finish the consultation anyway?").format(
                counts=", ".join(counts)
            )
        )
        self.finish = self.addButton(self.tr("Finish anyway"), QMessageBox.ButtonRole.AcceptRole)
        self.review = self.addButton(
            self.tr("Go back and review"), QMessageBox.ButtonRole.RejectRole
        )
        self.setDefaultButton(self.review)
        self.setEscapeButton(self.review)

    @classmethod
    def ask(cls, parent: QWidget | None, high: int, moderate: int) -> bool:
        prompt = cls(high, moderate, parent)
        prompt.exec()
        return prompt.clickedButton() is prompt.finish


class UnsavedPrompt(QMessageBox):
    """Closing or quitting while the last edits are not in the database: the pharmacist
    chooses; nothing is dropped without being asked."""

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unsaved_prompt")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Not saved"))
        self.setText(self.tr("The last edits of this consultation are not saved."))
        self.setInformativeText(
            reason
            + "\n\n"
            + self.tr(
                "If the consultation is closed now, these edits are lost. Try again, keep it "
                "open and fix what the message says, or save a copy to a file."
            )
        )
        self.retry = self.addButton(self.tr("Try again"), QMessageBox.ButtonRole.AcceptRole)
        self.keep = self.addButton(self.tr("Keep it open"), QMessageBox.ButtonRole.RejectRole)
        self.copy = self.addButton(
            self.tr("Save a copy to a file…"), QMessageBox.ButtonRole.ActionRole
        )
        self.setDefaultButton(self.retry)
        self.setEscapeButton(self.keep)

    @classmethod
    def ask(cls, parent: QWidget | None, reason: str) -> str:
        prompt = cls(reason, parent)
        prompt.exec()
        clicked = prompt.clickedButton()
        if clicked is prompt.retry:
            return RETRY
        if clicked is prompt.copy:
            return SAVE_COPY
        return KEEP_OPEN


def ask_copy_path(parent: QWidget | None, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ConsultationEditor", "Save a copy of the consultation"),
        suggested,
        QCoreApplication.translate("ConsultationEditor", "Consultation copy (*.json)"),
    )
    return path or None


class ConsultationEditor(QWidget):
    """One consultation at a time. ``closed`` carries the resident id when the pharmacist leaves."""

    closed = Signal(str)
    changed = Signal()  # saved, finalised or amended: lists elsewhere may need a refresh
    # The records a consultation is made of: a change set touching one may concern the open one.
    SHOWN = ("consultation", "medication_entry", "drug_problem", "flag_decision")

    def __init__(self, ws: Workspace, attach_completer: CompleterFactory | None = None) -> None:
        super().__init__()
        self.ws = ws
        self.data: ConsultationData | None = None
        self.resident: svc.ResidentBrief | None = None
        self._loading = False
        self._dirty = False
        self._save_error: str | None = None  # why the last save failed, while it stays failed
        # The consultation as it arrived from another laptop while edits here were unsaved.
        self.theirs: ConsultationData | None = None
        self.flag_context: flag_service.FlagContext | None = None
        self.decisions: dict[str, flag_service.FlagDecisionView] = {}
        self._build(attach_completer)
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)
        self._flags_timer = QTimer(self, singleShot=True, interval=FLAGS_MS)
        self._flags_timer.timeout.connect(self.recompute_flags)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save_now)

    # --- layout -------------------------------------------------------------------------------

    def _build(self, attach_completer: CompleterFactory | None) -> None:
        self.title = QLabel()
        style.title(self.title)
        self.status = QLabel()
        style.status_chip(self.status)
        self.saved_label = QLabel()
        style.muted_text(self.saved_label)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_now)
        self.finish_button = QPushButton(self.tr("Finish consultation"))
        self.finish_button.clicked.connect(self.finalise)
        self.amend_button = QPushButton(self.tr("Amend…"))
        self.amend_button.clicked.connect(self.amend)
        self.history_button = QPushButton(self.tr("Earlier versions…"))
        self.history_button.clicked.connect(self.show_history)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close_consultation)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.status)
        header.addStretch(1)
        header.addWidget(self.saved_label)
        for button in (
            self.save_button,
            self.finish_button,
            self.amend_button,
            self.history_button,
            self.close_button,
        ):
            header.addWidget(button)
        self.message = QLabel()
        # The line a save's problem is shown on keeps its place when there is none: the tabs
        # below do not jump up and down under the pointer as problems come and go (a click
        # meant for one field landed on another while typing through the visit's form).
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing())
        retained = self.message.sizePolicy()
        retained.setRetainSizeWhenHidden(True)
        self.message.setSizePolicy(retained)

        # Medicines
        self.medications = MedicationModel()
        self.med_delegate = MedicationDelegate(self.medications, attach_completer)
        self.med_delegate.chosen.connect(self._chosen)
        self.med_table = RowTableView(self.medications, self.med_delegate)
        self.med_table.setObjectName("medications")
        self.medications.edited.connect(self._edited)
        add_med = QPushButton(self.tr("Add medicine (Enter)"))
        add_med.clicked.connect(self.med_table.add_row_after_current)
        remove_med = QPushButton(self.tr("Remove row"))
        remove_med.clicked.connect(self.med_table.remove_current_row)
        self.med_count = QLabel()
        hint = QLabel(
            self.tr(
                "Enter: next medicine · Tab: next cell · type to search the catalog; "
                "names that match nothing stay as written, marked “unmatched”."
            )
        )
        style.muted_text(hint)
        hint.setWordWrap(True)
        med_page = QWidget()
        med_layout = QVBoxLayout(med_page)
        med_layout.addWidget(self.med_table, 1)
        med_buttons = QHBoxLayout()
        med_buttons.addWidget(add_med)
        med_buttons.addWidget(remove_med)
        med_buttons.addWidget(self.med_count)
        med_buttons.addStretch(1)
        med_layout.addLayout(med_buttons)
        med_layout.addWidget(hint)
        self.med_buttons = (add_med, remove_med)

        # Problems
        self.problems = ProblemModel()
        self.problem_table = RowTableView(self.problems, LiveDelegate(self.problems))
        self.problems.edited.connect(self._edited)
        add_problem = QPushButton(self.tr("Add problem"))
        add_problem.clicked.connect(self.problem_table.add_row_after_current)
        remove_problem = QPushButton(self.tr("Remove row"))
        remove_problem.clicked.connect(self.problem_table.remove_current_row)
        problem_page = QWidget()
        problem_layout = QVBoxLayout(problem_page)
        problem_layout.addWidget(self.problem_table, 1)
        problem_buttons = QHBoxLayout()
        problem_buttons.addWidget(add_problem)
        problem_buttons.addWidget(remove_problem)
        problem_buttons.addStretch(1)
        problem_layout.addLayout(problem_buttons)
        self.problem_buttons = (add_problem, remove_problem)

        # Social risks: the form is data, read with the rules when the first consultation opens.
        self.screening: ScreeningPanel | None = None
        self.social_page = QWidget()
        QVBoxLayout(self.social_page).setContentsMargins(0, 0, 0, 0)

        # Visit and advice
        self.visit_date = DateField()
        self.visit_date.setPlaceholderText("2026-11-21")
        self.visit_time = QLineEdit()
        self.visit_time.setPlaceholderText("14:30")
        self.place = QComboBox()
        for key, label in labels.place_options():
            self.place.addItem(label, key)
        self.duration = QLineEdit()
        self.duration.setPlaceholderText(self.tr("minutes"))
        self.present: dict[Present, QCheckBox] = {}
        present_row = QHBoxLayout()
        for key, label in labels.present_options():
            box = QCheckBox(label)
            self.present[Present(key)] = box
            present_row.addWidget(box)
            box.toggled.connect(self._edited)
        present_row.addStretch(1)
        self.advice = QPlainTextEdit()
        self.observations = QPlainTextEdit()
        self.follow_up_plan = QPlainTextEdit()
        self.next_visit = DateField()
        self.next_visit.setPlaceholderText("2026-12-05")
        for text_edit in (self.advice, self.observations, self.follow_up_plan):
            text_edit.setTabChangesFocus(True)
            text_edit.textChanged.connect(self._edited)
        for line in (self.visit_date, self.visit_time, self.duration, self.next_visit):
            line.textEdited.connect(self._edited)
        self.place.currentIndexChanged.connect(self._edited)
        visit_form = QWidget()
        form = QFormLayout(visit_form)
        form.addRow(self.tr("Visit date"), self.visit_date)
        form.addRow(self.tr("Time"), self.visit_time)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Duration (minutes)"), self.duration)
        form.addRow(self.tr("Present"), present_row)
        form.addRow(self.tr("Advice given"), self.advice)
        form.addRow(self.tr("What I observed"), self.observations)
        form.addRow(self.tr("Follow-up plan"), self.follow_up_plan)
        form.addRow(self.tr("Next visit"), self.next_visit)
        # Scrolls rather than stretching the window past a 1366×768 laptop screen.
        visit_page = QScrollArea()
        visit_page.setWidgetResizable(True)
        visit_page.setFrameShape(QFrame.Shape.NoFrame)
        visit_page.setWidget(visit_form)

        self.tabs = QTabWidget()
        self.tabs.addTab(med_page, self.tr("Medicines"))
        self.tabs.addTab(problem_page, self.tr("Drug-related problems"))
        self.tabs.addTab(self.social_page, self.tr("Social risks"))
        self.tabs.addTab(visit_page, self.tr("Visit and advice"))

        self.flags = FlagsPanel()
        self.flags.decided.connect(self.decide_flag)
        splitter = self.splitter = QSplitter()  # the divider beside the flags (ui/window_state.py)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.flags)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 340])

        # Said when the open consultation changed elsewhere (a sync) while edits here were unsaved.
        self.elsewhere = QLabel()
        self.elsewhere.setWordWrap(True)
        style.warning_banner(self.elsewhere)
        self.take_theirs = QPushButton(self.tr("Show their version instead"))
        self.take_theirs.setToolTip(self.tr("Replaces what is on screen here with their version"))
        self.take_theirs.clicked.connect(self.use_theirs)
        self.keep_button = QPushButton(self.tr("Keep mine"))
        self.keep_button.clicked.connect(self.keep_mine)
        self.elsewhere_row = QWidget()
        elsewhere = QHBoxLayout(self.elsewhere_row)
        elsewhere.setContentsMargins(0, 0, 0, 0)
        elsewhere.addWidget(self.elsewhere, 1)
        elsewhere.addWidget(self.take_theirs)
        elsewhere.addWidget(self.keep_button)
        self.elsewhere_row.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.message)
        layout.addWidget(self.elsewhere_row)
        layout.addWidget(splitter, 1)
        self.problem_display = ProblemDisplay(
            self.message,
            {
                "visit_date": self.visit_date,
                "next_visit": self.next_visit,
                "duration": self.duration,
                "medications": self.med_table,
                "problems": self.problem_table,
                "advice": self.advice,
                "observations": self.observations,
                "follow_up_plan": self.follow_up_plan,
            },
        )

    # --- opening and closing ------------------------------------------------------------------

    def open(self, consultation_id: str) -> bool:
        """Show a consultation. False if it no longer exists (deleted on another laptop), or if the
        open consultation's last edits could not be saved and the pharmacist chose to stay on it."""
        if (
            self.data is not None
            and self.data.id != consultation_id
            and self.data.editable
            and not self.settle_unsaved()
        ):
            return False
        try:
            data = svc.open_consultation(self.ws, consultation_id, editing=True)
        except ValidationFailed:
            return False
        self.resident = svc.resident_brief(self.ws, data.resident_id)
        preload_catalog(self.ws)  # the first keystroke in a name cell should not wait for it
        # A cached lookup: a DUR import or removal clears the cache, so the next consultation opened
        # uses the new rules.
        self.flag_context = flag_service.load_flag_context(self.ws)
        if self.screening is None:
            self.screening = ScreeningPanel(self.flag_context.form, self.flag_context.catalog)
            self.screening.changed.connect(self._edited)
            layout = self.social_page.layout()
            assert layout is not None
            layout.addWidget(self.screening)
        self.decisions = flag_service.flag_decisions(self.ws, consultation_id)
        self._show(data)
        self.med_table.setFocus()
        first = self.medications.index(0, 0)
        if first.isValid():
            self.med_table.setCurrentIndex(first)
        return True

    def _show(self, data: ConsultationData) -> None:
        self._loading = True
        self.theirs = None
        self.elsewhere_row.hide()
        try:
            self.data = data
            self.medications.set_rows(data.medications)
            self.problems.set_rows(data.problems)
            v = data.visit
            self.visit_date.setText(v.visit_date.isoformat())
            self.visit_time.setText(v.visit_time)
            self.place.setCurrentIndex(max(0, self.place.findData(v.place.value)))
            self.duration.setText("" if v.duration_min is None else str(v.duration_min))
            for key, box in self.present.items():
                box.setChecked(key in v.present)
            self.advice.setPlainText(data.advice)
            self.observations.setPlainText(data.observations)
            self.follow_up_plan.setPlainText(data.follow_up_plan)
            self.next_visit.setText(data.next_visit.isoformat() if data.next_visit else "")
            if self.screening is not None:
                self.screening.set_state(data.screening, data.observed)
            self._dirty = False
            self._set_save_error(None)
            self.problem_display.clear()
            self._update_header()
            self._set_read_only(not data.editable)
        finally:
            self._loading = False
        self.recompute_flags()

    def _update_header(self) -> None:
        if self.data is None:
            return
        name = self.resident.name if self.resident else ""
        self.title.setText(self.tr("{name} — visit {n}").format(name=name, n=self.data.number))
        self.status.setText(labels.status_label(self.data.status))
        final = self.data.status is Status.FINAL
        self.finish_button.setVisible(not final)
        self.save_button.setVisible(not final)
        self.amend_button.setVisible(final)
        self.history_button.setVisible(self.data.amendment_count > 0)
        count = sum(1 for m in self.medications.rows if not m.is_blank)
        self.med_count.setText(self.tr("%n medicine(s)", "", count))

    def _set_read_only(self, read_only: bool) -> None:
        self.medications.read_only = read_only
        self.problems.read_only = read_only
        for button in (*self.med_buttons, *self.problem_buttons):
            button.setEnabled(not read_only)
        for line in (self.visit_date, self.visit_time, self.duration, self.next_visit):
            line.setReadOnly(read_only)
        for text in (self.advice, self.observations, self.follow_up_plan):
            text.setReadOnly(read_only)
        self.place.setEnabled(not read_only)
        for box in self.present.values():
            box.setEnabled(not read_only)
        if self.screening is not None:
            self.screening.set_read_only(read_only)
        self.flags.set_read_only(read_only)

    def close_consultation(self) -> bool:
        """Save and leave. When the last edits cannot be saved the pharmacist is asked what to
        do; False (and the editor stays, edits on screen) unless they were saved or copied."""
        if self.data is None:
            return True
        if self.data.editable and not self.settle_unsaved():
            return False
        resident_id = self.data.resident_id
        svc.mark_editing(self.ws, None)
        self.data = None
        self._autosave.stop()
        self._flags_timer.stop()
        self.closed.emit(resident_id)
        return True

    def drop_deleted(self, consultation_id: str) -> None:
        """The draft on screen was deleted on purpose (from the timeline): leave it without
        saving, since saving would bring the deleted record back or fail."""
        if self.data is None or self.data.id != consultation_id:
            return
        self._autosave.stop()
        self._flags_timer.stop()
        self._dirty = False
        self._set_save_error(None)
        resident_id = self.data.resident_id
        self.data = None
        self.closed.emit(resident_id)

    # --- changes made elsewhere ------------------------------------------------------------

    def show_changes(self, changes: ChangeSet) -> None:
        """A commit not made here touched consultations (a sync import, a conflict decided, a draft
        deleted in the timeline). If it changed the open one: with nothing unsaved on screen,
        the editor shows the new version where it stands; with unsaved edits, those stay on
        screen and the pharmacist is told, with the other version one click away."""
        if self.data is None or changes.initiator is self:
            return
        if changes.touches("flag_decision"):
            self.decisions = flag_service.flag_decisions(self.ws, self.data.id)
            self.recompute_flags()
        stored = svc.load_consultation(self.ws, self.data.id)
        if stored is not None and _same_consultation(stored, self.data):
            return
        if stored is None:
            self.theirs = None
            self.elsewhere.setText(
                self.tr(
                    "This consultation was deleted on another laptop. What is on screen is kept "
                    "here until you close it; save a copy if it is still needed."
                )
            )
            self.take_theirs.hide()
            self.keep_button.setText(self.tr("Understood"))
            self.elsewhere_row.show()
        elif self._dirty or any(
            table.state() == table.State.EditingState
            for table in (self.med_table, self.problem_table)
        ):  # a cell being typed in is an unsaved edit too
            self.theirs = stored
            self.elsewhere.setText(
                self.tr(
                    "This consultation was changed on another laptop while you were editing it. "
                    "Your edits stay on screen and are saved over theirs; to keep theirs "
                    "instead, show their version."
                )
            )
            self.take_theirs.show()
            self.keep_button.setText(self.tr("Keep mine"))
            self.elsewhere_row.show()
        else:
            tab, cell = self.tabs.currentIndex(), self.med_table.currentIndex()
            self._show(stored)
            self.tabs.setCurrentIndex(tab)
            if cell.isValid() and cell.row() < self.medications.rowCount():
                self.med_table.setCurrentIndex(self.medications.index(cell.row(), cell.column()))
            self.saved_label.setText(self.tr("Updated from another laptop"))

    def use_theirs(self) -> None:
        """Put the version that came from another laptop on screen in place of the edits
        here (which are dropped), and save it: what was already autosaved of ours goes."""
        theirs = self.theirs
        if theirs is None or self.data is None:
            return
        self._autosave.stop()
        self._show(theirs)
        # Our autosaves may have gone over theirs meanwhile: saving what is on screen now
        # writes theirs back wherever the stored consultation differs.
        self._dirty = True
        self.save_now()

    def keep_mine(self) -> None:
        self.theirs = None
        self.elsewhere_row.hide()

    # --- editing ------------------------------------------------------------------------------

    def _edited(self, *_args: object) -> None:
        if self._loading or self.data is None or not self.data.editable:
            return
        self._dirty = True
        if self._save_error is None:
            self.saved_label.setText(self.tr("Not saved yet…"))
        if not self._autosave.isActive():
            self._autosave.start()
        self._flags_timer.start()
        self._update_header()

    def _chosen(self, position: int, match: CatalogMatch) -> None:
        self.medications.choose(
            position,
            match,
            catalog.ingredients_for(match),
            catalog.strength_suggestions(match),
            catalog.suggested_form(match),
        )

    def collect(self) -> tuple[ConsultationData, list[Problem]]:
        """What the widgets hold now; fields that cannot be read keep their saved value and
        are listed as problems (the text stays in the field for the pharmacist to fix)."""
        assert self.data is not None
        problems: list[Problem] = []

        def read_date(line: QLineEdit, field: str, fallback: date | None) -> date | None:
            text = line.text().strip()
            if not text:
                return None
            parsed = parse_date(text)
            if parsed is None:
                problems.append(Problem(field, "date_malformed", {}, "Malformed date."))
                return fallback
            return parsed

        visit_date = read_date(self.visit_date, "visit_date", self.data.visit.visit_date)
        duration: int | None = self.data.visit.duration_min
        text = self.duration.text().strip()
        if not text:
            duration = None
        elif text.isdecimal():  # ３０ too; not isdigit, which takes ² that int() refuses
            duration = int(text)
        else:
            problems.append(Problem("duration", "duration_range", {}, "Minutes."))
        data = replace(
            self.data,
            visit=Visit(
                visit_date=visit_date or self.data.visit.visit_date,
                visit_time=self.visit_time.text().strip(),
                place=Place(self.place.currentData() or Place.HOME.value),
                duration_min=duration,
                present=frozenset(k for k, box in self.present.items() if box.isChecked()),
            ),
            medications=tuple(self.medications.rows),
            problems=tuple(self.problems.rows),
            advice=self.advice.toPlainText(),
            observations=self.observations.toPlainText(),
            follow_up_plan=self.follow_up_plan.toPlainText(),
            next_visit=read_date(self.next_visit, "next_visit", self.data.next_visit),
            screening=self.screening.answers() if self.screening else self.data.screening,
            observed=self.screening.observed() if self.screening else self.data.observed,
        )
        return data, problems

    def save_state(self) -> str:
        """SAVED (all on screen is in the database), PENDING (an edit waits for autosave) or
        FAILED (the last save did not go through; the header says why)."""
        if self._save_error is not None:
            return FAILED
        return PENDING if self._dirty else SAVED

    def save_now(self) -> bool:
        """Write what is on screen. True when everything readable is in the database.

        A save that fails is never hidden: the header turns red with the reason, the edits stay
        on screen, and a storage failure is tried again every few seconds."""
        self._autosave.stop()
        if self.data is None or not self.data.editable or not self._dirty:
            return True
        data, problems = self.collect()
        try:
            with initiated_by(self):
                svc.save_consultation(self.ws, data)
        except ValidationFailed as failed:
            # Fixing the field is up to the pharmacist; the next edit saves again.
            self.problem_display.show(problems + failed.problems)
            self._set_save_error(self.message.text())
            return False
        except StorageError as error:
            log.warning("autosave failed: %s", error.code)
            self._save_failed(error_text(error))
            return False
        except Exception as error:
            log.error("autosave failed unexpectedly: %s", type(error).__name__, exc_info=True)
            self._save_failed(
                self.tr(
                    "An unexpected error stopped the save; the details are in the log file in "
                    "the data folder."
                )
            )
            return False
        self.data = data
        # A field that could not be read (a malformed date) is still unsaved text on screen.
        self._dirty = bool(problems)
        if problems:
            self.problem_display.show(problems)
            self._set_save_error(self.message.text())
        else:
            self.problem_display.clear()
            self._set_save_error(None)
            self.saved_label.setText(
                self.tr("Saved {time}").format(time=datetime.now().strftime("%H:%M:%S"))
            )
        self.changed.emit()
        return not problems

    def _save_failed(self, reason: str) -> None:
        self.problem_display.show_text(
            reason + " " + self.tr("Saving is tried again every few seconds.")
        )
        self._set_save_error(reason)
        self._autosave.start(RETRY_MS)

    def _set_save_error(self, reason: str | None) -> None:
        self._save_error = reason
        if reason is None:
            style.muted_text(self.saved_label)
            self.saved_label.setToolTip("")
            return
        self.saved_label.setText(self.tr("Not saved"))
        style.unsaved_marker(self.saved_label)
        self.saved_label.setToolTip(reason)

    ask_unsaved: Callable[[QWidget | None, str], str] = staticmethod(UnsavedPrompt.ask)  # type: ignore[assignment]
    ask_copy_path: Callable[[QWidget | None, str], str | None] = staticmethod(ask_copy_path)  # type: ignore[assignment]

    def settle_unsaved(self) -> bool:
        """Before the consultation leaves the screen: True when everything on screen is saved, or
        the pharmacist saved a copy to a file; False to stay (the edits remain on screen)."""
        while not self.save_now():
            reason = self._save_error or self.message.text()
            choice = type(self).ask_unsaved(self, reason)
            if choice == KEEP_OPEN:
                return False
            if choice == SAVE_COPY and self._save_copy():
                return True
        return True

    def _save_copy(self) -> bool:
        assert self.data is not None
        data, _ = self.collect()
        suggested = f"consultation-{data.number}-{data.visit.visit_date.isoformat()}.json"
        path = type(self).ask_copy_path(self, suggested)
        if path is None:
            return False
        try:
            svc.write_unsaved_copy(data, Path(path))
        except OSError as error:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(error))
            return False
        log.info("unsaved consultation edits written to a copy chosen by the pharmacist")
        return True

    def current_flags(self) -> list[flag_service.FlagView]:
        if self.data is None or self.flag_context is None:
            return []
        data, _ = self.collect() if not self._loading else (self.data, [])
        age = None
        if self.resident is not None and self.resident.birth_date is not None:
            age = full_age(self.resident.birth_date, data.visit.visit_date)
        return flag_service.compute_flags(self.flag_context, data, age, self.decisions)

    def recompute_flags(self) -> None:
        if self.data is None or self.flag_context is None:
            return
        self.flags.set_flags(self.current_flags(), current_language())

    def decide_flag(self, key: str, status: str, reason: str) -> None:
        if self.data is None:
            return
        try:
            with initiated_by(self):
                flag_service.decide_flag(self.ws, self.data.id, key, status, reason)
        except ValidationFailed as failed:
            self.problem_display.show(failed.problems)
            return
        self.decisions = flag_service.flag_decisions(self.ws, self.data.id)
        self.recompute_flags()
        self.changed.emit()

    # --- finishing and correcting ---------------------------------------------------------------

    ask_finish_unreviewed: Callable[[QWidget | None, int, int], bool] = staticmethod(  # type: ignore[assignment]
        UnreviewedFlagsPrompt.ask
    )

    def finalise(self) -> None:
        if self.data is None:
            return
        data, problems = self.collect()
        if problems:
            self.problem_display.show(problems)
            return
        high, moderate = flag_service.unreviewed_counts(self.current_flags())
        if (high or moderate) and not type(self).ask_finish_unreviewed(self, high, moderate):
            self.tabs.setCurrentIndex(0)
            self.flags.setFocus()
            return
        try:
            with initiated_by(self):
                svc.finalise_consultation(self.ws, data)
        except ValidationFailed as failed:
            self.problem_display.show(failed.problems)
            return
        except StorageError as error:
            self.problem_display.show_text(error_text(error))
            return
        svc.mark_editing(self.ws, None)
        self._show(svc.load_consultation(self.ws, data.id) or data)
        self.saved_label.setText(self.tr("Finished and saved"))
        self.changed.emit()

    ask_reason: Callable[[QWidget | None], str | None] = staticmethod(AmendDialog.ask)  # type: ignore[assignment]

    def amend(self) -> None:
        if self.data is None:
            return
        reason = type(self).ask_reason(self)
        if reason is None:
            return
        try:
            with initiated_by(self):
                data = svc.amend_consultation(self.ws, self.data.id, reason)
        except ValidationFailed as failed:
            self.problem_display.show(failed.problems)
            return
        svc.mark_editing(self.ws, data.id)
        self._show(data)
        self.changed.emit()

    def show_history(self) -> None:
        if self.data is None:
            return
        HistoryDialog(svc.consultation_history(self.ws, self.data.id), self).open()


class RecoverPrompt(QMessageBox):
    """Offers back the consultation the app had open when it stopped without closing it."""

    def __init__(self, offer: svc.DraftToRecover, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Unfinished consultation"))
        self.setText(
            self.tr(
                "ConsultDesk stopped while a consultation was open: {name}, visit {n} "
                "({day}). Everything typed until a second before was saved. Continue it now?"
            ).format(name=offer.resident_name, n=offer.number, day=offer.visit_date.isoformat())
        )
        self.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        self.button(QMessageBox.StandardButton.Yes).setText(self.tr("Continue"))
        self.button(QMessageBox.StandardButton.No).setText(self.tr("Later"))

    @classmethod
    def ask(cls, offer: svc.DraftToRecover, parent: QWidget | None) -> bool:
        return cls(offer, parent).exec() == QMessageBox.StandardButton.Yes
