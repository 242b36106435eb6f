"""Every item model of the UI passes pytest-qt's model tester, filled from a real encrypted
database the way its view fills it (and empty); the read-only ones share ui/table_model.py, so
their headers come translated from the class's own context and their column count is theirs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt

from consultdesk.services import (
    consultations,
    referrals,
    residents,
    rule_imports,
    sync_conflicts,
)
from consultdesk.services.catalog import medicines_catalog
from consultdesk.services.consultations import load_consultation
from consultdesk.services.measures import GroupBy, ReportRequest, compute_reports
from consultdesk.services.workspace import Workspace
from consultdesk.ui.catalog_completer import CatalogMatchModel
from consultdesk.ui.conflicts_view import ConflictTableModel
from consultdesk.ui.dur_import_dialog import ImportedSetsModel
from consultdesk.ui.follow_up_view import FollowUpModel
from consultdesk.ui.measures_view import MeasuresModel
from consultdesk.ui.medication_tables import MedicationModel, ProblemModel
from consultdesk.ui.referrals_view import ReferralTableModel
from consultdesk.ui.resident_model import ResidentTableModel
from consultdesk.ui.table_model import ReadOnlyTableModel
from tests.services.measures_team import END, START, TODAY, build_team
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    MakeLaptop,
    new_laptop_fixture,
    share_fixture,
)
from tests.services.test_flags import DUR_ROWS, write_dur
from tests.services.visit_data import make_visit
from tests.ui.test_referrals_view import draft_for
from tests.ui.test_sync_ui import _conflicting_laptops

READ_ONLY = [
    CatalogMatchModel,
    ConflictTableModel,
    FollowUpModel,
    ImportedSetsModel,
    MeasuresModel,
    ReferralTableModel,
    ResidentTableModel,
]


def headers(model: QAbstractItemModel) -> list[str]:
    return [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(model.columnCount())
    ]


def check_filled(qtmodeltester, model: QAbstractItemModel, rows: int | None = None) -> None:
    qtmodeltester.check(model)
    assert model.rowCount() > 0 if rows is None else model.rowCount() == rows
    assert all(headers(model)), "a column without a header"
    # Beyond the last row or column there is nothing, and asking does not raise.
    assert model.index(model.rowCount(), 0).data() is None
    assert model.headerData(model.columnCount(), Qt.Orientation.Horizontal) is None


@pytest.mark.parametrize("model_class", READ_ONLY, ids=lambda c: c.__name__)
def test_each_read_only_model_is_well_behaved_while_empty(qtmodeltester, model_class) -> None:
    model = model_class()
    # The residents list's cells are held by Qt (ui/resident_model.py), read-only all the same.
    assert isinstance(model, ReadOnlyTableModel) or model_class is ResidentTableModel
    qtmodeltester.check(model)
    assert model.rowCount() == 0


@pytest.mark.parametrize(
    "model_class", [m for m in READ_ONLY if m is not MeasuresModel], ids=lambda c: c.__name__
)
def test_headers_are_named_once_and_come_translated(model_class) -> None:
    model = model_class()
    shown = headers(model)
    assert model.columnCount() == len(model_class.HEADERS) == len(shown) > 0
    # The Korean catalogue is installed (tests/ui/conftest.py): each header is looked up in
    # the context of the class that lists it, the one its self.tr() calls use.
    assert model_class.__name__ == model.CONTEXT
    english = [str(h) for h, text in zip(model_class.HEADERS, shown, strict=True) if h == text]
    assert english == []


def test_residents(qtmodeltester, workspace: Workspace) -> None:
    make_visit(workspace)
    make_visit(workspace, name="이영희")
    rows, _ = residents.search_residents(workspace, "")
    model = ResidentTableModel(today=date(2026, 11, 20))
    model.set_rows(rows)
    check_filled(qtmodeltester, model, rows=2)
    assert headers(model)[model.AGE] == "나이(만)"
    assert {model.index(r, model.NAME).data() for r in range(2)} == {"홍길순", "이영희"}


def test_catalog_matches(qtmodeltester, workspace: Workspace) -> None:
    model = CatalogMatchModel()
    model.set_matches(medicines_catalog(workspace).search("암로", 12))
    check_filled(qtmodeltester, model)
    assert model.match_at(0) is not None and model.match_at(model.rowCount()) is None


def test_follow_ups(qtmodeltester, workspace: Workspace) -> None:
    make_visit(workspace)  # next visit 2026-11-16
    due = consultations.follow_up_list(workspace, date(2026, 11, 20))
    model = FollowUpModel()
    model.set_rows(due.overdue + due.this_week, date(2026, 11, 20))
    check_filled(qtmodeltester, model, rows=1)
    assert model.index(0, model.DUE).data() == model.due_text(model.rows[0])
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_referrals(qtmodeltester, workspace: Workspace) -> None:
    draft_for(workspace, make_visit(workspace))
    model = ReferralTableModel()
    model.set_rows(referrals.list_open_referrals(workspace))
    check_filled(qtmodeltester, model, rows=1)


def test_imported_dur_files(qtmodeltester, workspace: Workspace, tmp_path: Path) -> None:
    rule_imports.import_dur_file(workspace, write_dur(tmp_path, DUR_ROWS))
    model = ImportedSetsModel()
    model.set_rows(rule_imports.imported_rule_sets(workspace))
    check_filled(qtmodeltester, model, rows=1)


def test_sync_conflicts(qtmodeltester, new_laptop: MakeLaptop, share: Path) -> None:
    _, b, _ = _conflicting_laptops(new_laptop, share)
    model = ConflictTableModel()
    model.set_items(sync_conflicts.list_conflicts(b))
    check_filled(qtmodeltester, model, rows=2)
    assert model.item(0) is model.rows[0] and model.item(2) is None


def test_measures_with_and_without_groups(qtmodeltester, workspace: Workspace) -> None:
    build_team(workspace)
    request = ReportRequest(START, END, today=TODAY)
    total, by_centre = compute_reports(workspace, request, (GroupBy.ALL, GroupBy.CENTRE))
    model = MeasuresModel()
    model.set_reports(total, None)
    check_filled(qtmodeltester, model)
    assert model.columnCount() == 2
    model.set_reports(total, by_centre)
    check_filled(qtmodeltester, model)
    assert model.columnCount() == 2 + len(model.groups()) > 2
    assert headers(model)[:2] == ["지표", "기간 전체"]


def test_the_editable_medicine_and_problem_tables(qtmodeltester, workspace: Workspace) -> None:
    visit = make_visit(workspace)
    data = load_consultation(workspace, visit.consultation_id)
    assert data is not None
    medicines, problems = MedicationModel(), ProblemModel()
    medicines.set_rows(data.medications)
    problems.set_rows(data.problems)
    for model in (medicines, problems):
        check_filled(qtmodeltester, model)
        model.read_only = True
        qtmodeltester.check(model)
