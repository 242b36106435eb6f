"""Open screens hear about changes: a sync import or an edit in another screen updates what
they show without navigating, keeping the selection and any unsaved edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.domain.consultation import ConsultationData
from consultdesk.domain.resident import ResidentDraft
from consultdesk.services import consultations, residents, sync
from consultdesk.ui.main_window import MainWindow
from consultdesk.ui.resident_model import ResidentTableModel
from consultdesk.ui.sync_view import SyncReportDialog
from tests.consent_helpers import consent_to_health_info
from tests.services.sync_laptops import (  # noqa: F401  (fixtures)
    MakeLaptop,
    join,
    new_laptop_fixture,
    share_fixture,
    start_team,
)


@pytest.fixture(autouse=True)
def no_report_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        SyncReportDialog, "present", classmethod(lambda cls, report, error=None, parent=None: None)
    )


def two_laptops(new_laptop: MakeLaptop, share: Path):  # type: ignore[no-untyped-def]
    a, b = new_laptop("a"), new_laptop("b")
    start_team(a, share)
    join(b, share)
    return a, b


def window_after_start_up_sync(qtbot, ws) -> MainWindow:  # type: ignore[no-untyped-def]
    """Laptop ``ws``'s main window, shown, once its start-up sync has finished.

    Finished, not merely "not running": the sync starts only once the window is painted, so
    on a slow moment of the machine "not running" was true before it had begun. The test then
    asked for its own sync, was refused (one was running), and the start-up sync had read the
    folder before the other laptop's new bundle (seen once in a whole run)."""
    window = MainWindow(ws)
    qtbot.addWidget(window)
    controller = window.sync_area.controller
    runs: list[bool] = []
    controller.running_changed.connect(runs.append)
    window.show()
    qtbot.waitUntil(lambda: runs[-1:] == [False], timeout=10_000)
    return window


def phone_of(model: ResidentTableModel, name: str) -> str:
    for row in range(model.rowCount()):
        if model.index(row, model.NAME).data() == name:
            return str(model.index(row, model.PHONE).data())
    raise AssertionError(f"{name} is not listed")


def test_the_start_up_sync_updates_the_open_list_and_the_status_bar(
    qtbot, new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = two_laptops(new_laptop, share)
    kim = residents.save_resident(a, ResidentDraft(name="김순자", phone="010-1111-2222"))
    sync.sync_now(a)
    sync.sync_now(b)
    # Meanwhile, on the other laptop: a new phone number and a new resident.
    residents.save_resident(a, ResidentDraft(name="김순자", phone="010-3333-4444"), kim)
    residents.save_resident(a, ResidentDraft(name="이영희", phone="010-5555-6666"))
    sync.sync_now(a)

    window = MainWindow(b)  # its quiet start-up sync imports the changes in the background
    qtbot.addWidget(window)
    window.show()
    view = window.residents
    assert view.select(kim) and phone_of(view.model, "김순자") == "010-1111-2222"
    assert "내담자 1명" in window.who.text()
    resets: list[None] = []
    view.model.modelReset.connect(lambda: resets.append(None))

    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=10_000)
    qtbot.waitUntil(lambda: phone_of(view.model, "김순자") == "010-3333-4444")
    qtbot.waitUntil(lambda: "내담자 2명" in window.who.text())
    assert window.stack.currentWidget() is view  # nobody navigated
    assert resets == []  # rows changed in place; the list was not rebuilt
    assert view.selected_id() == kim  # the selection stayed
    assert "010-3333-4444" in view.panel.summary.text()  # and so did the overview, up to date
    assert "내담자 2명" in view.count.text()


def test_a_newcomers_list_first_filled_by_its_sync_has_its_columns_sized(
    qtbot, new_laptop: MakeLaptop, share: Path
) -> None:
    """A laptop that joins a team opens on an empty list, and its start-up sync fills it: the
    columns are sized to the residents then, as for a list read at start-up (they stayed at
    Qt's default width and cut every phone number short)."""
    a, b = two_laptops(new_laptop, share)
    residents.save_resident(a, ResidentDraft(name="김순자", phone="010-1111-2222"))
    residents.save_resident(a, ResidentDraft(name="이영희", phone="010-5555-6666"))
    sync.sync_now(a)
    window = MainWindow(b)
    qtbot.addWidget(window)
    window.show()
    view = window.residents
    assert view.model.rowCount() == 0
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=10_000)
    table, model = view.table, view.model
    for column in (model.NAME, model.PHONE):
        needed = table.sizeHintForColumn(column)
        assert table.columnWidth(column) >= needed, (column, table.columnWidth(column), needed)
    # Sized to its contents, the age column is narrower than Qt's default.
    assert table.columnWidth(model.AGE) < table.horizontalHeader().defaultSectionSize()


