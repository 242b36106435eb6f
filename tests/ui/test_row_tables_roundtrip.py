"""Every editable cell of every row table, set the way a pharmacist sets it, survives a reopen.

Generated from the tables' own column lists: a column added later is covered without anyone
remembering to write a test for it. Each value goes through the real delegate and its real
editor (createEditor → choose → setModelData), autosave writes it, the session is closed and
opened again from the database, and the cell must show what was chosen.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyleOptionViewItem

from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consultations as svc
from consultdesk.services.residents import save_resident
from consultdesk.ui.consultation_editor import ConsultationEditor
from consultdesk.ui.medication_tables import medication_columns, problem_columns
from tests.consent_helpers import consent_to_health_info

TABLES = {
    "medications": medication_columns,
    "problems": problem_columns,
}

# A text value per column that exercises Hangul and digits and cannot be mistaken for a default.
TEXT_SAMPLES = {"name_as_found": "동네약국 소화제", "strength": "2.5mg"}


def editable_columns() -> list[tuple[str, str]]:
    return [
        (table, column.field)
        for table, columns in TABLES.items()
        for column in columns()
        if column.editable
    ]


@pytest.fixture
def session(qtbot, workspace):
    resident = save_resident(workspace, ResidentDraft(name="김순자", birth_date="1941-05-09"))
    consent_to_health_info(workspace, resident)
    cid = svc.start_consultation(workspace, resident, today=date(2026, 11, 20))
    editor = ConsultationEditor(workspace)
    qtbot.addWidget(editor)
    editor.resize(1300, 800)
    editor.show()
    assert editor.open(cid)
    return editor, cid


def table_parts(editor: ConsultationEditor, table: str):
    if table == "medications":
        return editor.med_table, editor.medications
    return editor.problem_table, editor.problems


def start_row(qtbot, editor: ConsultationEditor, table: str) -> None:
    """A row the save keeps: a named medicine, or a problem with a description."""
    view, model = table_parts(editor, table)
    view.add_row_after_current()
    key = "name_as_found" if table == "medications" else "description"
    column = next(i for i, c in enumerate(model.columns) if c.field == key)
    set_through_delegate(view, model.index(0, column), "시작 행")


def set_through_delegate(view, index: QModelIndex, value: str) -> list[str]:
    """Open the cell's real editor, put ``value`` in it as the person would, commit it.
    Returns the choices the editor offered (empty for a text cell)."""
    delegate = view.itemDelegateForIndex(index)
    editor = delegate.createEditor(view.viewport(), QStyleOptionViewItem(), index)
    delegate.setEditorData(editor, index)
    offered: list[str] = []
    if isinstance(editor, QComboBox):
        offered = [editor.itemData(i) for i in range(editor.count())]
        position = editor.findData(value)
        assert position >= 0, f"{value!r} is not offered"
        editor.setCurrentIndex(position)
    else:
        assert isinstance(editor, QLineEdit)
        editor.setText(value)
    delegate.setModelData(editor, view.model(), index)
    editor.deleteLater()
    return offered


def choices_of(view, index: QModelIndex) -> list[str]:
    delegate = view.itemDelegateForIndex(index)
    editor = delegate.createEditor(view.viewport(), QStyleOptionViewItem(), index)
    try:
        if isinstance(editor, QComboBox):
            return [editor.itemData(i) for i in range(editor.count())]
        return []
    finally:
        editor.deleteLater()


def wait_saved(qtbot, editor: ConsultationEditor) -> None:
    """Autosave, not Ctrl+S: the edit must reach the database on its own."""
    qtbot.waitUntil(lambda: not editor._dirty, timeout=5000)
    assert editor.save_state() == "saved", editor.saved_label.text()


def reopen(qtbot, editor: ConsultationEditor, cid: str) -> None:
    assert editor.close_consultation()
    assert editor.open(cid)


@pytest.mark.parametrize(("table", "field"), editable_columns())
def test_every_value_of_every_editable_cell_survives_a_reopen(qtbot, session, table, field):
    editor, cid = session
    view, model = table_parts(editor, table)
    start_row(qtbot, editor, table)
    wait_saved(qtbot, editor)
    column = next(i for i, c in enumerate(model.columns) if c.field == field)
    index = model.index(0, column)
    choices = choices_of(view, index)
    values = choices or [TEXT_SAMPLES.get(field, f"{field} 값 7")]
    if choices:
        # Start from a value other than the first, so the first choice is a real change too.
        values = [*choices[1:], choices[0]]
    for value in values:
        set_through_delegate(view, model.index(0, column), value)
        wait_saved(qtbot, editor)
        reopen(qtbot, editor, cid)
        shown = model.index(0, column).data(Qt.ItemDataRole.EditRole)
        assert shown == value, (table, field, value)
        # …and the record itself holds it, read back by the service.
        saved = svc.load_consultation(editor.ws, cid)
        rows = saved.medications if table == "medications" else saved.problems
        stored = getattr(rows[0], field)
        assert getattr(stored, "value", stored) == value


def test_the_generated_test_covers_every_choice_column():
    """Guard against the generator going blind: the tables do have choice columns."""
    fields = {field for _, field in editable_columns()}
    assert {"source", "adherence", "action", "category", "intervention"} <= fields
