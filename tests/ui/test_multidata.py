"""The tables that answer all of a painted cell's roles in one multiData() call (the residents
list, the editor's medicines and problems) say exactly what data() says, for every cell and
role, and clear a role they have nothing for: Qt's item delegate reuses its span from one cell
to the next, so a role left as it was would draw the previous cell's colour or alignment."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelRoleData, QModelRoleDataSpan, Qt

from consultdesk.domain.consultation import Action, MedicationRow, ProblemRow
from consultdesk.domain.ids import new_id
from consultdesk.domain.medication import Adherence, Ingredient
from consultdesk.services import residents
from consultdesk.services.workspace import Workspace
from consultdesk.ui.medication_tables import MedicationModel, ProblemModel
from consultdesk.ui.resident_model import ID_ROLE, ResidentTableModel
from tests.services.visit_data import make_visit

R = Qt.ItemDataRole
# The seven the delegate asks when it paints a cell, and the ones views and editors ask alone.
ROLES = (
    R.FontRole,
    R.TextAlignmentRole,
    R.ForegroundRole,
    R.CheckStateRole,
    R.DecorationRole,
    R.DisplayRole,
    R.BackgroundRole,
    R.ToolTipRole,
    R.EditRole,
    ID_ROLE,
)


def answered(model: QAbstractItemModel, row: int, column: int, role: int) -> Any:
    item = QModelRoleData(role)
    item.setData("from the cell before")  # what a reused span still holds
    model.index(row, column).multiData(QModelRoleDataSpan(item))
    return item.data()


def assert_multidata_is_data(model: QAbstractItemModel) -> None:
    assert model.rowCount() > 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            for role in ROLES:
                expected = model.index(row, column).data(role)
                assert answered(model, row, column, role) == expected, (row, column, role)


def test_the_residents_list(workspace: Workspace) -> None:
    make_visit(workspace)
    make_visit(workspace, name="이영희")
    model = ResidentTableModel(today=date(2026, 11, 20))
    model.set_rows(residents.search_residents(workspace, "")[0])
    assert_multidata_is_data(model)
    assert answered(model, 0, model.AGE, R.TextAlignmentRole) is not None
    assert answered(model, 0, model.NAME, R.TextAlignmentRole) is None


def test_the_medicines_and_problems_with_every_kind_of_marking(qtbot) -> None:
    amlodipine = Ingredient("C08CA01", "암로디핀", "amlodipine")
    taken = MedicationRow(new_id(), "노바스크정 5mg", (amlodipine,), morning="1")
    rows = [
        taken,
        replace(taken, id=new_id(), action=Action.STOP),  # greyed, the name struck through
        MedicationRow(new_id(), "이름 모를 약"),  # unmatched: italic ingredients
        replace(taken, id=new_id(), adherence=Adherence.MISSES_DOSES),
        replace(taken, id=new_id(), storage_problem="유통기한 지남"),
        MedicationRow(new_id(), ""),  # the blank row being typed
    ]
    medicines = MedicationModel()
    medicines.set_rows(rows)
    assert_multidata_is_data(medicines)
    assert answered(medicines, 1, 0, R.FontRole) is not None
    assert answered(medicines, 0, 0, R.FontRole) is None
    medicines.read_only = True
    assert_multidata_is_data(medicines)
    problems = ProblemModel()
    problems.set_rows([ProblemRow(new_id(), description="복용 시간 혼동"), ProblemRow(new_id())])
    assert_multidata_is_data(problems)
