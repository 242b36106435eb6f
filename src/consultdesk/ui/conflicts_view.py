"""Sync conflicts: two values of one field side by side, and a person decides (the merge
rules: sync/merge.py).

Choosing a value (or typing a merged one) saves it as a new change of this laptop, so the
decision reaches every laptop with the next sync and answers the same conflict there.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelection,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.ids import short_device
from consultdesk.services import sync_conflicts
from consultdesk.services.sync_conflicts import (
    DELETE_RECORD,
    KEEP_RECORD,
    ConflictItem,
    ConflictSide,
    ConflictValue,
)
from consultdesk.services.workspace import Workspace
from consultdesk.ui import style
from consultdesk.ui.messages import error_text
from consultdesk.ui.table_model import ReadOnlyTableModel
from consultdesk.ui.times import local_time

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def entity_label(entity: str) -> str:
    labels = {
        "resident": QCoreApplication.translate("SyncLabels", "Resident"),
        "consent": QCoreApplication.translate("SyncLabels", "Consent"),
        "welfare_centre": QCoreApplication.translate("SyncLabels", "Welfare centre"),
        "case_worker": QCoreApplication.translate("SyncLabels", "Case worker"),
        "consultation": QCoreApplication.translate("SyncLabels", "Consultation"),
        "medication_entry": QCoreApplication.translate("SyncLabels", "Medicine"),
        "drug_problem": QCoreApplication.translate("SyncLabels", "Drug-related problem"),
        "flag_decision": QCoreApplication.translate("SyncLabels", "Risk flag decision"),
        "consultation_version": QCoreApplication.translate(
            "SyncLabels", "Earlier version of a consultation"
        ),
        "referral": QCoreApplication.translate("SyncLabels", "Referral"),
    }
    return labels.get(entity, entity)


def conflict_field_label(item: ConflictItem) -> str:
    """What the conflict is about: the field, or "Deleted" when a delete met an edit."""
    if item.is_deletion:
        return QCoreApplication.translate("SyncLabels", "Deleted")
    return field_label(item.entity, item.field)


def field_label(entity: str, field: str) -> str:
    """The field as a person calls it; the column name when there is no better word."""
    by_entity = {
        ("medication_entry", "strength"): QCoreApplication.translate("SyncLabels", "Strength"),
        ("medication_entry", "morning"): QCoreApplication.translate(
            "SyncLabels", "Dose in the morning"
        ),
        ("medication_entry", "noon"): QCoreApplication.translate("SyncLabels", "Dose at noon"),
        ("medication_entry", "evening"): QCoreApplication.translate(
            "SyncLabels", "Dose in the evening"
        ),
        ("medication_entry", "bedtime"): QCoreApplication.translate(
            "SyncLabels", "Dose at bedtime"
        ),
        ("medication_entry", "as_needed"): QCoreApplication.translate(
            "SyncLabels", "Dose when needed"
        ),
        ("medication_entry", "name_as_found"): QCoreApplication.translate(
            "SyncLabels", "Medicine name"
        ),
        ("consent", "granted"): QCoreApplication.translate("SyncLabels", "Consent given"),
        ("consent", "decided_on"): QCoreApplication.translate("SyncLabels", "Date of the decision"),
        ("consent", "method"): QCoreApplication.translate("SyncLabels", "How consent was given"),
        ("consent", "witness"): QCoreApplication.translate("SyncLabels", "Witness"),
        ("consent", "withdrawn_on"): QCoreApplication.translate("SyncLabels", "Withdrawn on"),
        ("consent", "kind"): QCoreApplication.translate("SyncLabels", "Kind of consent"),
    }
    common = {
        "name": QCoreApplication.translate("SyncLabels", "Name"),
        "birth_date": QCoreApplication.translate("SyncLabels", "Birth date"),
        "sex": QCoreApplication.translate("SyncLabels", "Sex"),
        "phone": QCoreApplication.translate("SyncLabels", "Phone"),
        "email": QCoreApplication.translate("SyncLabels", "E-mail"),
        "district": QCoreApplication.translate("SyncLabels", "District"),
        "living_situation": QCoreApplication.translate("SyncLabels", "Living situation"),
        "centre_id": QCoreApplication.translate("SyncLabels", "Welfare centre"),
        "case_worker_id": QCoreApplication.translate("SyncLabels", "Case worker"),
        "chronic_conditions": QCoreApplication.translate("SyncLabels", "Chronic conditions"),
        "allergies": QCoreApplication.translate("SyncLabels", "Allergies"),
        "notes": QCoreApplication.translate("SyncLabels", "Notes"),
        "advice": QCoreApplication.translate("SyncLabels", "Advice given"),
        "observations": QCoreApplication.translate("SyncLabels", "Observations"),
        "follow_up_plan": QCoreApplication.translate("SyncLabels", "Follow-up plan"),
        "next_visit": QCoreApplication.translate("SyncLabels", "Next visit"),
        "visit_date": QCoreApplication.translate("SyncLabels", "Visit date"),
        "status": QCoreApplication.translate("SyncLabels", "Status"),
        "purpose": QCoreApplication.translate("SyncLabels", "Purpose"),
        "prescriber": QCoreApplication.translate("SyncLabels", "Prescriber"),
        "adherence": QCoreApplication.translate("SyncLabels", "Adherence"),
        "description": QCoreApplication.translate("SyncLabels", "Description"),
        "intervention": QCoreApplication.translate("SyncLabels", "Intervention"),
        "outcome": QCoreApplication.translate("SyncLabels", "Outcome"),
        "opinion": QCoreApplication.translate("SyncLabels", "Pharmacist's opinion"),
        "state": QCoreApplication.translate("SyncLabels", "State"),
    }
    return by_entity.get((entity, field)) or common.get(field) or field


def value_text(value: ConflictValue) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("SyncLabels", "(empty)")
    if value is True:
        return QCoreApplication.translate("SyncLabels", "Yes")
    if value is False:
        return QCoreApplication.translate("SyncLabels", "No")
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def side_text(item: ConflictItem, side: ConflictSide) -> str:
    """One side of a conflict in words: the value, or what happened to the record."""
    if item.is_deletion:
        if side.deletes:
            return QCoreApplication.translate("SyncLabels", "The record was deleted")
        return QCoreApplication.translate("SyncLabels", "{field} was changed to: {value}").format(
            field=field_label(item.entity, side.field), value=value_text(side.value)
        )
    return value_text(side.value)


def who_text(side: ConflictSide) -> str:
    when = local_time(side.edited_at)
    if side.this_computer:
        return QCoreApplication.translate("SyncLabels", "this computer, {time}").format(time=when)
    return QCoreApplication.translate("SyncLabels", "computer {device}, {time}").format(
        device=short_device(side.device), time=when
    )


class ConflictTableModel(ReadOnlyTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("ConflictTableModel", "About"),
        QT_TRANSLATE_NOOP("ConflictTableModel", "What"),
        QT_TRANSLATE_NOOP("ConflictTableModel", "Shown now"),
        QT_TRANSLATE_NOOP("ConflictTableModel", "Other value"),
    )
    WHO, WHAT, SHOWN, OTHER = range(len(HEADERS))

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ConflictItem] = []
        self._cells: list[tuple[str, ...]] = []

    def set_items(self, items: list[ConflictItem]) -> None:
        self.set_rows(items)

    def after_rows_set(self) -> None:
        self._cells = [
            (
                " · ".join(part for part in (item.subject, item.item) if part),
                f"{entity_label(item.entity)}: {conflict_field_label(item)}",
                side_text(item, item.kept),
                side_text(item, item.other),
            )
            for item in self.rows
        ]

    def item(self, row: int) -> ConflictItem | None:
        return self.row_at(row)

    def role_data(self, row: int, column: int, role: int) -> Any:
        item = self.rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[row][column]
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.ForegroundRole and item.requires_person:
            return style.brush(style.Tint.ERROR_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole and item.requires_person:
            return self.tr("A safety field: a person must decide.")
        return None


class ConflictsView(QWidget):
    """Open conflicts, and for the selected one both values side by side."""

    resolved = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, load: bool = True) -> None:
        """``load``: read the conflicts now; the sync area passes False in the main window,
        which reads them when that area is shown."""
        super().__init__(parent)
        self.ws = ws
        self.title = QLabel()
        self.model = ConflictTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selected)

        self.detail = QGroupBox(self.tr("Decide"))
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.kept_box = QGroupBox(self.tr("Shown now"))
        self.other_box = QGroupBox(self.tr("Other value"))
        self.kept_value, self.kept_who = QLabel(), QLabel()
        self.other_value, self.other_who = QLabel(), QLabel()
        self.keep_button = QPushButton(self.tr("Keep this value"))
        self.other_button = QPushButton(self.tr("Use this value"))
        for box, value, who, button in (
            (self.kept_box, self.kept_value, self.kept_who, self.keep_button),
            (self.other_box, self.other_value, self.other_who, self.other_button),
        ):
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            style.large(value)
            style.muted_text(who)
            inner = QVBoxLayout(box)
            inner.addWidget(value)
            inner.addWidget(who)
            inner.addStretch(1)
            inner.addWidget(button)
        self.keep_button.clicked.connect(lambda: self._decide_side(keep=True))
        self.other_button.clicked.connect(lambda: self._decide_side(keep=False))
        self.merged = QLineEdit()
        self.merged.setPlaceholderText(self.tr("Or type the right value, e.g. both combined"))
        self.merged_button = QPushButton(self.tr("Save this value"))
        self.merged_button.clicked.connect(self._decide_typed)
        self.merged.returnPressed.connect(self._decide_typed)
        merged_row = QHBoxLayout()
        merged_row.addWidget(self.merged, 1)
        merged_row.addWidget(self.merged_button)
        self.error = QLabel()
        self.error.setWordWrap(True)
        style.error_text(self.error)
        self.error.hide()
        grid = QGridLayout(self.detail)
        grid.addWidget(self.question, 0, 0, 1, 2)
        grid.addWidget(self.kept_box, 1, 0)
        grid.addWidget(self.other_box, 1, 1)
        grid.addLayout(merged_row, 2, 0, 1, 2)
        grid.addWidget(self.error, 3, 0, 1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self.current: ConflictItem | None = None
        if load:
            self.refresh()

    def refresh(self) -> None:
        """Read the open conflicts again; the one being decided stays chosen, with any value
        typed for it (a sync or an edit elsewhere refreshes this list while it is shown)."""
        keep = self.current.id if self.current else None
        typed = self.merged.text()
        items = sync_conflicts.list_conflicts(self.ws)
        self.model.set_items(items)
        self.title.setText(
            self.tr("Conflicts to decide: {count}").format(count=len(items))
            if items
            else self.tr("No conflicts to decide.")
        )
        row = next((i for i, item in enumerate(items) if item.id == keep), 0 if items else -1)
        if row >= 0:
            self.table.selectRow(row)
        self._show(self.model.item(row) if row >= 0 else None)
        if self.current is not None and self.current.id == keep:
            self.merged.setText(typed)

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._show(self.model.item(rows[0].row()) if rows else None)

    def _show(self, item: ConflictItem | None) -> None:
        self.current = item
        self.error.hide()
        self.detail.setVisible(item is not None)
        if item is None:
            return
        about = " · ".join(part for part in (item.subject, item.item) if part)
        what = conflict_field_label(item)
        if item.is_deletion:
            question = self.tr(
                "{about} — one laptop deleted this record while another changed it. Keep the "
                "record, or delete it?"
            )
        elif item.requires_person:
            question = self.tr(
                "{about} — {what} was changed on two laptops. This is a safety field: check "
                "with the resident or the prescription, then choose."
            )
        else:
            question = self.tr("{about} — {what} was changed on two laptops. Which is right?")
        self.question.setText(question.format(about=about or "?", what=what))
        self.kept_value.setText(side_text(item, item.kept))
        self.other_value.setText(side_text(item, item.other))
        self.kept_who.setText(who_text(item.kept))
        self.other_who.setText(who_text(item.other))
        deletion = item.is_deletion
        kept_deletes = item.kept.deletes
        if deletion:
            self.keep_button.setText(
                self.tr("Delete the record") if kept_deletes else self.tr("Keep the record")
            )
            self.other_button.setText(
                self.tr("Keep the record") if kept_deletes else self.tr("Delete the record")
            )
        else:
            self.keep_button.setText(self.tr("Keep this value"))
            self.other_button.setText(self.tr("Use this value"))
        self.merged.setVisible(not deletion)
        self.merged_button.setVisible(not deletion)
        self.merged.setText("")

    def _decide_side(self, keep: bool) -> None:
        item = self.current
        if item is None:
            return
        side = item.kept if keep else item.other
        if item.is_deletion:
            value: ConflictValue = DELETE_RECORD if side.deletes else KEEP_RECORD
        else:
            value = side.value
        self._resolve(item, value)

    def _decide_typed(self) -> None:
        item = self.current
        if item is None or item.is_deletion:
            return
        try:
            value = sync_conflicts.value_from_text(item.entity, item.field, self.merged.text())
        except sync_conflicts.ConflictValueInvalid as error:
            self._show_error(error)
            return
        self._resolve(item, value)

    def _resolve(self, item: ConflictItem, value: ConflictValue) -> None:
        try:
            sync_conflicts.resolve_conflict(self.ws, item.id, value)
        except (sync_conflicts.ConflictGone, sync_conflicts.ConflictValueInvalid) as error:
            self.refresh()
            self._show_error(error)
            return
        self.current = None
        self.refresh()
        self.resolved.emit()

    def _show_error(self, error: Exception) -> None:
        self.error.setText(error_text(error))
        self.error.show()
