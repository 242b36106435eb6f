"""Import the Korean DUR files the user downloaded, and see which ones are in use.

The file is read off the GUI thread with a progress bar (ui/import_dialog.py); a malformed
file is refused with the line and the reason, and changes nothing. Rows naming an ingredient
the catalog does not know are counted in the summary and can be saved as CSV (written off the
GUI thread) to review.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from consultdesk.domain.dur_import import DurKind
from consultdesk.services import rule_imports
from consultdesk.services.rule_imports import ImportedRuleSetInfo, RuleImportSummary
from consultdesk.services.workspace import Workspace
from consultdesk.ui.forms import ask_yes_no
from consultdesk.ui.import_dialog import ImportDialog, Progress
from consultdesk.ui.labels import dur_kind_label
from consultdesk.ui.messages import error_text
from consultdesk.ui.table_model import ReadOnlyTableModel
from consultdesk.ui.tasks import run_task
from consultdesk.ui.times import DAY, local_text


class ImportedSetsModel(ReadOnlyTableModel):
    """The imported DUR files: list, file, version, date imported, rules in use."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ImportedSetsModel", "List"),
        QT_TRANSLATE_NOOP("ImportedSetsModel", "File"),
        QT_TRANSLATE_NOOP("ImportedSetsModel", "Version"),
        QT_TRANSLATE_NOOP("ImportedSetsModel", "Imported"),
        QT_TRANSLATE_NOOP("ImportedSetsModel", "Rules"),
    )
    KIND, FILE, VERSION, IMPORTED, RULES = range(len(HEADERS))

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ImportedRuleSetInfo] = []

    def role_data(self, row_number: int, column: int, role: int) -> Any:
        row = self.rows[row_number]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.KIND:
                return dur_kind_label(row.kind.value)
            if column == self.FILE:
                return row.file_name
            if column == self.VERSION:
                return row.version
            if column == self.IMPORTED:
                return local_text(row.imported_at, DAY)
            if column == self.RULES:
                return self.tr("cannot be read") if row.error else str(row.rules)
        if role == Qt.ItemDataRole.ToolTipRole and row.error:
            return self.tr(
                "This file can no longer be read and its rules are not used: {error}"
            ).format(error=row.error)
        if role == Qt.ItemDataRole.UserRole:
            return row.kind.value
        return None


