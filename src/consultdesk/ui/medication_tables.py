"""The two tables of the consultation editor: the medication inventory and the problems."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLineEdit, QWidget

from consultdesk.domain.catalog import CatalogMatch
from consultdesk.domain.consultation import MedicationRow, ProblemRow
from consultdesk.domain.ids import new_id
from consultdesk.domain.medication import Adherence
from consultdesk.ui import i18n, labels, style
from consultdesk.ui.row_tables import (
    ATTENTION,
    UNMATCHED_FG,
    ChoiceDelegate,
    Column,
    RowTableModel,
    italic,
)

Index = QModelIndex | QPersistentModelIndex


def _ingredients_text(row: MedicationRow) -> str:
    if row.is_blank:
        return ""
    if not row.matched:
        return QCoreApplication.translate("MedicationTable", "unmatched")
    ko = i18n.current_language() == "ko"
    return ", ".join(
        f"{(i.name_ko if ko else i.name_en) or i.name_en or i.name_ko} {i.atc}".strip()
        for i in row.ingredients
    )


def medication_columns() -> list[Column]:
    return [
        Column("name_as_found", QT_TRANSLATE_NOOP("MedicationTable", "Name as found"), width=170),
        Column(
            "ingredients",
            QT_TRANSLATE_NOOP("MedicationTable", "Ingredient (ATC)"),
            width=170,
            editable=False,
            display=_ingredients_text,
        ),
        Column("strength", QT_TRANSLATE_NOOP("MedicationTable", "Strength"), width=70),
        Column("morning", QT_TRANSLATE_NOOP("MedicationTable", "Morning"), width=60),
        Column("noon", QT_TRANSLATE_NOOP("MedicationTable", "Noon"), width=60),
        Column("evening", QT_TRANSLATE_NOOP("MedicationTable", "Evening"), width=60),
        Column("bedtime", QT_TRANSLATE_NOOP("MedicationTable", "Bedtime"), width=60),
        Column("as_needed", QT_TRANSLATE_NOOP("MedicationTable", "As needed"), width=74),
        Column("prescriber", QT_TRANSLATE_NOOP("MedicationTable", "Prescriber"), width=130),
        Column("purpose", QT_TRANSLATE_NOOP("MedicationTable", "For"), width=110),
        Column(
            "source",
            QT_TRANSLATE_NOOP("MedicationTable", "Source"),
            labels.source_options,
            width=118,
        ),
        Column(
            "adherence",
            QT_TRANSLATE_NOOP("MedicationTable", "How it is taken"),
            labels.adherence_options,
            width=118,
        ),
        Column(
            "storage_problem", QT_TRANSLATE_NOOP("MedicationTable", "Storage / expiry"), width=110
        ),
        Column("leftover", QT_TRANSLATE_NOOP("MedicationTable", "Left over"), width=70),
        Column(
            "action",
            QT_TRANSLATE_NOOP("MedicationTable", "Action"),
            labels.action_options,
            width=124,
        ),
    ]


_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_FONT = Qt.ItemDataRole.FontRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
NOT_TAKEN_FG = style.brush(style.Tint.NOT_TAKEN_TEXT)
NOT_TAKEN_BG = style.brush(style.Tint.NOT_TAKEN)


def struck_out() -> QFont:
    font = QFont()
    font.setStrikeOut(True)
    return font


class MedicationModel(RowTableModel):
    def __init__(self) -> None:
        super().__init__(medication_columns(), lambda: MedicationRow(id=new_id(), name_as_found=""))
        self.name_column = 0

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        # Typing another name drops the catalog match: the row is free text until a
        # suggestion is chosen again.
        if role == Qt.ItemDataRole.EditRole and index.isValid() and index.column() == 0:
            row = self.rows[index.row()]
            text = "" if value is None else str(value)
            if text != row.name_as_found and row.ingredients:
                self.replace_row(index.row(), replace(row, name_as_found=text, ingredients=()))
                return True
        return super().setData(index, value, role)

    def choose(
        self,
        position: int,
        match: CatalogMatch,
        ingredients: tuple[Any, ...],
        strengths: tuple[str, ...] = (),
        form: str = "",
    ) -> None:
        """A catalog suggestion was chosen for this row: its name, ingredients and form, and the
        strength when there is only one to choose (a strength already typed is kept)."""
        if self.read_only or not 0 <= position < len(self.rows):
            return
        row = self.rows[position]
        strength = row.strength or (strengths[0] if len(strengths) == 1 else "")
        self.replace_row(
            position,
            replace(
                row,
                name_as_found=match.label,
                ingredients=ingredients,
                strength=strength,
                form=form or row.form,
            ),
        )

    def style_data(self, row: MedicationRow, column: Column, role: int) -> Any:
        if role != _FOREGROUND and role != _FONT and role != _BACKGROUND:
            return None  # asked for every painted cell: the other roles are never styled
        if not row.is_blank and not row.taken:
            # Still in the home, no longer taken: greyed, the name struck through.
            if role == _FOREGROUND:
                return NOT_TAKEN_FG
            if role == _FONT and column.field == "name_as_found":
                return struck_out()
            if role == _BACKGROUND:
                return NOT_TAKEN_BG
            return None
        if column.field == "ingredients" and not row.is_blank and not row.matched:
            if role == _FOREGROUND:
                return UNMATCHED_FG
            if role == _FONT:
                return italic()
        if role == _BACKGROUND:
            if column.field == "adherence" and row.adherence is not Adherence.AS_PRESCRIBED:
                return ATTENTION
            if column.field == "storage_problem" and row.storage_problem.strip():
                return ATTENTION
        return None


def problem_columns() -> list[Column]:
    return [
        Column(
            "category",
            QT_TRANSLATE_NOOP("MedicationTable", "Category"),
            labels.problem_category_options,
            width=120,
        ),
        Column(
            "description",
            QT_TRANSLATE_NOOP("MedicationTable", "Problem"),
            width=300,
        ),
        Column(
            "intervention",
            QT_TRANSLATE_NOOP("MedicationTable", "Intervention"),
            labels.intervention_options,
            width=170,
        ),
        Column("outcome", QT_TRANSLATE_NOOP("MedicationTable", "Outcome"), width=200),
    ]


class ProblemModel(RowTableModel):
    def __init__(self) -> None:
        super().__init__(problem_columns(), lambda: ProblemRow(id=new_id()))


class LiveDelegate(ChoiceDelegate):
    """Text cells write to the model on every keystroke, so autosave sees text that is still
    being typed (a killed app loses at most the last second)."""

    def create_text_editor(self, parent: QWidget, index: Index) -> QLineEdit:
        editor = QLineEdit(parent)
        editor.textEdited.connect(lambda _text: self.commitData.emit(editor))
        return editor


CompleterFactory = Callable[[QLineEdit, Callable[[CatalogMatch], None]], QObject]


class MedicationDelegate(LiveDelegate):
    """The name cell suggests catalog entries (``attach`` wires a completer to its editor);
    ``chosen(row, match)`` says which suggestion was taken for which row."""

    chosen = Signal(int, object)

    def __init__(self, model: MedicationModel, attach: CompleterFactory | None) -> None:
        super().__init__(model)
        self.medications = model
        self.attach = attach
        self._completers: dict[int, QObject] = {}

    def create_text_editor(self, parent: QWidget, index: Index) -> QLineEdit:
        editor = super().create_text_editor(parent, index)
        if index.column() == self.medications.name_column and self.attach is not None:
            position = QPersistentModelIndex(index)

            def taken(match: CatalogMatch) -> None:
                if position.isValid():
                    editor.blockSignals(True)
                    editor.setText(match.label)
                    editor.blockSignals(False)
                    self.chosen.emit(position.row(), match)

            completer = self.attach(editor, taken)
            self._completers[id(editor)] = completer
            editor.destroyed.connect(lambda *_: self._completers.pop(id(editor), None))
        return editor

    def editor_busy(self, editor: QObject) -> bool:
        completer = self._completers.get(id(editor))
        if completer is not None and getattr(completer, "is_open", lambda: False)():
            return True
        return super().editor_busy(editor)