def test_a_resident_deleted_on_another_laptop_leaves_the_open_list(
    qtbot, new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = two_laptops(new_laptop, share)
    kim = residents.save_resident(a, ResidentDraft(name="김순자"))
    lee = residents.save_resident(a, ResidentDraft(name="이영희"))
    sync.sync_now(a)
    sync.sync_now(b)
    window = window_after_start_up_sync(qtbot, b)
    view = window.residents
    view.select(lee)
    residents.delete_resident(a, kim)
    sync.sync_now(a)
    window.sync_area.controller.sync_now()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: "내담자 1명" in window.who.text())
    assert view.selected_id() == lee


def test_a_resident_added_in_one_screen_reaches_the_status_bar(qtbot, workspace) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert "내담자 0명" in window.who.text()
    residents.save_resident(workspace, ResidentDraft(name="김순자"))  # as the dialog saves it
    qtbot.waitUntil(lambda: "내담자 1명" in window.who.text())
    qtbot.waitUntil(lambda: window.residents.model.rowCount() == 1)


def test_a_conflict_decided_in_the_sync_area_updates_the_residents_list(
    qtbot, new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = two_laptops(new_laptop, share)
    kim = residents.save_resident(a, ResidentDraft(name="김순자", phone="010-1111-2222"))
    sync.sync_now(a)
    sync.sync_now(b)
    residents.save_resident(a, ResidentDraft(name="김순자", phone="010-3333-4444"), kim)
    residents.save_resident(b, ResidentDraft(name="김순자", phone="010-7777-8888"), kim)
    sync.sync_now(a)
    sync.sync_now(b)
    window = window_after_start_up_sync(qtbot, b)
    view = window.residents
    view.select(kim)
    shown = phone_of(view.model, "김순자")
    window.show_sync_area()
    conflicts = window.sync_area.conflicts
    qtbot.waitUntil(lambda: conflicts.current is not None)
    assert conflicts.current is not None and conflicts.current.field == "phone"
    other = "010-3333-4444" if shown == "010-7777-8888" else "010-7777-8888"
    conflicts.other_button.click()  # the other laptop's number wins
    resets: list[None] = []
    view.model.modelReset.connect(lambda: resets.append(None))
    window.changes.flush()
    assert phone_of(view.model, "김순자") == shown  # hidden: it waits until it is shown
    window.stack.setCurrentWidget(view)  # shown again (not through the navigation's refresh)
    qtbot.waitUntil(lambda: phone_of(view.model, "김순자") == other)
    assert view.selected_id() == kim and other in view.panel.summary.text()
    assert resets == []


def open_a_consultation(qtbot, new_laptop: MakeLaptop, share: Path):  # type: ignore[no-untyped-def]
    """Laptop b has a draft consultation open that laptop a has too."""
    a, b = two_laptops(new_laptop, share)
    kim = residents.save_resident(a, ResidentDraft(name="김순자"))
    consent_to_health_info(a, kim)
    consultation_id = consultations.start_consultation(a, kim)
    sync.sync_now(a)
    sync.sync_now(b)
    window = window_after_start_up_sync(qtbot, b)
    assert window.open_consultation(consultation_id)
    return a, window, consultation_id


def advice_on(a, consultation_id: str, advice: str) -> None:  # type: ignore[no-untyped-def]
    data = consultations.load_consultation(a, consultation_id)
    assert isinstance(data, ConsultationData)
    from dataclasses import replace

    consultations.save_consultation(a, replace(data, advice=advice))
    sync.sync_now(a)


def test_an_open_session_changed_elsewhere_shows_their_version_when_nothing_is_unsaved(
    qtbot, new_laptop: MakeLaptop, share: Path
) -> None:
    a, window, consultation_id = open_a_consultation(qtbot, new_laptop, share)
    editor = window.editor
    advice_on(a, consultation_id, "물을 자주 드세요")
    window.sync_area.controller.sync_now()
    qtbot.waitUntil(lambda: editor.advice.toPlainText() == "물을 자주 드세요", timeout=10_000)
    assert editor.save_state() == "saved" and editor.elsewhere_row.isHidden()
    assert editor.saved_label.text() == "다른 컴퓨터에서 바뀐 내용으로 고침"


def test_an_open_session_changed_elsewhere_keeps_the_unsaved_edit_and_says_so(
    qtbot, new_laptop: MakeLaptop, share: Path
) -> None:
    a, window, consultation_id = open_a_consultation(qtbot, new_laptop, share)
    editor = window.editor
    editor.advice.setPlainText("식후에 드세요")  # typed here, not saved yet
    assert editor.save_state() == "pending"
    advice_on(a, consultation_id, "물을 자주 드세요")
    window.sync_area.controller.sync_now()
    qtbot.waitUntil(lambda: editor.elsewhere_row.isVisible(), timeout=10_000)
    assert editor.advice.toPlainText() == "식후에 드세요"  # the draft on screen is untouched
    assert "다른 컴퓨터" in editor.elsewhere.text()
    editor.take_theirs.click()
    assert editor.advice.toPlainText() == "물을 자주 드세요"
    assert editor.save_state() == "saved" and editor.elsewhere_row.isHidden()
    stored = consultations.load_consultation(window.ws, consultation_id)
    assert stored is not None and stored.advice == "물을 자주 드세요"


def test_the_editor_hears_nothing_of_its_own_saves(qtbot, new_laptop: MakeLaptop, share) -> None:
    _, window, _ = open_a_consultation(qtbot, new_laptop, share)
    editor = window.editor
    editor.advice.setPlainText("식후에 드세요")
    assert editor.save_now()
    editor.observations.setPlainText("혼자 사심")
    window.changes.flush()
    qtbot.wait(50)  # let any queued change set arrive (there must be none that matters)
    window.changes.flush()
    assert editor.elsewhere_row.isHidden() and editor.save_state() == "pending"
    assert editor.observations.toPlainText() == "혼자 사심"


def test_the_conflict_being_decided_keeps_its_typed_value_when_the_list_refreshes(
    qtbot, new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = two_laptops(new_laptop, share)
    kim = residents.save_resident(a, ResidentDraft(name="김순자", phone="010-1111-2222"))
    sync.sync_now(a)
    sync.sync_now(b)
    residents.save_resident(a, ResidentDraft(name="김순자", phone="010-3333-4444"), kim)
    residents.save_resident(b, ResidentDraft(name="김순자", phone="010-7777-8888"), kim)
    sync.sync_now(a)
    window = MainWindow(b)  # its start-up sync raises the conflict
    qtbot.addWidget(window)
    window.show()
    window.show_sync_area()
    conflicts = window.sync_area.conflicts
    qtbot.waitUntil(lambda: conflicts.current is not None, timeout=10_000)
    conflicts.merged.setText("010-9999")  # half typed
    # The resident is renamed in another screen (here through the service, as its dialog does).
    residents.save_resident(b, ResidentDraft(name="김순자 할머니", phone="010-7777-8888"), kim)
    qtbot.waitUntil(lambda: "김순자 할머니" in conflicts.question.text())
    assert conflicts.current is not None and conflicts.current.field == "phone"
    assert conflicts.merged.text() == "010-9999"


def test_the_follow_ups_refresh_while_shown_and_keep_the_chosen_row(qtbot, workspace) -> None:
    from dataclasses import replace
    from datetime import date, timedelta

    overdue = date.today() - timedelta(days=3)
    sessions = {}
    for name in ("김순자", "이영희"):
        resident = residents.save_resident(workspace, ResidentDraft(name=name))
        consent_to_health_info(workspace, resident)
        session = consultations.start_consultation(workspace, resident)
        data = consultations.load_consultation(workspace, session)
        assert data is not None
        consultations.save_consultation(workspace, replace(data, next_visit=overdue))
        sessions[name] = data
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(1)
    view = window.follow_ups
    assert view.model.rowCount() == 2
    lee = next(i for i, r in enumerate(view.model.rows) if r.resident_name == "이영희")
    view.table.selectRow(lee)
    # The next visit of the other resident moves out of the list (saved elsewhere).
    later = replace(sessions["김순자"], next_visit=date.today() + timedelta(days=60))
    consultations.save_consultation(workspace, later)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    [chosen] = view.table.selectionModel().selectedRows()
    assert view.model.rows[chosen.row()].resident_name == "이영희"


def test_a_session_synced_in_appears_in_the_open_timeline_keeping_the_selected_one(
    qtbot, new_laptop: MakeLaptop, share: Path
) -> None:
    a, b = two_laptops(new_laptop, share)
    kim = residents.save_resident(a, ResidentDraft(name="김순자"))
    consent_to_health_info(a, kim)
    first = consultations.start_consultation(a, kim)
    sync.sync_now(a)
    sync.sync_now(b)
    window = window_after_start_up_sync(qtbot, b)
    window.residents.select(kim)
    timeline = window.residents.panel.timeline
    assert timeline.list.count() == 1
    timeline.list.item(0).setSelected(True)
    consultations.start_consultation(a, kim)  # another session, on the other laptop
    sync.sync_now(a)
    window.sync_area.controller.sync_now()
    qtbot.waitUntil(lambda: timeline.list.count() == 2, timeout=10_000)
    assert timeline.selected_ids() == [first]
