"""Residents: search, list, a calm overview of the selected resident, and consent at a glance."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.consent import ConsentKind, ConsentStatus, status_of
from consultdesk.domain.dates import full_age
from consultdesk.domain.problems import ValidationFailed
from consultdesk.services import residents
from consultdesk.services.changes import ChangeSet
from consultdesk.services.residents import ResidentDetail
from consultdesk.services.workspace import Workspace
from consultdesk.ui import style
from consultdesk.ui.consent_dialog import ConsentDialog, WithdrawConsentDialog
from consultdesk.ui.documents_bar import DocumentsBar
from consultdesk.ui.flags_panel import OpenFlagsSummary
from consultdesk.ui.forms import confirm_delete, show_refusal
from consultdesk.ui.labels import (
    consent_kind,
    consent_method,
    consent_status,
    living_options,
    option_label,
    sex_options,
)
from consultdesk.ui.live import update_rows
from consultdesk.ui.messages import problem_text
from consultdesk.ui.resident_dialog import ResidentDialog
from consultdesk.ui.resident_model import FIRST_FILLED, FillBeforePaint, ResidentTableModel
from consultdesk.ui.timeline_view import TimelineWidget

SEARCH_DELAY_MS = 120
# What the list shows (a centre's name is in every row) and what the overview shows.
LISTED = ("resident", "welfare_centre")
ABOUT_THEM = (*LISTED, "case_worker", "consent")  # the overview's own record of the resident
SHOWN = (
    *ABOUT_THEM,
    "consultation",
    "medication_entry",
    "drug_problem",
    "flag_decision",
    "referral",
)
_STATUS_COLOURS = {
    ConsentStatus.GRANTED: style.GOOD,
    ConsentStatus.REFUSED: style.ERROR,
    ConsentStatus.WITHDRAWN: style.ERROR,
    ConsentStatus.NONE: style.WARNING,
}


class ResidentPanel(QWidget):
    """The selected resident: who they are, and where consent stands."""

    changed = Signal()

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.detail: ResidentDetail | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit)
        self.delete_button = QPushButton(self.tr("Delete…"))  # also the Delete key
        self.delete_button.setToolTip(self.tr("Delete this resident (Delete key in the list)"))
        self.delete_button.clicked.connect(self.delete)
        consent_box = QGroupBox(self.tr("Consent"))
        grid = QGridLayout(consent_box)
        self.consent_labels: dict[ConsentKind, QLabel] = {}
        self.record_buttons: dict[ConsentKind, QPushButton] = {}
        self.withdraw_buttons: dict[ConsentKind, QPushButton] = {}
        for row, kind in enumerate(ConsentKind):
            label = QLabel()
            label.setWordWrap(True)
            record = QPushButton(self.tr("Record…"))
            withdraw = QPushButton(self.tr("Withdraw…"))
            record.clicked.connect(lambda _=False, k=kind: self.record_consent(k))
            withdraw.clicked.connect(lambda _=False, k=kind: self.withdraw_consent(k))
            # Text on its own row so long Korean consent names never squeeze into a column.
            grid.addWidget(label, row * 2, 0, 1, 3)
            grid.addWidget(record, row * 2 + 1, 0)
            grid.addWidget(withdraw, row * 2 + 1, 1)
            grid.setColumnStretch(2, 1)
            self.consent_labels[kind] = label
            self.record_buttons[kind] = record
            self.withdraw_buttons[kind] = withdraw
        self.empty = QLabel(self.tr("Choose a resident in the list, or add a new one."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addStretch()
        buttons.addWidget(self.delete_button)
        body.addLayout(buttons)
        body.addWidget(consent_box)
        self.documents = DocumentsBar(ws)  # export documents, or why a referral can't
        body.addWidget(self.documents)
        self.open_flags = OpenFlagsSummary(ws)  # open flags of the latest consultation
        body.addWidget(self.open_flags)
        self.timeline = TimelineWidget(ws)
        self.timeline.draft_deleted.connect(lambda _id: self._reload())
        body.addWidget(self.timeline, 1)
        # The overview scrolls when it is taller than the window (a long summary, a warning
        # and both consents at 1366×768): squeezed instead, the wrapped labels were cut off.
        self.body_scroll = QScrollArea()
        self.body_scroll.setWidget(self.body)
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.body_scroll)
        # Starting a consultation is the main thing done here: its buttons stay in view under
        # the overview however far that scrolls (taken out of the timeline's own layout).
        layout.addWidget(self.timeline.button_row)
        self.show_resident(None)

    def show_resident(self, resident_id: str | None) -> None:
        self.detail = residents.open_resident(self.ws, resident_id) if resident_id else None
        self.empty.setVisible(self.detail is None)
        self.body_scroll.setVisible(self.detail is not None)
        self.timeline.button_row.setVisible(self.detail is not None)
        self.timeline.show_resident(self.detail.id if self.detail else None)
        self.open_flags.show_resident(
            self.detail.id if self.detail else None, consultations=self.timeline.list.count()
        )
        self.documents.show_resident(self.detail.id if self.detail else None)
        if self.detail is None:
            return
        d = self.detail.data
        rows = []
        if d.birth_date and d.birth_approximate:
            age = full_age(d.birth_date, date.today())
            rows.append(
                (
                    self.tr("Birth date"),
                    self.tr("born about {year} (age about {age})").format(
                        year=d.birth_date.year, age=age
                    ),
                )
            )
        elif d.birth_date:
            age = full_age(d.birth_date, date.today())
            rows.append(
                (
                    self.tr("Birth date"),
                    self.tr("{date} (age {age})").format(date=d.birth_date.isoformat(), age=age),
                )
            )
        rows += [
            (self.tr("Sex"), option_label(sex_options(), d.sex)),
            (self.tr("Phone"), d.phone),
            (self.tr("District"), d.district),
            (self.tr("Living situation"), option_label(living_options(), d.living_situation)),
            (self.tr("Welfare centre"), self.detail.centre_name),
            (self.tr("Case worker"), self.detail.case_worker_name),
            (self.tr("Chronic conditions"), d.chronic_conditions),
            (self.tr("Allergies"), d.allergies),
            (self.tr("Notes"), d.notes),
        ]
        table = "".join(
            f"<tr><td style='color:{style.muted()};padding-right:12px'>{html.escape(k)}</td>"
            f"<td>{html.escape(v).replace(chr(10), '<br>')}</td></tr>"
            for k, v in rows
            if v
        )
        self.summary.setText(f"<h2>{html.escape(d.name)}</h2><table>{table}</table>")
        for kind in ConsentKind:
            status, record = status_of(self.detail.consents, kind)
            text = f"<b>{html.escape(consent_kind(kind))}</b><br>"
            colour = _STATUS_COLOURS[status]
            text += f"<span style='color:{colour}'>{html.escape(consent_status(status))}</span>"
            if record is not None:
                text += (
                    " · "
                    + html.escape(record.decided_on.isoformat())
                    + " · "
                    + html.escape(consent_method(record.method))
                )
                if record.witness:
                    text += " · " + html.escape(
                        self.tr("witness: {name}").format(name=record.witness)
                    )
                if record.withdrawn_on:
                    text += " · " + html.escape(
                        self.tr("withdrawn {date}").format(date=record.withdrawn_on.isoformat())
                    )
            self.consent_labels[kind].setText(text)
            self.withdraw_buttons[kind].setEnabled(status is ConsentStatus.GRANTED)

    def _reload(self) -> None:
        if self.detail is not None:
            self.show_resident(self.detail.id)
        self.changed.emit()

    def show_changes(self, changes: ChangeSet) -> None:
        """Records changed elsewhere (a sync, another screen): the resident on show is read
        again (someone deleted meanwhile leaves the overview empty), or only their consultations,
        flags and documents when nothing of the resident's own record changed; the consultations
        selected in the timeline stay selected."""
        if self.detail is None:
            return
        if changes.touches(*ABOUT_THEM):
            self.show_resident(self.detail.id)
        elif changes.touches(*SHOWN):
            resident_id = self.detail.id
            self.timeline.show_resident(resident_id)
            self.open_flags.show_resident(resident_id, consultations=self.timeline.list.count())
            self.documents.show_resident(resident_id)

    def edit(self) -> None:
        if self.detail and ResidentDialog.ask(self.ws, self.detail.id, self):
            self._reload()

    def delete(self) -> None:
        """Delete the shown resident after a confirmation that names them."""
        if self.detail is None:
            return
        d = self.detail.data
        who = (
            self.tr("{name} (born {date})").format(name=d.name, date=d.birth_date.isoformat())
            if d.birth_date
            else d.name
        )
        question = self.tr(
            "Delete the resident {who}?\n\nTheir consultations, consents and referrals will no "
            "longer be listed, on this computer and, after the next sync, on the team's."
        ).format(who=who)
        if not self.confirm_delete(self.tr("Delete resident"), question):
            return
        try:
            residents.delete_resident(self.ws, self.detail.id)
        except ValidationFailed as e:
            show_refusal(
                self,
                self.tr("Delete resident"),
                "\n".join(problem_text(p) for p in e.problems),
            )
        self.show_resident(None)
        self.changed.emit()

    def confirm_delete(self, title: str, text: str) -> bool:
        """The seam tests answer; the real one is a question with Cancel as the default."""
        return confirm_delete(self, title, text)

    def record_consent(self, kind: ConsentKind) -> None:
        if self.detail and ConsentDialog.ask(self.ws, self.detail.id, kind, self):
            self._reload()

    def withdraw_consent(self, kind: ConsentKind) -> None:
        if self.detail is None:
            return
        status, record = status_of(self.detail.consents, kind)
        if (
            record is not None
            and status is ConsentStatus.GRANTED
            and WithdrawConsentDialog.ask(self.ws, record.id, self)
        ):
            self._reload()


class ResidentsView(QWidget):
    def __init__(self, ws: Workspace, *, load: bool = True) -> None:
        """``load``: search now; the main window passes False, as it searches once when it
        shows this area first (searching twice cost a tenth of the unlock)."""
        super().__init__()
        self.ws = ws
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search by name, phone or initials (ㄱㅁㅅ)  —  Ctrl+F")
        )
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton(self.tr("New resident"))
        self.new_button.setShortcut("Ctrl+N")
        self.new_button.clicked.connect(self.new_resident)
        self.count = QLabel()
        self.panel = ResidentPanel(ws)
        self.panel.changed.connect(self.refresh)
        self.model = ResidentTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        FillBeforePaint(self.table, self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Size columns from the first rows only (measuring all 300 cost 43,000 data() calls at
        # start-up), once for the first list rather than on every keystroke.
        header.setResizeContentsPrecision(30)
        self._columns_sized = False
        self.table.setAlternatingRowColors(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _: self.panel.edit())
        # Delete key on the list deletes the selected resident, after the confirmation.
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.panel.delete)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: self._timer.start())
        self.search.returnPressed.connect(self.refresh)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)
        splitter = self.splitter = QSplitter()  # beside the list (ui/window_state.py)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        if load:
            self.refresh()

    def refresh(self) -> None:
        """Run the search now; keep the selected resident selected if still listed."""
        self._timer.stop()
        selected = self.selected_id()
        rows, total = residents.search_residents(self.ws, self.search.text())
        self.model.set_rows(rows)
        self._size_columns_once()
        self._show_count(len(rows), total)
        if selected and not self.select(selected):
            # A model reset drops the selection without a signal; the overview must not go on
            # showing someone who is no longer in the list.
            self.panel.show_resident(None)

    def show_changes(self, changes: ChangeSet) -> None:
        """Records changed elsewhere (a sync import, another screen): the same search runs
        again and the list changes in place (a row updated, added or removed), so the
        selection, the scroll position and the words typed stay; the overview follows."""
        if changes.touches(*LISTED):
            selected = self.selected_id()
            rows, total = residents.search_residents(self.ws, self.search.text())
            update_rows(self.model, rows, key=lambda row: row.id)
            self._size_columns_once()  # a list first filled by a sync (a newcomer's)
            self._show_count(len(rows), total)
            if selected and self.selected_id() != selected:
                self.select(selected)  # a long list reset instead of changing in place
        self.panel.show_changes(changes)

    def _size_columns_once(self) -> None:
        """Size the columns to the first residents listed, once (not on every keystroke). Their
        cells are made first: rows a sync inserted are made only when painted."""
        if self.model.rows and not self._columns_sized:
            self.model.fill(0, FIRST_FILLED - 1)
            self.table.resizeColumnsToContents()
            self._fit_choice_columns()
            self._columns_sized = True

    def _show_count(self, shown: int, total: int) -> None:
        if total > shown:
            self.count.setText(
                self.tr(
                    "Showing {shown} of %Ln resident(s) — type to narrow the list", "", total
                ).format(shown=f"{shown:,}")
            )
        else:
            self.count.setText(self.tr("%Ln resident(s)", "", total))

    def _fit_choice_columns(self) -> None:
        """Sex and living situation are words from short fixed lists: make room for the longest
        (the first rows may all say 여 where someone further down says 기록 없음)."""
        metrics = self.table.fontMetrics()
        for column, options in (
            (ResidentTableModel.SEX, sex_options()),
            (ResidentTableModel.LIVING, living_options()),
        ):
            widest = max(metrics.horizontalAdvance(label) for _, label in options) + 12
            self.table.setColumnWidth(column, max(self.table.columnWidth(column), widest))

    def select(self, resident_id: str) -> bool:
        for row, listed in enumerate(self.model.rows):
            if listed.id == resident_id:
                self.table.selectRow(row)
                return True
        return False

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.panel.show_resident(self.selected_id())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_resident(self) -> None:
        resident_id = ResidentDialog.ask(self.ws, None, self)
        if resident_id:
            self.reveal(resident_id)

    def reveal(self, resident_id: str) -> None:
        """Show this resident selected in a fresh list. What was typed in the search stays; it
        is cleared only when it would hide the resident (a new one, say). The search is never
        filled with the resident's name. Beyond the first rows of a very long list the
        overview still shows them, with no row selected."""
        self.table.clearSelection()
        self.refresh()
        if not self.select(resident_id) and self.search.text():
            self.search.clear()
            self.refresh()
            self.select(resident_id)
        if self.selected_id() != resident_id:
            self.panel.show_resident(resident_id)