class DurImportDialog(ImportDialog):
    imported = Signal()  # the rules in use changed (import or removal)
    summary: RuleImportSummary | None

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self.changed.connect(self.imported)
        self.setWindowTitle(self.tr("Import DUR files"))
        self.intro.setText(
            self.tr(
                "Import the DUR ingredient lists you downloaded (contraindicated combinations, "
                "caution in older adults, same efficacy group) as CSV files in CP949 or UTF-8. "
                "Their rules are used next to the bundled ones, labelled with the file name. "
                "A newer file of the same list replaces the older one."
            )
        )
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Recognise from the file"), "")
        for kind in DurKind:
            self.kind.addItem(dur_kind_label(kind.value), kind.value)
        self.unmatched_button = QPushButton(self.tr("Save unmatched rows as CSV…"))
        self.unmatched_button.setToolTip(
            self.tr(
                "The rows whose ingredient is not in the medicines catalog, with their line in "
                "the file, to check the names against the catalog."
            )
        )
        self.unmatched_button.clicked.connect(self.save_unmatched)
        self.unmatched_button.hide()
        self.saved = QLabel()
        self.saved.setWordWrap(True)
        self.saved.hide()
        self.exporting = False
        self.model = ImportedSetsModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.remove_button = QPushButton(self.tr("Stop using this file"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        form = QFormLayout()
        form.addRow(self.tr("List type"), self.kind)
        unmatched_row = QHBoxLayout()
        unmatched_row.addWidget(self.unmatched_button)
        unmatched_row.addWidget(self.saved, 1)
        remove_row = QHBoxLayout()
        remove_row.addStretch()
        remove_row.addWidget(self.remove_button)
        self.lay_out(
            above=[form],
            below_outcome=[unmatched_row],
            below=[QLabel(self.tr("DUR files in use")), (self.table, 1), remove_row],
        )
        self.resize(720, 480)
        self.refresh()

    # --- seams for tests --------------------------------------------------------------------

    @classmethod
    def confirm_remove(cls, parent: QWidget | None, title: str, text: str) -> bool:
        return ask_yes_no(parent, title, text)

    @classmethod
    def choose_save_file(cls, parent: QWidget | None, title: str, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent, title, str(Path.home() / suggested), "CSV (*.csv)"
        )
        return Path(name) if name else None

    # --- behaviour ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self.model.set_rows(rule_imports.imported_rule_sets(self.ws))
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def working(self) -> bool:
        # A CSV being written finishes on its own too.
        return self.busy or self.exporting

    def _update_buttons(self) -> None:
        super()._update_buttons()
        selected = bool(self.table.selectionModel().selectedRows())
        self.remove_button.setEnabled(selected and not self.busy)
        self.unmatched_button.setEnabled(not self.busy and not self.exporting)
        self.kind.setEnabled(not self.busy)

    def choose_title(self) -> str:
        return self.tr("Choose a DUR file")

    def import_work(self, path: Path) -> Callable[[Progress], RuleImportSummary]:
        value = self.kind.currentData()
        kind = DurKind(value) if value else None
        ws = self.ws
        return lambda progress: rule_imports.import_dur_file(ws, path, progress, kind)

    def before_import(self) -> None:
        self.unmatched_button.hide()
        self.saved.hide()

    def after_import(self, summary: RuleImportSummary) -> None:
        self.unmatched_button.setVisible(bool(summary.unmatched))

    def result_text(self, summary: RuleImportSummary) -> str:
        text = (
            self.tr("{list}: {rules} from {rows} of {file} ({encoding}).").format(
                list=dur_kind_label(summary.kind.value),
                rules=self.tr("%Ln rule(s)", "", summary.rules),
                rows=self.tr("%Ln row(s)", "", summary.rows_read),
                file=summary.file_name,
                encoding=summary.encoding.upper(),
            )
            + " "
            + self.tr(
                "%Ln row(s) skipped (deleted, or combination products that cannot be matched by "
                "name).",
                "",
                summary.rows_skipped,
            )
        )
        if summary.replaced:
            text += " " + self.tr("It replaces the file of this list imported before.")
        if summary.unmapped_columns:
            text += " " + self.tr("Columns not used: {columns}.").format(
                columns=", ".join(summary.unmapped_columns)
            )
        if summary.unmatched:
            text += " " + self.tr(
                "%n row(s) name an ingredient the medicines catalog does not know: their rules "
                "fire only on a medicine typed with exactly that name.",
                "",
                len(summary.unmatched),
            )
        return text

    def save_unmatched(self) -> None:
        summary = self.summary
        if summary is None or not summary.unmatched or self.exporting:
            return
        suggested = f"{Path(summary.file_name).stem}_unmatched.csv"
        path = self.choose_save_file(self, self.tr("Save unmatched rows"), suggested)
        if path is None:
            return
        rows = summary.unmatched
        self.exporting = True
        self.saved.hide()
        self._update_buttons()
        run_task(
            lambda: rule_imports.export_unmatched(path, rows),
            lambda count: self._saved(path, count),
            self._save_failed,
        )

    def _saved(self, path: Path, count: int) -> None:
        self.exporting = False
        self.saved.setText(self.tr("%n row(s) saved in {file}.", "", count).format(file=path.name))
        self.saved.show()
        self._update_buttons()

    def _save_failed(self, error: Exception) -> None:
        self.exporting = False
        self._update_buttons()
        if isinstance(error, OSError):
            detail = error.strerror or str(error)
            self.saved.setText(
                self.tr("The list could not be saved: {detail}").format(detail=detail)
            )
            self.saved.show()
        else:
            self.problems.show_text(error_text(error))

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        info = self.model.rows[rows[0].row()]
        name = self.tr("Stop using {file} ({list})? The bundled rules stay.").format(
            file=info.file_name, list=dur_kind_label(info.kind.value)
        )
        if not self.confirm_remove(self, self.tr("Stop using this file"), name):
            return
        rule_imports.remove_rule_set(self.ws, info.kind)
        self.outcome.hide()
        self.refresh()
        self.changed.emit()
